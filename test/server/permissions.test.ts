import { describe, expect, it } from 'vitest';
import { canEdit, canManageWorkspace, hasAccess, requiredAccess } from '../../server/permissions';

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
