import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createToken, hashToken } from '../../../server/auth/tokens';

describe('createToken', () => {
  it('makes URL-safe tokens of 256 random bits, never the same twice', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => createToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, 'base64url').length).toBe(32);
    }
  });
});

describe('hashToken', () => {
  it('is the SHA-256 of the token, stable and different from it', () => {
    const token = createToken();
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(token);
    expect(hashToken(`${token}x`)).not.toBe(hashToken(token));
  });
});
