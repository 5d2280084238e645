import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
  auth: string | null;
  /** Whether the message came over TLS (after STARTTLS). */
  tls: boolean;
}

export interface FakeSmtpOptions {
  /** Offer STARTTLS with a self-signed certificate for 127.0.0.1 (trust it with `ca`). */
  starttls?: boolean;
  /** Put a user and password in the URL (the mailer then requires TLS). */
  credentials?: boolean;
}

export interface FakeSmtp {
  url: string;
  mails: ReceivedMail[];
  /** Every command line received, in order, with whether it came over TLS. */
  commands: Array<{ line: string; tls: boolean }>;
  /** Every byte received before TLS, to check that no secret crossed in clear. */
  clearText(): string;
  /** The certificate to trust when `starttls` is on. */
  ca: string | undefined;
  close(): Promise<void>;
}

export const FAKE_SMTP_USER = 'nangluc';
export const FAKE_SMTP_PASSWORD = 'mật-khẩu';

/** A throwaway key and self-signed certificate for 127.0.0.1, made with openssl for this run only. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-smtp-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A tiny SMTP server on loopback that accepts everything and keeps what it received. */
export async function startFakeSmtp(options: FakeSmtpOptions = {}): Promise<FakeSmtp> {
  const mails: ReceivedMail[] = [];
  const commands: FakeSmtp['commands'] = [];
  let clear = '';
  const certificate = options.starttls ? selfSignedCertificate() : undefined;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((plain) => {
    sockets.add(plain);
    plain.on('close', () => sockets.delete(plain));
    plain.on('error', () => undefined);
    let socket: net.Socket = plain;
    let secure = false;
    let buffer = '';
    let inData = false;
    let current: ReceivedMail = { from: '', to: [], data: '', auth: null, tls: false };
    const onData = (chunk: Buffer) => {
      if (!secure) clear += chunk.toString('utf8');
      buffer += chunk.toString('utf8');
      let index;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            mails.push({ ...current, tls: secure });
            current = { from: '', to: [], data: '', auth: current.auth, tls: false };
            socket.write('250 queued\r\n');
          } else current.data += line + '\n';
          continue;
        }
        commands.push({ line, tls: secure });
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write(`250-fake\r\n${certificate && !secure ? '250-STARTTLS\r\n' : ''}250-AUTH PLAIN\r\n250 8BITMIME\r\n`);
        else if (verb === 'STAR' && certificate && !secure) {
          socket.write('220 go ahead\r\n');
          plain.off('data', onData);
          socket = new tls.TLSSocket(plain, { isServer: true, key: certificate.key, cert: certificate.cert });
          socket.on('error', () => undefined);
          secure = true;
          buffer = '';
          socket.on('data', onData);
        } else if (verb === 'AUTH') {
          current.auth = line.slice(11);
          socket.write('235 ok\r\n');
        } else if (verb === 'MAIL') {
          current.from = line;
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          current.to.push(line);
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go\r\n');
        } else if (verb === 'QUIT') {
          socket.write('221 bye\r\n');
          socket.end();
        } else socket.write('502 no\r\n');
      }
    };
    plain.on('data', onData);
    plain.write('220 fake ESMTP\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const userInfo = options.credentials ? `${FAKE_SMTP_USER}:${encodeURIComponent(FAKE_SMTP_PASSWORD)}@` : '';
  return {
    url: `smtp://${userInfo}127.0.0.1:${port}?from=nangluc@hanoi.gov.vn`,
    mails,
    commands,
    clearText: () => clear,
    ca: certificate?.cert,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
