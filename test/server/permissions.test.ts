import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { canEdit, canManageWorkspace, hasAccess } from '../../server/permissions';
import { declare, declaredRoutes, guardTable } from '../../server/routes/declare';
import type { AppEnv } from '../../server/env';
import { createTestApp } from '../support/app';
import { createTestDatabase } from '../support/database';

/** The guard's table as the app builds it from its routes' declarations. */
const requiredAccess = await (async () => {
  const t = await createTestApp();
  try {
    const ruleOf = guardTable(declaredRoutes(t.app.routes));
    return (method: string, path: string) => ruleOf(method, path).access;
  } finally {
    await t.close();
  }
})();

describe('requiredAccess', () => {
  it.each([
    ['GET', '/api/health', 'public'],
    ['GET', '/api/auth/setup', 'public'],
    ['POST', '/api/auth/setup', 'public'],
    ['POST', '/api/auth/login', 'public'],
    ['POST', '/api/auth/logout', 'public'],
    ['GET', '/api/auth/me', 'viewer'],
    ['GET', '/api/brands', 'viewer'],
    ['HEAD', '/api/brands', 'viewer'],
    ['GET', '/api/deliverables/abc', 'viewer'],
    ['POST', '/api/brands', 'editor'],
    ['PATCH', '/api/deals/abc', 'editor'],
    ['DELETE', '/api/deliverables/abc', 'editor'],
    ['POST', '/api/seed', 'editor'],
    ['GET', '/api/settings', 'viewer'],
    ['PATCH', '/api/settings', 'owner'],
    ['PATCH', '/api/settings/', 'owner'],
    ['GET', '/api/users', 'owner'],
    ['PATCH', '/api/users/abc', 'owner'],
    ['GET', '/api/channels', 'owner'],
    ['POST', '/api/channels/abc/test', 'owner'],
    ['PUT', '/api/me/preferences', 'viewer'],
  ] as const)('%s %s needs %s', (method, path, access) => {
    expect(requiredAccess(method, path)).toBe(access);
  });

  it('does not let a public prefix open a longer path', () => {
    expect(requiredAccess('GET', '/api/health/secrets')).toBe('viewer');
    expect(requiredAccess('POST', '/api/auth/login/admin')).toBe('editor');
  });

  it('treats any unknown mutation as needing an editor', () => {
    expect(requiredAccess('POST', '/api/something-new')).toBe('editor');
    expect(requiredAccess('GET', '/api/something-new')).toBe('viewer');
  });
});

describe('a route without a declaration', () => {
  it('stops createApp at start-up, naming the route', async () => {
    vi.resetModules();
    vi.doMock('../../server/routes/seed', () => ({
      seedRoutes: () => new Hono().post('/', (c) => c.body(null, 204)),
    }));
    try {
      const { createApp } = await import('../../server/app');
      const database = await createTestDatabase();
      try {
        expect(() => createApp({ db: database.handle.db })).toThrow(
          /POST \/api\/seed has no declare\(\{ access, summary, answers \}\)/,
        );
      } finally {
        await database.close();
      }
    } finally {
      vi.doUnmock('../../server/routes/seed');
      vi.resetModules();
    }
  });
});

describe('crossSite', () => {
  it('is taken only on public routes: a signed-in route declaring it stops start-up', () => {
    const declared = (access: 'public' | 'viewer') =>
      declaredRoutes(
        new Hono<AppEnv>().post(
          '/api/thing',
          declare({ access, crossSite: true, summary: 'x', answers: { 204: null } }),
          (c) => c.body(null, 204),
        ).routes,
      );
    expect(declared('public')).toHaveLength(1);
    expect(() => declared('viewer')).toThrow(
      /POST \/api\/thing takes requests from other sites \(crossSite\) but needs a signed-in user/,
    );
  });

  it('exempts the one-click unsubscribe from the same-origin check, and nothing else', async () => {
    const t = await createTestApp();
    try {
      const crossSite = declaredRoutes(t.app.routes)
        .filter((route) => route.facts.crossSite)
        .map((route) => `${route.method} ${route.path}`);
      expect(crossSite).toEqual(['POST /api/email/unsubscribe']);
    } finally {
      await t.close();
    }
  });
});

describe('hasAccess', () => {
  it('ranks viewer < editor < owner and lets anybody through public routes', () => {
    expect(hasAccess(undefined, 'public')).toBe(true);
    expect(hasAccess(undefined, 'viewer')).toBe(false);
    expect(hasAccess('viewer', 'viewer')).toBe(true);
    expect(hasAccess('viewer', 'editor')).toBe(false);
    expect(hasAccess('editor', 'editor')).toBe(true);
    expect(hasAccess('editor', 'owner')).toBe(false);
    expect(hasAccess('owner', 'owner')).toBe(true);
    expect(canEdit('viewer')).toBe(false);
    expect(canEdit('editor')).toBe(true);
    expect(canManageWorkspace('editor')).toBe(false);
    expect(canManageWorkspace('owner')).toBe(true);
  });
});
