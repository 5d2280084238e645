import path from 'node:path';

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
  logLevel: string;
  /** Set when a reverse proxy in front sets X-Forwarded-For. */
  trustProxy: boolean;
  /** Load demo agencies and accounts when the database has no account yet. */
  seedDemo: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    secureCookies: env.SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    seedDemo: env.SEED_DEMO !== 'false',
  };
}
