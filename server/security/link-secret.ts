import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The install's secret for public links whose address the team must be able
 * to show again (an invoice's page): a link's token is an HMAC of its id under
 * this secret, and only the token's SHA-256 is stored. A copy of the database
 * alone opens no link; losing the secret breaks none either (they are found
 * by their hash), it only makes their addresses unshowable until a new link
 * is made.
 */
export function linkToken(secret: Buffer, purpose: string, id: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url');
}

export interface LinkSecretOptions {
  /** APP_SECRET, when set (at least 32 characters). */
  appSecret?: string;
  /** Where a generated secret is kept when APP_SECRET is unset. */
  file: string;
}

/**
 * APP_SECRET if set; else the secret in `file`, made (32 random bytes, mode
 * 0600) the first time. Several machines serving one database should share
 * APP_SECRET, or each shows only the links it made.
 */
export function loadLinkSecret({ appSecret, file }: LinkSecretOptions): Buffer {
  if (appSecret) return Buffer.from(appSecret, 'utf8');
  try {
    const kept = fs.readFileSync(file);
    if (kept.length >= 32) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32);
  try {
    // `wx`: when two instances start at once, one writes and the other reads what it wrote.
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file);
  }
}

/** Where the generated secret is kept: beside the SQLite file, else in ./data. */
export function defaultSecretFile(databaseUrl: string): string {
  if (databaseUrl.startsWith('sqlite:') && !databaseUrl.includes(':memory:')) {
    return path.join(path.dirname(path.resolve(databaseUrl.slice('sqlite:'.length))), 'secret.key');
  }
  return path.resolve('data', 'secret.key');
}
