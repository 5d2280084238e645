import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language.js';
import { errorMessages } from './error-messages.js';

describe('language choice', () => {
  it('is Vietnamese unless the client prefers English', () => {
    expect(pickLanguage(undefined)).toBe('vi');
    expect(pickLanguage('en-US,en;q=0.9')).toBe('en');
    expect(pickLanguage('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(pickLanguage('fr-FR')).toBe('vi');
  });

  it('has every error message in both languages, in NFC', () => {
    for (const [code, text] of Object.entries(errorMessages)) {
      expect(text.vi, code).toBeTruthy();
      expect(text.en, code).toBeTruthy();
      expect(text.vi, code).toBe(text.vi.normalize('NFC'));
    }
  });
});
