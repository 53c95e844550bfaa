import { describe, expect, it } from 'vitest';
import { apiRoutesOf } from '../../support/routes';
import { trackApps } from '../helpers';

const apps = trackApps();

interface OpenApiOperation {
  'x-access': string;
  requestBody?: {
    content: {
      'application/json': { schema: { required?: string[]; properties?: Record<string, unknown> } };
    };
  };
  responses: Record<string, unknown>;
  parameters?: Array<{ name: string; in: string }>;
}

describe('GET /api/openapi.json', () => {
  it('is public and lists every /api route the app serves, with who may call it', async () => {
    const t = await apps.app();
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const paths = res.body.paths as Record<string, Record<string, OpenApiOperation>>;
    // One OpenAPI path per template: `/api/invites/:id` and `/api/invites/:token` are one path.
    const template = (path: string) => path.replace(/:[A-Za-z_]\w*|\{[^}]*\}/g, '{}');
    const pathOf = new Map(Object.keys(paths).map((path) => [template(path), path]));
    for (const route of apiRoutesOf(t.app)) {
      const openPath = pathOf.get(template(route.path)) ?? route.path;
      const operation = paths[openPath]?.[route.method.toLowerCase()];
      expect(operation, route.key).toBeDefined();
      expect(['public', 'viewer', 'editor', 'owner']).toContain(operation!['x-access']);
    }
    expect(paths['/api/review/{token}']!.get!['x-access']).toBe('public');
    expect(paths['/api/settings']!.patch!['x-access']).toBe('owner');
  });

  it('describes request bodies with the shared schemas: required fields, enums, version on PATCH', async () => {
    const t = await apps.app();
    // The document's schemas are JSON Schema of any depth: read untyped, as a client would.
    const paths = (await t.client().raw('GET', '/api/openapi.json')).body.paths;
    const create = paths['/api/deliverables'].post.requestBody.content['application/json'].schema;
    expect(create.required.sort()).toEqual(['dealId', 'platform', 'title']);
    expect(create.properties.platform.enum).toContain('tiktok');
    const patch =
      paths['/api/deliverables/{id}'].patch.requestBody.content['application/json'].schema;
    expect(patch.required).toEqual(['version']);
    const decision =
      paths['/api/review/{token}/decision'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(decision)).toContain('request_changes');
    const list = paths['/api/deliverables'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'dealId']),
    );
    expect(list.responses['200'].content['application/json'].schema.properties.items.type).toBe(
      'array',
    );
  });
});
