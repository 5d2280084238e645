import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

// The web app's message catalogues: every screen must exist in both languages,
// in well-formed Vietnamese, with the same placeholders.
type Messages = { [key: string]: string | Messages };

const load = (language: string): Messages => JSON.parse(fs.readFileSync(new URL(`../../web/src/i18n/${language}.json`, import.meta.url), 'utf8')) as Messages;

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') entries.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

const vi = flatten(load('vi'));
const en = flatten(load('en'));

describe('web message catalogues', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
  });

  it('have no empty text', () => {
    for (const [key, text] of [...vi, ...en]) expect(text.trim(), key).not.toBe('');
  });

  it('are NFC-normalised', () => {
    for (const [key, text] of [...vi, ...en]) expect(text, key).toBe(text.normalize('NFC'));
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of vi) expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('write Vietnamese with its diacritics', () => {
    // A catalogue typed without marks would still pass the checks above.
    const marked = [...vi.values()].filter((text) => /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i.test(text));
    expect(marked.length / vi.size).toBeGreaterThan(0.8);
  });
});
