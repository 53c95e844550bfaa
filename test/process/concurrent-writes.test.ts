import { describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../support/database';
import { apiClient, setUpOwner, trackProcessScopes } from './support';

const processScope = trackProcessScopes();

const WRITES = 200;

describe(`two server instances on one ${TEST_ENGINE} database`, () => {
  it(`answer ${WRITES} concurrent writes spread over both with 2xx, and keep every one`, async () => {
    const scope = await processScope();
    const servers = await Promise.all([scope.start(), scope.start()]);
    const cookie = await setUpOwner(servers[0]!.url);
    const apis = servers.map((s) => apiClient(s.url, cookie));

    // Creating a brand reads (the name's uniqueness, the audit's actor) and then writes:
    // on SQLite a transaction begun as a reader that later writes could not wait for the lock.
    const answers = await Promise.all(
      Array.from({ length: WRITES }, async (_, i) => {
        const response = await apis[i % 2]!.brands.$post({ json: { name: `Brand ${i}` } });
        return { i, status: response.status, body: await response.text() };
      }),
    );
    const failed = answers.filter((a) => a.status !== 201);
    expect(
      failed,
      `answers that were not 201:\n${failed.map((a) => `${a.i}: ${a.status} ${a.body}`).join('\n')}`,
    ).toEqual([]);

    const listed = await apis[1]!.brands.$get({ query: {} });
    const { items } = (await listed.json()) as { items: { name: string }[] };
    expect(new Set(items.map((b) => b.name))).toEqual(new Set(answers.map((a) => `Brand ${a.i}`)));
  });
});
