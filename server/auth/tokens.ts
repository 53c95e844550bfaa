import { hash, randomBytes } from 'node:crypto';

/** A random 256-bit token, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored only as their SHA-256: a leaked table grants nothing. One
 * call, not a Hash object fed and drained: this runs before every signed-in request.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}
