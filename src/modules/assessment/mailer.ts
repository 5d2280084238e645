// The mailer moved to the platform so that accounts (before assessment in the registry) can send first passwords.
export { configuredMailer, SmtpMailer, type Mailer, type MailMessage } from '../../platform/mail/mailer.js';
