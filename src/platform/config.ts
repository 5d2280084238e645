import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './auth/login-limits.js';

/** Runtime configuration, read once from the environment. */
export interface AppConfig {
  /** PostgreSQL server URL; when absent the embedded engine (PGlite) is used. */
  databaseUrl: string | undefined;
  /** Directory of the embedded database files (ignored with a server). */
  dataDir: string;
  host: string;
  port: number;
  /** Secure cookies need HTTPS; off for the laptop demo on plain http. */
  secureCookies: boolean;
  logLevel: LogLevel;
  /** How many reverse proxies in front append to X-Forwarded-For (0: none, the socket address is the client). */
  trustProxy: number;
  /** Load demo agencies and accounts when the database has no account yet. */
  seedDemo: boolean;
  /** IANA time zone in which "today", deadlines and dates on documents are reckoned. */
  timeZone: string;
  /** Failed sign-ins allowed per account and per client address. */
  loginLimits: LoginLimits;
  /** Outgoing mail; null when SMTP_URL is not set (reminders are in-app only). */
  smtp: SmtpSettings | null;
  /** The certificates' public host and the key-encryption key of the institutions' signing keys. */
  credentials: CredentialSettings;
}

export interface SmtpSettings {
  /** smtps: TLS from the start; smtp: STARTTLS (required when a user is given). */
  secure: boolean;
  host: string;
  port: number;
  user: string | undefined;
  password: string | undefined;
  from: string;
}

