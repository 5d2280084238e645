import { hash, verify } from '@node-rs/argon2';

// Argon2id with OWASP's minimum cost (19 MiB, 2 passes): the library's defaults.
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

let dummyHash: Promise<string> | undefined;
/** Verify against a throwaway hash so an unknown username takes as long as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(await prepareBurnPasswordCheck(), password);
}

/**
 * Make the throwaway hash ahead of the first sign-in: made lazily, the first
 * unknown username would take a hash longer than a wrong password and say so.
 */
export function prepareBurnPasswordCheck(): Promise<string> {
  dummyHash ??= hashPassword('nangluc-timing-equaliser');
  return dummyHash;
}
