import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../../platform/errors.js';

/**
 * Institutions' signing keys at rest: AES-256-GCM under the key-encryption key of CREDENTIAL_KEY_SECRET.
 * node:crypto gives authenticated encryption with no extra dependency; GCM's tag makes a wrong secret
 * (or an altered row) fail loudly instead of yielding a garbage key. The key id is the additional
 * authenticated data, so a ciphertext copied onto another key's row does not decrypt either.
 *
 * Stored form: `aes256gcm:<iv>:<tag>:<ciphertext>` (base64url). A multibase secret key begins with `z`, so a
 * row without the prefix is a legacy plaintext key (written before this) and is re-encrypted when read.
 */
const PREFIX = 'aes256gcm:';

export function isEncryptedSecretKey(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

export function encryptSecretKey(secretKeyMultibase: string, keyId: string, kek: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secretKeyMultibase, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${ciphertext.toString('base64url')}`;
}

/** The plaintext key; a legacy plaintext row comes back as it is. A wrong secret is a clear 503, never a 500. */
export function decryptSecretKey(stored: string, keyId: string, kek: Buffer): string {
  if (!isEncryptedSecretKey(stored)) return stored;
  const [iv, tag, ciphertext] = stored.slice(PREFIX.length).split(':');
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(iv ?? '', 'base64url'));
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag ?? '', 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext ?? '', 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('credential_key_secret_wrong', 503, { keyId });
  }
}
