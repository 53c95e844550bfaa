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
    turns.take(route).then((turn) => {
      started.push(name);
      clock += ms;
      turn.end();
    });
  const loopTurn = async () => {
    const run = pending;
    pending = [];
    for (const next of run) next();
    // Let the granted requests run (they are promise continuations).
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  /** A request that runs in steps of `ms`, giving way between them. */
  const stepped = async (name: string, route: string, steps: number[]) => {
    const turn = await turns.take(route);
    for (const [i, ms] of steps.entries()) {
      if (i > 0) await turn.giveWay();
      started.push(`${name}.${i + 1}`);
      clock += ms;
    }
    turn.end();
  };
  return { turns, request, stepped, loopTurn, started, deferred: () => pending.length };
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
  /** Runs one request of `route` alone, so the turns learn how long it takes. */
  async function teach(t: ReturnType<typeof manualTurns>, route: string, ms: number) {
    const done = t.request('teach', route, ms);
    await t.loopTurn();
    await done;
    t.started.length = 0;
  }

  it('runs a route not yet measured alone, one per loop turn, first come first served', async () => {
    const t = manualTurns();
    const all = [
      t.request('a', 'GET /x', 10),
      t.request('b', 'GET /y', 1),
      t.request('c', 'GET /x', 10),
    ];
    await Promise.resolve();
    expect(t.started).toEqual([]);
    await t.loopTurn();
    expect(t.started).toEqual(['a']);
    await t.loopTurn();
    expect(t.started).toEqual(['a', 'b']);
    expect(t.turns.estimate('GET /x')).toBe(10);
    await t.loopTurn();
    expect(t.started).toEqual(['a', 'b', 'c']);
    await Promise.all(all);
  });

  it('moves the requests that waited for their route to be measured to the quick lane once it measures quick, before the later ones', async () => {
    const t = manualTurns();
    const first = ['a', 'b', 'c'].map((name) => t.request(name, 'GET /month', 1));
    await t.loopTurn();
    expect(t.started).toEqual(['a']);
    expect(t.turns.estimate('GET /month')).toBe(1);
    // Asked for now, the route is quick: this one must not start before b and c.
    const later = t.request('d', 'GET /month', 1);
    await t.loopTurn();
    expect(t.started).toEqual(['a', 'b', 'c', 'd']);
    await Promise.all([...first, later]);
    expect(t.turns.waiting).toBe(0);
  });

  it('starts the quick requests waiting together, first come first served, without timing them', async () => {
    const t = manualTurns();
    await teach(t, 'GET /quick', 1);
    const together = [
      t.request('q1', 'GET /quick', 20),
      t.request('q2', 'GET /quick', 20),
      t.request('q3', 'GET /quick', 20),
    ];
    await t.loopTurn();
    expect(t.started).toEqual(['q1', 'q2', 'q3']);
    await Promise.all(together);
    // Requests started together run interleaved: their times say nothing of one of them.
    expect(t.turns.estimate('GET /quick')).toBe(1);
  });

  it('learns a slow route from a request that ran alone', async () => {
    const t = manualTurns();
    await teach(t, 'GET /month', 30);
    expect(t.turns.estimate('GET /month')).toBe(30);
  });

  it('gives a slow request a loop turn of its own, taking turns with the quick ones', async () => {
    const t = manualTurns();
    await teach(t, 'GET /month', 30);
    await teach(t, 'GET /read', 0.2);

    const months = [1, 2, 3].map((i) => t.request(`month${i}`, 'GET /month', 30));
    const reads = [1, 2].map((i) => t.request(`read${i}`, 'GET /read', 0.2));
    await t.loopTurn();
    expect(t.started).toEqual(['read1', 'read2']);
    await t.loopTurn();
    expect(t.started).toEqual(['read1', 'read2', 'month1']);
    // A read asked for meanwhile goes before the next month.
    const late = t.request('read3', 'GET /read', 0.2);
    await t.loopTurn();
    expect(t.started.at(-1)).toBe('read3');
    await t.loopTurn();
    await t.loopTurn();
    expect(t.started.slice(-2)).toEqual(['month2', 'month3']);
    await Promise.all([...months, ...reads, late]);
    // Each month ran alone: the estimate kept learning.
    expect(t.turns.estimate('GET /month')).toBe(30);
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

  it('lets the requests waiting go first when a long one gives way, then resumes it before the next long one', async () => {
    const t = manualTurns();
    await teach(t, 'GET /month', 30);
    await teach(t, 'GET /read', 0.2);

    const first = t.stepped('month1', 'GET /month', [4, 4, 4]);
    const second = t.stepped('month2', 'GET /month', [4, 4, 4]);
    await t.loopTurn();
    expect(t.started).toEqual(['month1.1']);
    // A read arriving while month1 runs goes between its steps, not after the whole month.
    const read = t.request('read1', 'GET /read', 0.2);
    await t.loopTurn();
    expect(t.started).toEqual(['month1.1', 'read1']);
    // month1 goes on before month2 starts: one long request at a time holds its data.
    await t.loopTurn();
    await t.loopTurn();
    expect(t.started).toEqual(['month1.1', 'read1', 'month1.2', 'month1.3']);
    await t.loopTurn();
    expect(t.started.at(-1)).toBe('month2.1');
    for (let i = 0; i < 4; i++) await t.loopTurn();
    await Promise.all([first, second, read]);
    expect(t.started.slice(-2)).toEqual(['month2.2', 'month2.3']);
    // What a month costs is the time it ran (12 ms), not the time it stood aside:
    // 30 → 30 + 0.3 × (12 − 30) = 24.6 → 24.6 + 0.3 × (12 − 24.6) = 20.82.
    expect(t.turns.estimate('GET /month')).toBeCloseTo(20.82, 6);
  });

  it('resumes requests that gave way in the order they gave way, each before any new one', async () => {
    const t = manualTurns();
    // Quick requests started together in one turn, each in two steps.
    await teach(t, 'GET /small-month', 2);
    const months = ['m1', 'm2', 'm3'].map((name) => t.stepped(name, 'GET /small-month', [1, 1]));
    await t.loopTurn();
    expect(t.started).toEqual(['m1.1', 'm2.1', 'm3.1']);
    // More arrive meanwhile: they start in the quick turns between the resumed steps.
    const later = t.stepped('m4', 'GET /small-month', [1, 1]);
    for (let i = 0; i < 8; i++) await t.loopTurn();
    await Promise.all([...months, later]);
    const seconds = t.started.filter((step) => step.endsWith('.2'));
    // First to give way, first to go on: m1's second step never waits behind m2's or m3's.
    expect(seconds).toEqual(['m1.2', 'm2.2', 'm3.2', 'm4.2']);
    expect(t.started.indexOf('m4.1')).toBeGreaterThan(t.started.indexOf('m1.1'));
    expect(t.turns.waiting).toBe(0);
  });
});
