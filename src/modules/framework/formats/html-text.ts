import { cleanText, type LocalizedText } from '../document.js';

/**
 * Moodle stores names and descriptions as HTML and shows one language of a
 * bilingual text through its multilang filter
 * (`<span lang="vi" class="multilang">…</span><span lang="en" class="multilang">…</span>`).
 * We write that convention so a Moodle site shows the right language, and read
 * it back so nothing is lost.
 */

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML fragment written by someone else: paragraphs and breaks become new lines. */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return cleanText(decodeEntities(withBreaks));
}

export function toMultilang(value: LocalizedText): string {
  if (value.vi === value.en) return escapeHtml(value.vi);
  return `<span lang="vi" class="multilang">${escapeHtml(value.vi)}</span><span lang="en" class="multilang">${escapeHtml(value.en)}</span>`;
}

const MULTILANG = /<span\s+lang="([a-z_-]+)"\s+class="multilang">([\s\S]*?)<\/span>/gi;

/** Text without multilang spans is one text in an unknown language: it fills both. */
export function fromMultilang(html: string): LocalizedText {
  const found: Record<string, string> = {};
  let any = false;
  for (const match of html.matchAll(MULTILANG)) {
    any = true;
    found[match[1]!.toLowerCase().slice(0, 2)] = htmlToText(match[2]!);
  }
  if (!any) {
    const plain = htmlToText(html);
    return { vi: plain, en: plain };
  }
  return { vi: found['vi'] ?? '', en: found['en'] ?? '' };
}
