import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { readSmtpSettings, type SmtpSettings } from '../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where reminders go by e-mail; tests and deployments without SMTP pass null. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * `SMTP_URL=smtp://user:pass@host:587` (STARTTLS, required when a user is
 * given) or `smtps://user:pass@host:465` (TLS from the start); the sender is
 * `SMTP_FROM` (or `?from=` in the URL). Without SMTP_URL, reminders are in-app
 * only. The settings are checked at start-up by readConfig; an invalid value
 * here throws the same message.
 */
export function configuredMailer(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const settings = readSmtpSettings(env);
  return settings ? new SmtpMailer(settings) : null;
}

export interface SmtpMailerOptions {
  timeoutMs?: number;
  /** Extra TLS options (tests trust their own certificate authority with `ca`). */
  tls?: SMTPTransport.Options['tls'];
}

/** nodemailer behind our Mailer interface: one connection per message, as reminders are few. */
export class SmtpMailer implements Mailer {
  private readonly transport: nodemailer.Transporter<SMTPTransport.SentMessageInfo>;
  private readonly settings: SmtpSettings;

  constructor(settings: SmtpSettings | string, options: SmtpMailerOptions = {}) {
    this.settings = typeof settings === 'string' ? readSmtpSettings({ SMTP_URL: settings })! : settings;
    const { secure, host, port, user, password } = this.settings;
    const timeout = options.timeoutMs ?? 15_000;
    this.transport = nodemailer.createTransport({
      host,
      port,
      // smtps: TLS from the first byte. smtp: STARTTLS, and with credentials it
      // is required: a server (or a man in the middle) that does not offer it
      // gets no password in clear, the message fails instead.
      secure,
      requireTLS: !secure && user !== undefined,
      auth: user === undefined ? undefined : { user, pass: password ?? '' },
      tls: options.tls,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      name: 'nangluc',
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.settings.from,
      to: message.to,
      subject: message.subject.normalize('NFC'),
      text: message.text.normalize('NFC'),
      // Vietnamese text is mostly non-ASCII: base64 keeps it intact through any relay.
      textEncoding: 'base64',
    });
  }
}
