import { describe, expect, it } from 'vitest';
import {
  dummyPasswordHash,
  hashPassword,
  OWASP_SCRYPT,
  verifyPassword,
} from '../../../server/auth/password';
import { TEST_PASSWORD_COST } from '../../support/app';

const PASSWORD = 'correct horse battery staple';

function decode(encoded: string) {
  const [scheme, n, r, p, salt, hash] = encoded.split('$');
  return {
    scheme,
    N: Number(n),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt ?? '', 'base64url'),
    hash: Buffer.from(hash ?? '', 'base64url'),
  };
}

describe('hashPassword', () => {
  it('defaults to the OWASP scrypt cost (N=2^17, r=8, p=1) and verifies with it', async () => {
    expect(OWASP_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const encoded = await hashPassword(PASSWORD);
    expect(encoded).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    const parts = decode(encoded);
    expect(parts).toMatchObject({ scheme: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(parts.salt.length).toBeGreaterThanOrEqual(16);
    expect(parts.hash.length).toBeGreaterThanOrEqual(32);
    expect(encoded).not.toContain(PASSWORD);
    // Each derivation at this cost takes a few hundred ms: one to verify; wrong passwords are checked below.
    expect(await verifyPassword(PASSWORD, encoded)).toBe(true);
  });

  it('records the cost it was given, so old hashes keep verifying after the cost changes', async () => {
    const encoded = await hashPassword(PASSWORD, TEST_PASSWORD_COST);
    expect(decode(encoded)).toMatchObject({ N: 1024, r: 8, p: 1 });
    expect(await verifyPassword(PASSWORD, encoded)).toBe(true);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([
      hashPassword(PASSWORD, TEST_PASSWORD_COST),
      hashPassword(PASSWORD, TEST_PASSWORD_COST),
    ]);
    expect(a).not.toBe(b);
    expect(decode(a).salt.equals(decode(b).salt)).toBe(false);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(PASSWORD, b)).toBe(true);
  });
});

describe('verifyPassword', () => {
  it('rejects a wrong password, a different case, and the empty password', async () => {
    const encoded = await hashPassword(PASSWORD, TEST_PASSWORD_COST);
    expect(await verifyPassword('correct horse battery stapler', encoded)).toBe(false);
    expect(await verifyPassword('wrong password entirely', encoded)).toBe(false);
    expect(await verifyPassword(PASSWORD.toUpperCase(), encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
    expect(await verifyPassword(`${PASSWORD} `, encoded)).toBe(false);
  });

  it('treats Unicode-equivalent spellings (NFKC) as the same password', async () => {
    const encoded = await hashPassword('ﬁnance café 12345', TEST_PASSWORD_COST);
    expect(await verifyPassword('finance cafe\u0301 12345', encoded)).toBe(true);
  });

  it('answers false, without throwing, for a malformed or foreign stored hash', async () => {
    const good = await hashPassword(PASSWORD, TEST_PASSWORD_COST);
    const tampered = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const stored of [
      '',
      'plain',
      '$2b$12$abcdefghijklmnopqrstuv',
      'scrypt$1024$8$1$',
      'argon2id$v=19$m=65536',
      tampered,
    ]) {
      await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(false);
    }
  });
});

describe('dummyPasswordHash', () => {
  it('is a well-formed hash that no likely password matches', async () => {
    const dummy = await dummyPasswordHash(TEST_PASSWORD_COST);
    expect(dummy).toMatch(/^scrypt\$/);
    expect(await verifyPassword(PASSWORD, dummy)).toBe(false);
    expect(await verifyPassword('', dummy)).toBe(false);
  });
});
