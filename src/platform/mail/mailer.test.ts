import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_SMTP_PASSWORD, FAKE_SMTP_USER, startFakeSmtp, type FakeSmtp } from '../../../test/assessment/fake-smtp.js';
import { configuredMailer, SmtpMailer } from './mailer.js';

const message = { to: 'lan@hanoi.gov.vn', subject: 'Nhắc hoàn thành phiếu đánh giá', text: 'Kính gửi chị Lan,\ncòn 2 phiếu.' };

/** The subject as the recipient's mail program reads it: every base64 (B) encoded word of RFC 2047 decoded and joined. */
function decodedSubject(headers: string): string {
  const folded = /^Subject: (.*(?:\n[ \t].*)*)/m.exec(headers)![1]!;
  const words = folded.split(/\s+/).filter(Boolean);
  expect(words.length).toBeGreaterThan(0);
  return Buffer.concat(words.map((word) => Buffer.from(/^=\?UTF-8\?B\?(.+)\?=$/.exec(word)![1]!, 'base64'))).toString('utf8');
}

function expectContent(mail: FakeSmtp['mails'][number]) {
  expect(mail.from).toMatch(/^MAIL FROM:<nangluc@hanoi\.gov\.vn>/);
  expect(mail.to).toEqual(['RCPT TO:<lan@hanoi.gov.vn>']);
  const [headers, body] = mail.data.split('\n\n');
  expect(headers).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);
  expect(headers).toMatch(/^Content-Transfer-Encoding: base64/im);
  expect(decodedSubject(headers!)).toBe('Nhắc hoàn thành phiếu đánh giá');
  expect(Buffer.from(body!.replace(/\n/g, ''), 'base64').toString()).toBe('Kính gửi chị Lan,\ncòn 2 phiếu.');
}

let withTls: FakeSmtp;
let withoutTls: FakeSmtp;
beforeAll(async () => {
  withTls = await startFakeSmtp({ starttls: true, credentials: true });
  withoutTls = await startFakeSmtp({ credentials: true });
});
afterAll(async () => {
  await withTls.close();
  await withoutTls.close();
});

describe('SmtpMailer', () => {
  it('is configured only by SMTP_URL', () => {
    expect(configuredMailer({})).toBeNull();
    expect(configuredMailer({ SMTP_URL: withTls.url })).toBeInstanceOf(SmtpMailer);
    expect(() => configuredMailer({ SMTP_URL: 'smtp://' })).toThrow(/SMTP_URL/);
  });

  it('sends a UTF-8 message with AUTH PLAIN only after STARTTLS', async () => {
    await new SmtpMailer(withTls.url, { tls: { ca: withTls.ca } }).send(message);
    const mail = withTls.mails.at(-1)!;
    expect(mail.tls).toBe(true);
    expect(Buffer.from(mail.auth!, 'base64').toString()).toBe(`\0${FAKE_SMTP_USER}\0${FAKE_SMTP_PASSWORD}`);
    expect(withTls.commands.find((c) => /^AUTH/i.test(c.line))!.tls).toBe(true);
    expect(withTls.clearText()).not.toMatch(/AUTH/i);
    expectContent(mail);
  });

  it('refuses a server whose certificate it does not trust, before AUTH', async () => {
    const before = withTls.commands.length;
    await expect(new SmtpMailer(withTls.url, { timeoutMs: 5000 }).send(message)).rejects.toThrow();
    expect(withTls.commands.slice(before).some((c) => /^AUTH/i.test(c.line))).toBe(false);
  });

  it('with credentials, fails without ever sending AUTH when the server does not offer STARTTLS', async () => {
    await expect(new SmtpMailer(withoutTls.url, { timeoutMs: 5000 }).send(message)).rejects.toThrow();
    expect(withoutTls.commands.map((c) => c.line)).toContainEqual(expect.stringMatching(/^EHLO/));
    expect(withoutTls.commands.some((c) => /^AUTH/i.test(c.line))).toBe(false);
    const clear = withoutTls.clearText();
    const token = Buffer.from(`\0${FAKE_SMTP_USER}\0${FAKE_SMTP_PASSWORD}`).toString('base64');
    expect(clear).not.toContain(token);
    expect(clear).not.toContain(FAKE_SMTP_PASSWORD);
    expect(clear).not.toContain(Buffer.from(FAKE_SMTP_PASSWORD).toString('base64'));
    expect(withoutTls.mails).toEqual([]);
  });

  it('without credentials, may send in clear to a server without STARTTLS', async () => {
    const relay = await startFakeSmtp();
    try {
      await new SmtpMailer(relay.url).send(message);
      const mail = relay.mails.at(-1)!;
      expect(mail.tls).toBe(false);
      expect(mail.auth).toBeNull();
      expectContent(mail);
    } finally {
      await relay.close();
    }
  });

  it('fails clearly when nobody listens', async () => {
    await expect(new SmtpMailer('smtp://127.0.0.1:1', { timeoutMs: 2000 }).send({ to: 'a@b.c', subject: 's', text: 't' })).rejects.toThrow();
  });
});
