import http from 'node:http';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../support/database';
import { apiClient, createDeal, setUpOwner, waitFor, trackProcessScopes } from './support';

const processScope = trackProcessScopes();

const WRITES = 10;

/**
 * Holds the deliverables table from another connection, as another process's
 * long transaction would: the server's writes wait for it, so they are
 * certainly in progress when the signal comes.
 */
async function holdDeliverables(databaseUrl: string): Promise<() => Promise<void>> {
  if (TEST_ENGINE === 'postgres') {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('begin');
    await client.query('lock table deliverables in exclusive mode');
    return async () => {
      await client.query('commit');
      await client.end();
    };
  }
  const sqlite = new SQLite(databaseUrl.slice('sqlite:'.length));
  sqlite.exec('begin immediate');
  return async () => {
    sqlite.exec('commit');
    sqlite.close();
  };
}

interface Answer {
  status: number;
  body: string;
}

/** A POST on its own keep-alive connection, answered or failed (a reset shows as status 0). */
function postOn(agent: http.Agent, url: string, cookie: string, body: unknown): Promise<Answer> {
  const text = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(
      `${url}/api/deliverables`,
      {
        method: 'POST',
        agent,
        headers: {
          cookie,
          origin: url,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(text)),
        },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: data }));
        res.on('error', (error) => resolve({ status: 0, body: error.message }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, body: error.message }));
    req.end(text);
  });
}

describe(`a server stopped with SIGTERM (${TEST_ENGINE})`, () => {
  it(`answers all ${WRITES} writes in progress, keeps them, then closes the database and exits 0`, async () => {
    const scope = await processScope();
    const server = await scope.start();
    const cookie = await setUpOwner(server.url);
    const api = apiClient(server.url, cookie);
    const { dealId } = await createDeal(api);

    // Ten open connections the server has accepted (each answered a request already).
    const agent = new http.Agent({ keepAlive: true, maxSockets: WRITES });
    await Promise.all(
      Array.from(
        { length: WRITES },
        () =>
          new Promise<void>((resolve, reject) =>
            http
              .get(`${server.url}/api/health`, { agent }, (res) => res.resume().on('end', resolve))
              .on('error', reject),
          ),
      ),
    );

    const release = await holdDeliverables(scope.databaseUrl);
    let released = false;
    try {
      const answers = Promise.all(
        Array.from({ length: WRITES }, (_, i) =>
          postOn(agent, server.url, cookie, { dealId, title: `Write ${i}`, platform: 'tiktok' }),
        ),
      );
      const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
      server.process.kill('SIGTERM');
      await waitFor('the server to say it got the signal', () =>
        server.output().includes('SIGTERM'),
      );
      await release();
      released = true;

      const results = await answers;
      const failed = results.filter((r) => r.status !== 201);
      expect(
        failed,
        `not 201:\n${failed.map((r) => `${r.status} ${r.body}`).join('\n')}\n${server.output()}`,
      ).toEqual([]);
      expect(await exited, server.output()).toBe(0);
      expect(server.output()).toContain('stopped');
    } finally {
      if (!released) await release();
      agent.destroy();
    }

    const handle = scope.openDb();
    const titles = await handle.db.selectFrom('deliverables').select('title').execute();
    expect(titles.map((t) => t.title).sort()).toEqual(
      Array.from({ length: WRITES }, (_, i) => `Write ${i}`).sort(),
    );
  });

  it('stops accepting connections at once, and exits 0 when nothing is in progress', async () => {
    const scope = await processScope();
    const server = await scope.start();
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    expect(await exited, server.output()).toBe(0);
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });
});
