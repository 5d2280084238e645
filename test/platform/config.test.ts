import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ConfigError, readConfig } from '../../src/platform/config.js';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    readConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('readConfig', () => {
  it('has a default for every setting', () => {
    expect(readConfig({})).toMatchObject({
      databaseUrl: undefined,
      host: '127.0.0.1',
      port: 3000,
      secureCookies: false,
      trustProxy: 0,
      seedDemo: true,
      logLevel: 'info',
      timeZone: 'Asia/Ho_Chi_Minh',
      smtp: null,
      loginLimits: { account: { max: 10, windowMs: 900_000 }, address: { max: 30, windowMs: 900_000 } },
    });
  });

  it('reads good values, and an empty value as unset', () => {
    const config = readConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://nangluc@db.internal:5432/nangluc',
      SECURE_COOKIES: 'true',
      TRUST_PROXY: 'true',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      TIME_ZONE: 'Asia/Bangkok',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '50',
      LOGIN_WINDOW_MINUTES: '30',
      SMTP_URL: 'smtp://nangluc:m%E1%BA%ADt-kh%E1%BA%A9u@mail.hanoi.gov.vn:587',
      SMTP_FROM: 'nangluc@hanoi.gov.vn',
      DATA_DIR: '',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://nangluc@db.internal:5432/nangluc',
      secureCookies: true,
      trustProxy: 1,
      seedDemo: false,
      logLevel: 'warn',
      timeZone: 'Asia/Bangkok',
      loginLimits: { account: { max: 5, windowMs: 1_800_000 }, address: { max: 50, windowMs: 1_800_000 } },
      smtp: { secure: false, host: 'mail.hanoi.gov.vn', port: 587, user: 'nangluc', password: 'mật-khẩu', from: 'nangluc@hanoi.gov.vn' },
    });
    expect(config.dataDir).toMatch(/data$/);
    expect(readConfig({ SMTP_URL: 'smtps://relay.gov.vn?from=nhacviec@gov.vn' }).smtp).toMatchObject({
      secure: true,
      port: 465,
      user: undefined,
      from: 'nhacviec@gov.vn',
    });
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(readConfig({ DATABASE_URL: 'postgresql:///nangluc?host=/var/run/postgresql' }).databaseUrl).toBe('postgresql:///nangluc?host=/var/run/postgresql');
  });

  it.each([
    ['PORT', '80a'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['SECURE_COOKIES', 'yes'],
    ['TRUST_PROXY', 'yes'],
    ['TRUST_PROXY', '-1'],
    ['SEED_DEMO', 'no'],
    ['DATABASE_URL', 'mysql://db/nangluc'],
    ['DATABASE_URL', 'not a url'],
    ['LOG_LEVEL', 'verbose'],
    ['TIME_ZONE', 'Asia/Hanoi_City'],
    ['TIME_ZONE', 'GMT+7 please'],
    ['SMTP_URL', 'http://mail.gov.vn'],
    ['SMTP_URL', 'smtp://'],
    ['SMTP_URL', 'smtp://mail.gov.vn?from=not-an-address'],
    ['SMTP_FROM', 'nangluc at gov.vn'],
    ['LOGIN_MAX_FAILURES_PER_ACCOUNT', '0'],
    ['LOGIN_MAX_FAILURES_PER_ADDRESS', 'many'],
    ['LOGIN_WINDOW_MINUTES', '1.5'],
  ])('refuses %s=%s and names it', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('names every bad setting at once, in one message, without the SMTP password', () => {
    const env = {
      PORT: 'http',
      SECURE_COOKIES: 'yes',
      DATABASE_URL: 'sqlite:nangluc.db',
      LOG_LEVEL: 'loud',
      SMTP_URL: 'ftp://u:bi-mat@mail',
      SMTP_FROM: 'x',
      TIME_ZONE: 'Hanoi',
    };
    let error: unknown;
    try {
      readConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of Object.keys(env)) expect(message).toContain(`${name}: `);
    expect(message).not.toContain('bi-mat');
  });
});

describe('certificate settings', () => {
  const secret = Buffer.alloc(32, 7).toString('base64');

  it('defaults to the placeholder host and the development key outside production', () => {
    expect(readConfig({}).credentials).toMatchObject({ host: 'nangluc.gov.vn', keySecretSource: 'development' });
    const set = readConfig({ CREDENTIAL_HOST: 'daotao.hanoi.gov.vn', CREDENTIAL_KEY_SECRET: secret }).credentials;
    expect(set.host).toBe('daotao.hanoi.gov.vn');
    expect(set.keySecretSource).toBe('setting');
    expect(set.keySecret.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('refuses a host with a scheme, port or path, and a secret that is not 32 bytes of base64, without showing the secret', () => {
    for (const host of ['https://nangluc.gov.vn', 'nangluc.gov.vn:8443', 'nangluc.gov.vn/x', 'localhost', 'NangLuc.gov.vn', 'a..b'])
      expect(problemsOf({ CREDENTIAL_HOST: host })).toEqual([expect.stringMatching(/^CREDENTIAL_HOST: must be a host name/)]);
    const short = Buffer.alloc(16, 1).toString('base64');
    const problems = problemsOf({ CREDENTIAL_KEY_SECRET: short });
    expect(problems).toEqual([expect.stringMatching(/^CREDENTIAL_KEY_SECRET: must be 32 bytes in base64.*16 bytes/)]);
    expect(problems.join()).not.toContain(short);
    expect(problemsOf({ CREDENTIAL_KEY_SECRET: 'not base64 at all!' })).toHaveLength(1);
  });

  it('requires both in production, naming each', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([
      expect.stringMatching(/^CREDENTIAL_HOST: required in production/),
      expect.stringMatching(/^CREDENTIAL_KEY_SECRET: required in production/),
    ]);
    expect(readConfig({ NODE_ENV: 'production', CREDENTIAL_HOST: 'nangluc.gov.vn', CREDENTIAL_KEY_SECRET: secret }).credentials.keySecretSource).toBe(
      'setting',
    );
  });
});

describe('npm start with a bad setting', () => {
  it('exits non-zero with the message and no stack trace, before opening anything', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...process.env, PORT: 'ba nghìn', SECURE_COOKIES: 'yes', DATA_DIR: '/nonexistent/never-created' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PORT: must be a whole number');
    expect(run.stderr).toContain('SECURE_COOKIES: must be true or false, not "yes"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).not.toContain('running at');
  }, 60_000);
});
