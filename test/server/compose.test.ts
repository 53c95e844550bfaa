import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../../server/config';

/**
 * The container files read as the tools read them, checked against what the server reads.
 * `npm run test:image` builds and runs the image; this catches, in every `npm test`, a
 * setting renamed in the code but not in compose, a lost health check or a secret baked in.
 */

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');

// js-yaml ships no types; the one function used here is typed at this boundary.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface ComposeService {
  build?: string;
  image?: string;
  ports?: string[];
  environment?: Record<string, string>;
  env_file?: string;
  volumes?: string[];
  healthcheck?: { test: string | string[]; interval?: string; retries?: number };
  depends_on?: Record<string, { condition: string }>;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = load(read('compose.yaml')) as ComposeFile;
const postgres = load(read('compose.postgres.yaml')) as ComposeFile;
const composeSources = read('compose.yaml') + read('compose.postgres.yaml');

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions: continuation lines joined, comments dropped. */
function parseDockerfile(text: string): Instruction[] {
  return text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const dockerfile = parseDockerfile(read('Dockerfile'));
const stages = dockerfile.reduce<Instruction[][]>((all, instruction) => {
  if (instruction.keyword === 'FROM') all.push([]);
  all.at(-1)?.push(instruction);
  return all;
}, []);
const finalStage = stages.at(-1) ?? [];
const argsOf = (keyword: string, stage = finalStage) =>
  stage.filter((i) => i.keyword === keyword).map((i) => i.args);

/** `ENV A=1 B=2` → {A: '1', B: '2'}. */
function envOf(stage: Instruction[]): Record<string, string> {
  const pairs = argsOf('ENV', stage).flatMap((args) => args.split(/\s+/));
  return Object.fromEntries(pairs.map((pair) => pair.split('=', 2) as [string, string]));
}
const imageEnv = envOf(finalStage);
const knownNames = new Set<string>([...SETTING_NAMES, ...Object.keys(imageEnv)]);

/** Names that hold a secret: they may come only from the operator's environment. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|_KEY$|SMTP_URL/;

describe('Dockerfile', () => {
  it('builds in a separate stage from an official Node 20+ slim image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      const [image = ''] = (stage[0]?.args ?? '').split(/\s+/);
      const major = /^node:(\d+)-[a-z]+-slim$/.exec(image)?.[1];
      expect(Number(major), image).toBeGreaterThanOrEqual(20);
    }
  });

  it('runs the built server with plain node as a non-root user', () => {
    const users = argsOf('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users.at(-1));
    expect(argsOf('CMD').at(-1)).toMatch(/^\["node",.*"dist\/server\/index\.js"\]$/);
  });

  it('checks /api/health with node (slim images have no curl)', () => {
    const [healthcheck = ''] = argsOf('HEALTHCHECK');
    expect(healthcheck).toMatch(/CMD \["node", "-e", ".*\/api\/health/);
  });

  it('keeps the data in the /data volume and listens on 3000 on every interface', () => {
    expect(argsOf('VOLUME')).toEqual(['/data']);
    expect(argsOf('EXPOSE')).toEqual(['3000']);
    expect(imageEnv).toEqual({
      HOST: '0.0.0.0',
      PORT: '3000',
      DATABASE_URL: 'sqlite:/data/sponsorcal.db',
    });
  });

  it('bakes in no setting the server does not read, and no secret', () => {
    for (const name of Object.keys(imageEnv)) {
      expect(SETTING_NAMES, name).toContain(name);
      expect(name).not.toMatch(SECRET_NAME);
    }
    // Build arguments are empty by default (the CA bundle path is lent to one build only).
    for (const stage of stages) {
      for (const arg of argsOf('ARG', stage)) expect(arg).toMatch(/^[A-Z_]+=?$/);
    }
  });

  it('leaves the machine-specific and bulky files out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.git', 'node_modules', 'dist', 'web/dist', 'data', '*.db', '.env']) {
      expect(ignored).toContain(entry);
    }
  });
});

describe('compose.yaml', () => {
  const app = compose.services.app!;

  it('runs one app service on SQLite in a named volume', () => {
    expect(Object.keys(compose.services)).toEqual(['app']);
    expect(app.build).toBe('.');
    expect(app.environment?.DATABASE_URL).toBe('sqlite:/data/sponsorcal.db');
    expect(app.volumes).toEqual(['sponsorcal-data:/data']);
    expect(Object.keys(compose.volumes ?? {})).toEqual(['sponsorcal-data']);
    expect(app.ports).toEqual(['3000:3000']);
  });

  it('health-checks the app on /api/health with node', () => {
    const test = app.healthcheck?.test;
    // A string is the shell form (CMD-SHELL) in every compose.
    expect(test).toMatch(/^node -e "fetch\(/);
    expect(String(test)).toContain('http://127.0.0.1:3000/api/health');
  });

  it('passes every setting from .env, and fixes the ones the image sets', () => {
    // An env file hands the container every setting an operator writes there; a list of
    // `${NAME:-}` would drop the ones it forgot, and Podman's compose passes `${NAME:-}` on
    // as literal text.
    expect(app.env_file).toBe('.env');
    expect(app.environment).toEqual(imageEnv);
    expect(composeSources).not.toMatch(/\$\{[A-Z_]+:-\}/);
  });

  it('passes only settings the server reads, named as the server names them', () => {
    for (const file of [compose, postgres]) {
      for (const name of Object.keys(file.services.app?.environment ?? {})) {
        expect(knownNames, name).toContain(name);
      }
    }
    // An operator's .env is read through `${NAME}`: each name is a setting, or the database password.
    const interpolated = [...composeSources.matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]);
    for (const name of new Set(interpolated)) {
      expect([...knownNames, 'POSTGRES_PASSWORD'], name).toContain(name);
    }
    expect(interpolated).toContain('POSTGRES_PASSWORD');
  });
});

describe('compose.postgres.yaml', () => {
  const db = postgres.services.postgres!;
  const app = postgres.services.app!;

  it('adds PostgreSQL 16, health-checked with pg_isready, its data in a named volume', () => {
    expect(db.image).toBe('postgres:16');
    expect(String(db.healthcheck?.test)).toMatch(
      /^CMD-SHELL,pg_isready -U sponsorcal -d sponsorcal$/,
    );
    expect(db.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(Object.keys(postgres.volumes ?? {})).toEqual(['postgres-data']);
    // No default password: compose refuses to start until the operator sets one.
    expect(db.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('points the app at it and starts the app once it is healthy', () => {
    expect(app.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(app.environment?.DATABASE_URL).toMatch(
      /^postgres:\/\/sponsorcal:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432\/sponsorcal$/,
    );
    expect(Object.keys(postgres.services).sort()).toEqual(['app', 'postgres']);
  });
});
