import { describe, expect, it } from 'vitest';
import { createTurns, routeOf } from '../../server/turns';

/** Turns driven by hand: `loopTurn()` runs what `setImmediate` would have run next. */
function manualTurns(slowMs = 5) {
  let clock = 0;
  let pending: Array<() => void> = [];
  const turns = createTurns({
    slowMs,
    now: () => clock,
    defer: (next) => pending.push(next),
  });
  const started: string[] = [];
  /** Asks for a turn; once granted, the request "runs" for `ms` and ends its turn. */
  const request = (name: string, route: string, ms: number) =>
    turns.take(route).then((end) => {
      started.push(name);
      clock += ms;
      end();
    });
  const loopTurn = async () => {
    const run = pending;
    pending = [];
    for (const next of run) next();
    // Let the granted requests run (they are promise continuations).
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { turns, request, loopTurn, started, deferred: () => pending.length };
}

describe('routeOf', () => {
  it('folds ids, tokens and numbers in the path, and drops the query', () => {
    expect(routeOf('GET', 'http://h/api/deliverables/0193a4b2-7c1d-7e0f-9a8b-1c2d3e4f5a6b')).toBe(
      'GET /api/deliverables/:id',
    );
    expect(routeOf('GET', 'http://h/api/deliverables/calendar?from=2026-12-01&to=x')).toBe(
      'GET /api/deliverables/calendar',
    );
    expect(routeOf('GET', 'http://h/api/report-links/Zq3k9_ab8LmN2pQr7sTuVw/pdf')).toBe(
      'GET /api/report-links/:id/pdf',
    );
    expect(routeOf('POST', 'http://h/api/invoices/42/send')).toBe('POST /api/invoices/:id/send');
    expect(routeOf('GET', 'http://h')).toBe('GET /');
  });
});

describe('createTurns', () => {
  it('grants turns first come, first served, and only on a later loop turn', async () => {
    const { request, loopTurn, started } = manualTurns();
    const all = [request('a', 'GET /x', 1), request('b', 'GET /y', 1), request('c', 'GET /x', 1)];
    await Promise.resolve();
    expect(started).toEqual([]);
    await loopTurn();
    expect(started).toEqual(['a', 'b', 'c']);
    await Promise.all(all);
  });

  it('learns a slow route from a request that ran alone', async () => {
    const { turns, request, loopTurn } = manualTurns();
    const first = request('month', 'GET /month', 30);
    await loopTurn();
    await first;
    expect(turns.estimate('GET /month')).toBe(30);
    // Requests granted together are not timed: they run interleaved.
    const together = [request('m1', 'GET /quick', 20), request('m2', 'GET /quick', 20)];
    await loopTurn();
    await Promise.all(together);
    expect(turns.estimate('GET /quick')).toBeUndefined();
  });

  it('starts every quick request waiting but one slow request per loop turn', async () => {
    const { request, loopTurn, started } = manualTurns();
    const warm = request('month0', 'GET /month', 30);
    await loopTurn();
    await warm;
    started.length = 0;

    const months = [1, 2, 3].map((i) => request(`month${i}`, 'GET /month', 30));
    const reads = [1, 2].map((i) => request(`read${i}`, 'GET /read', 0.2));
    await loopTurn();
    expect(started).toEqual(['month1', 'read1', 'read2']);
    const late = request('read3', 'GET /read', 0.2);
    await loopTurn();
    // A read asked for meanwhile starts on the next loop turn, beside the next month.
    expect(started).toEqual(['month1', 'read1', 'read2', 'month2', 'read3']);
    await loopTurn();
    expect(started.at(-1)).toBe('month3');
    await Promise.all([...months, ...reads, late]);
  });

  it('asks for no loop turn when nothing waits', async () => {
    const { request, loopTurn, deferred, turns } = manualTurns();
    const one = request('a', 'GET /x', 1);
    expect(deferred()).toBe(1);
    await loopTurn();
    await one;
    expect(deferred()).toBe(0);
    expect(turns.waiting).toBe(0);
  });

  it('moves a route back to the quick lane when it gets faster', async () => {
    const { turns, request, loopTurn } = manualTurns();
    for (const ms of [30, 1, 1, 1, 1, 1, 1, 1, 1, 1]) {
      const r = request('r', 'GET /r', ms);
      await loopTurn();
      await r;
    }
    expect(turns.estimate('GET /r')).toBeLessThan(5);
  });
});
