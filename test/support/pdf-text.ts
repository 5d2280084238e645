import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that pdfkit wrote, one string a line, so API tests can
 * read what a report says (its language, its number and date formats).
 * pdfkit writes text with embedded fonts as glyph codes (hex strings in TJ
 * arrays) and gives each font a ToUnicode map; this reads just that much of
 * the format, no more: it is not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream?: string }>();
  const header = /(\d+) 0 obj\s*/g;
  for (let m = header.exec(source); m; m = header.exec(source)) {
    const start = header.lastIndex;
    const end = source.indexOf('endobj', start);
    const at = source.indexOf('stream', start);
    if (at < 0 || at > end) {
      objects.set(m[1]!, { dict: source.slice(start, end) });
      continue;
    }
    const dict = source.slice(start, at);
    // A stream is as long as its dictionary says (pdfkit writes the length directly): its compressed bytes may
    // end in a line break or hold "endobj" themselves, so neither can mark where it ends.
    const length = Number(/\/Length (\d+)(?! \d+ R)/.exec(dict)?.[1]);
    const from = at + 'stream'.length + (source.startsWith('\r\n', at + 'stream'.length) ? 2 : 1);
    const bytes = Buffer.from(source.slice(from, from + length), 'latin1');
    objects.set(m[1]!, { dict, stream: (/\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes).toString('latin1') });
    header.lastIndex = source.indexOf('endobj', from + length);
  }

  // Font resource name (/F1) → its code → text map, from the font's ToUnicode stream.
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const m of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(m[2]!);
      const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      const cmap = toUnicode && objects.get(toUnicode[1]!)?.stream;
      if (cmap && !fonts.has(m[1]!)) fonts.set(m[1]!, readCmap(cmap));
    }
  }

  const lines: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!stream || /\/(Length1|Subtype|Type)\b/.test(dict)) continue;
    let font = new Map<number, string>();
    let line = '';
    for (const token of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\] TJ|\bET\b/g)) {
      if (token[1]) font = fonts.get(token[1]) ?? new Map();
      else if (token[2] !== undefined) {
        for (const hex of token[2].matchAll(/<([0-9a-fA-F]*)>/g))
          for (let i = 0; i + 4 <= hex[1]!.length; i += 4) line += font.get(parseInt(hex[1]!.slice(i, i + 4), 16)) ?? '';
      } else {
        if (line) lines.push(line);
        line = '';
      }
    }
  }
  return lines;
}

/** pdfkit's ToUnicode map: `<start> <end> [<utf16> <utf16> ...]` ranges. */
function readCmap(cmap: string): Map<number, string> {
  const codes = new Map<number, string>();
  for (const range of cmap.matchAll(/<([0-9a-fA-F]+)> <([0-9a-fA-F]+)> \[([^\]]*)\]/g)) {
    let code = parseInt(range[1]!, 16);
    for (const entry of range[3]!.matchAll(/<([0-9a-fA-F ]*)>/g)) {
      const units = entry[1]!
        .split(' ')
        .filter(Boolean)
        .map((h) => parseInt(h, 16));
      codes.set(code++, String.fromCharCode(...units));
    }
  }
  return codes;
}