/** A setting that is wrong; the message names every one of them. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings (environment):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// `NAME=` (empty) counts as unset, as shells and .env files commonly write it.
const unset = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional());

const boolean = (fallback: boolean) =>
  z.preprocess(
    unset,
    z
      .enum(['true', 'false'], { error: (issue) => `must be true or false, not "${String(issue.input)}"` })
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true'),
  );

const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(
    unset,
    z
      .string()
      .default(String(fallback))
      .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
        error: (issue) => `must be a whole number from ${min} to ${max}, not "${String(issue.input)}"`,
      })
      .transform(Number),
  );

// A database URL may leave the host out (a Unix socket, PGHOST); a mail server URL may not.
const urlWith = (protocols: string[], hostRequired: boolean) =>
  z.string().refine(
    (v) => {
      try {
        const url = new URL(v);
        return protocols.includes(url.protocol) && (!hostRequired || url.hostname !== '');
      } catch {
        return false;
      }
    },
    { error: (issue) => `must be a URL ${protocols.map((p) => `${p}//host…`).join(' or ')}, not "${redact(String(issue.input))}"` },
  );

const email = z.email({ error: (issue) => `must be an e-mail address, not "${String(issue.input)}"` });

const timeZone = z.preprocess(
  unset,
  z
    .string()
    .default('Asia/Ho_Chi_Minh')
    .refine(
      (v) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: v });
          return true;
        } catch {
          return false;
        }
      },
      { error: (issue) => `must be an IANA time zone such as Asia/Ho_Chi_Minh, not "${String(issue.input)}"` },
    ),
);

const environment = z.object({
  PORT: integer(3000, 0, 65535),
  HOST: z.preprocess(unset, z.string().default('127.0.0.1')),
  DATA_DIR: z.preprocess(unset, z.string().default('data')),
  DATABASE_URL: optional(urlWith(['postgres:', 'postgresql:'], false)),
  SEED_DEMO: boolean(true),
  SECURE_COOKIES: boolean(false),
  // true means one proxy: trusting every hop would make the client's own, forged
  // X-Forwarded-For entry its address, and the per-address sign-in limit void.
  TRUST_PROXY: z.preprocess(
    unset,
    z
      .string()
      .default('false')
      .refine((v) => /^(true|false|\d{1,2})$/.test(v), {
        error: (issue) => `must be false, true (one proxy) or the number of proxies, not "${String(issue.input)}"`,
      })
      .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v))),
  ),
  LOG_LEVEL: z.preprocess(
    unset,
    z.enum(LOG_LEVELS, { error: (issue) => `must be one of ${LOG_LEVELS.join(', ')}, not "${String(issue.input)}"` }).default('info'),
  ),
  TIME_ZONE: timeZone,
  // SMTP_URL and SMTP_FROM: readSmtpSettings.
  LOGIN_MAX_FAILURES_PER_ACCOUNT: integer(DEFAULT_LOGIN_LIMITS.account.max, 1, 1_000_000),
  LOGIN_MAX_FAILURES_PER_ADDRESS: integer(DEFAULT_LOGIN_LIMITS.address.max, 1, 1_000_000),
  LOGIN_WINDOW_MINUTES: integer(DEFAULT_LOGIN_LIMITS.account.windowMs / 60_000, 1, 24 * 60),
});

/** The password in an SMTP or database URL never appears in a message. */
function redact(value: string): string {
  return value.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/**
 * Read and check every setting; throws ConfigError naming every bad value at
 * once, so a deployment is fixed in one round rather than one error a start.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environment.safeParse(env);
  const problems = parsed.success ? [] : problemsOf(parsed.error);
  let smtp: SmtpSettings | null = null;
  let credentials: CredentialSettings | null = null;
  try {
    smtp = readSmtpSettings(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  try {
    credentials = readCredentialSettings(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  if (!parsed.success || problems.length > 0 || !credentials) throw new ConfigError(problems);
  const e = parsed.data;
  const windowMs = e.LOGIN_WINDOW_MINUTES * 60_000;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    host: e.HOST,
    port: e.PORT,
    secureCookies: e.SECURE_COOKIES,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO,
    timeZone: e.TIME_ZONE,
    loginLimits: {
      account: { max: e.LOGIN_MAX_FAILURES_PER_ACCOUNT, windowMs },
      address: { max: e.LOGIN_MAX_FAILURES_PER_ADDRESS, windowMs },
    },
    smtp,
    credentials,
  };
}

const smtpEnvironment = z.object({ SMTP_URL: optional(urlWith(['smtp:', 'smtps:'], true)), SMTP_FROM: optional(email) });

/**
 * The mail settings alone (the mailer reads them when it sends, so a test or
 * a later change of the environment is seen): null without SMTP_URL.
 */
export function readSmtpSettings(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  const parsed = smtpEnvironment.safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  if (!parsed.data.SMTP_URL) return null;
  const url = new URL(parsed.data.SMTP_URL);
  const problems: string[] = [];
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port || (secure ? 465 : 25));
  const fromParam = url.searchParams.get('from') ?? undefined;
  if (fromParam !== undefined && !email.safeParse(fromParam).success) problems.push(`SMTP_URL: ?from= must be an e-mail address, not "${fromParam}"`);
  let user: string | undefined;
  let password: string | undefined;
  try {
    user = url.username ? decodeURIComponent(url.username) : undefined;
    password = url.password ? decodeURIComponent(url.password) : undefined;
  } catch {
    problems.push('SMTP_URL: the user name or password is not correctly %-encoded');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { secure, host: url.hostname, port, user, password, from: parsed.data.SMTP_FROM ?? fromParam ?? `nangluc@${url.hostname}` };
}

export interface CredentialSettings {
  /** Public host name signed into every certificate (its issuer's did:web, its competencies' URLs). */
  host: string;
  /** 32-byte key-encryption key of the institutions' signing keys (AES-256-GCM). */
  keySecret: Buffer;
  /** 'development': no setting was given outside production, and the built-in development key is used. */
  keySecretSource: 'setting' | 'development';
}

/** The demo's and development's host: the product's name, a placeholder until a deployment sets its own. */
const DEVELOPMENT_CREDENTIAL_HOST = 'nangluc.gov.vn';

// A DNS name in lower case: no scheme, port, path or trailing dot, since it becomes did:web:<host>:… verbatim.
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

const credentialEnvironment = z.object({
  NODE_ENV: optional(z.string()),
  CREDENTIAL_HOST: optional(
    z.string().refine((v) => HOST_NAME.test(v), {
      error: (issue) => `must be a host name such as nangluc.gov.vn (lower case, no scheme, port or path), not "${String(issue.input)}"`,
    }),
  ),
  // The secret itself never appears in a message, only its length.
  CREDENTIAL_KEY_SECRET: optional(
    z.string().refine((v) => strictBase64Bytes(v) === 32, {
      error: (issue) =>
        `must be 32 bytes in base64 (e.g. from "openssl rand -base64 32"), not a value of ${strictBase64Bytes(String(issue.input)) ?? 'non-base64'} bytes`,
    }),
  ),
});

/** The number of bytes of a canonical base64 text, or null when it is not one (Buffer.from ignores bad characters). */
function strictBase64Bytes(value: string): number | null {
  const bytes = Buffer.from(value, 'base64');
  return bytes.length > 0 && bytes.toString('base64') === value ? bytes.length : null;
}

/**
 * Outside production a missing key-encryption key falls back to a fixed development key, so that the laptop
 * demo starts with no set-up; it protects nothing (it is in the source), which is why production refuses it.
 */
const DEVELOPMENT_KEY_SECRET = createHash('sha256').update('nangluc development credential key-encryption key').digest();

/**
 * The certificate settings alone (read when a certificate is signed, so a test or a later change of the
 * environment is seen). Production (NODE_ENV=production) requires both: a certificate signed with the
 * placeholder host, or a signing key encrypted with a key in the source, cannot be taken back.
 */
export function readCredentialSettings(env: NodeJS.ProcessEnv = process.env): CredentialSettings {
  const parsed = credentialEnvironment.safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  const { NODE_ENV, CREDENTIAL_HOST, CREDENTIAL_KEY_SECRET } = parsed.data;
  if (NODE_ENV === 'production') {
    const problems: string[] = [];
    if (!CREDENTIAL_HOST)
      problems.push('CREDENTIAL_HOST: required in production (NODE_ENV=production): the public host name signed into every certificate, e.g. nangluc.gov.vn');
    if (!CREDENTIAL_KEY_SECRET)
      problems.push("CREDENTIAL_KEY_SECRET: required in production (NODE_ENV=production): 32 bytes in base64 that encrypt the institutions' signing keys");
    if (problems.length > 0) throw new ConfigError(problems);
  }
  return {
    host: CREDENTIAL_HOST ?? DEVELOPMENT_CREDENTIAL_HOST,
    keySecret: CREDENTIAL_KEY_SECRET ? Buffer.from(CREDENTIAL_KEY_SECRET, 'base64') : DEVELOPMENT_KEY_SECRET,
    keySecretSource: CREDENTIAL_KEY_SECRET ? 'setting' : 'development',
  };
}
