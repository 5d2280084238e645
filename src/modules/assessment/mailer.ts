import net from 'node:net';
import tls from 'node:tls';

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
 * `SMTP_URL=smtp://user:pass@host:587?from=nangluc@example.gov.vn` (STARTTLS
 * when the server offers it) or `smtps://…:465` (TLS from the start). Without
 * it, reminders are in-app only.
 */
export function configuredMailer(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  return env.SMTP_URL ? new SmtpMailer(env.SMTP_URL) : null;
}

/**
 * A minimal SMTP client on node:net/node:tls (no package was available):
 * EHLO, optional STARTTLS, AUTH PLAIN, one message per connection.
 */
export class SmtpMailer implements Mailer {
  private readonly url: URL;
  constructor(url: string, private readonly timeoutMs = 15_000) {
    this.url = new URL(url);
  }

  async send(message: MailMessage): Promise<void> {
    const secure = this.url.protocol === 'smtps:';
    const host = this.url.hostname;
    const port = Number(this.url.port || (secure ? 465 : 25));
    const from = this.url.searchParams.get('from') ?? `nangluc@${host}`;
    let socket: net.Socket = secure ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
    socket.setTimeout(this.timeoutMs, () => socket.destroy(new Error('SMTP timeout')));
    let reader = lineReader(socket);
    try {
      await expect(reader, 220);
      let features = await command(socket, reader, `EHLO nangluc`, 250);
      if (!secure && features.some((f) => /^STARTTLS/i.test(f))) {
        await command(socket, reader, 'STARTTLS', 220);
        socket.removeAllListeners('data');
        socket = tls.connect({ socket, servername: host });
        reader = lineReader(socket);
        features = await command(socket, reader, 'EHLO nangluc', 250);
      }
      if (this.url.username) {
        const token = Buffer.from(`\0${decodeURIComponent(this.url.username)}\0${decodeURIComponent(this.url.password)}`).toString('base64');
        await command(socket, reader, `AUTH PLAIN ${token}`, 235);
      }
      await command(socket, reader, `MAIL FROM:<${from}>`, 250);
      await command(socket, reader, `RCPT TO:<${message.to}>`, 250);
      await command(socket, reader, 'DATA', 354);
      await command(socket, reader, formatMessage(from, message), 250);
      await command(socket, reader, 'QUIT', 221).catch(() => undefined);
    } finally {
      socket.destroy();
    }
  }
}

/** RFC 5322 message: UTF-8 subject (encoded word), base64 body, dot-stuffing not needed for base64. */
export function formatMessage(from: string, message: MailMessage): string {
  const subject = `=?UTF-8?B?${Buffer.from(message.subject.normalize('NFC')).toString('base64')}?=`;
  const body = Buffer.from(message.text.normalize('NFC')).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `From: <${from}>`, `To: <${message.to}>`, `Subject: ${subject}`, `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', body, '.',
  ].join('\r\n');
}

type Reader = () => Promise<string[]>;

/** Reads one SMTP reply (possibly multi-line "250-…" then "250 …"). */
function lineReader(socket: net.Socket): Reader {
  let buffer = '';
  const waiting: Array<{ resolve: (lines: string[]) => void; reject: (e: Error) => void }> = [];
  let lines: string[] = [];
  let failure: Error | null = null;
  socket.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    let index;
    while ((index = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, index);
      buffer = buffer.slice(index + 2);
      lines.push(line);
      if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) {
        const reply = lines;
        lines = [];
        waiting.shift()?.resolve(reply);
      }
    }
  });
  const fail = (e: Error) => {
    failure = e;
    while (waiting.length) waiting.shift()!.reject(e);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('SMTP connection closed')));
  return () => new Promise((resolve, reject) => (failure ? reject(failure) : waiting.push({ resolve, reject })));
}

async function expect(reader: Reader, code: number): Promise<string[]> {
  const reply = await reader();
  const last = reply[reply.length - 1] ?? '';
  if (Number(last.slice(0, 3)) !== code) throw new Error(`SMTP: expected ${code}, got "${last}"`);
  return reply.map((l) => l.slice(4));
}

async function command(socket: net.Socket, reader: Reader, line: string, code: number): Promise<string[]> {
  const reply = expect(reader, code);
  socket.write(line + '\r\n');
  return reply;
}
