import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, documentMediaType, documentProblems } from './document-rules.js';

const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('application documents', () => {
  it('are told apart by their bytes', () => {
    expect(documentMediaType(pdf)).toBe('application/pdf');
    expect(documentMediaType(png)).toBe('image/png');
    expect(documentMediaType(jpeg)).toBe('image/jpeg');
    expect(documentMediaType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    // A zip (docx) named .pdf is still a zip.
    expect(documentMediaType(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
  });
  it('name each file that is refused, and the application over its total', () => {
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    expect(documentProblems([pdf, Buffer.from('GIF89a'), Buffer.alloc(0), big])).toEqual([
      { index: 1, problem: 'not_accepted_format' },
      { index: 2, problem: 'empty' },
      { index: 3, problem: 'too_large', sizeBytes: big.length, maxBytes: MAX_DOCUMENT_BYTES },
    ]);
    const nearlyFull = Buffer.concat([pdf, Buffer.alloc(MAX_DOCUMENT_BYTES - pdf.length)]);
    expect(documentProblems([nearlyFull, nearlyFull, nearlyFull, nearlyFull, pdf]).map((p) => p.problem)).toEqual(['application_too_large']);
    expect(documentProblems([pdf, png, jpeg])).toEqual([]);
  });
});
