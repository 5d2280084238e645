import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmtp } from '../../../test/assessment/fake-smtp.js';
import { configuredMailer, SmtpMailer } from './mailer.js';

let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
beforeAll(async () => {
  smtp = await startFakeSmtp();
});
afterAll(() => smtp.close());

describe('SmtpMailer', () => {
  it('is configured only by SMTP_URL', () => {
    expect(configuredMailer({})).toBeNull();
    expect(configuredMailer({ SMTP_URL: smtp.url })).toBeInstanceOf(SmtpMailer);
  });

  it('sends a UTF-8 message with AUTH PLAIN', async () => {
    await new SmtpMailer(smtp.url).send({ to: 'lan@hanoi.gov.vn', subject: 'Nhắc hoàn thành phiếu đánh giá', text: 'Kính gửi chị Lan,\ncòn 2 phiếu.' });
    const mail = smtp.mails.at(-1)!;
    expect(mail.from).toBe('MAIL FROM:<nangluc@hanoi.gov.vn>');
    expect(mail.to).toEqual(['RCPT TO:<lan@hanoi.gov.vn>']);
    expect(Buffer.from(mail.auth!, 'base64').toString()).toBe('\0nangluc\0mật-khẩu');
    const [headers, body] = mail.data.split('\n\n');
    const subject = /Subject: =\?UTF-8\?B\?(.+)\?=/.exec(headers!)![1]!;
    expect(Buffer.from(subject, 'base64').toString()).toBe('Nhắc hoàn thành phiếu đánh giá');
    expect(Buffer.from(body!.replace(/\n/g, ''), 'base64').toString()).toBe('Kính gửi chị Lan,\ncòn 2 phiếu.');
  });

  it('fails clearly when nobody listens', async () => {
    await expect(new SmtpMailer('smtp://127.0.0.1:1', 2000).send({ to: 'a@b.c', subject: 's', text: 't' })).rejects.toThrow();
  });
});
