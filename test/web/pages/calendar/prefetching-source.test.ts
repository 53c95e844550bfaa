import type { EventInput, EventSourceFuncInfo } from '@fullcalendar/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  prefetchingSource,
  rangeReads,
} from '../../../../web/src/pages/calendar/prefetching-source';

// December 2026's month grid (Sunday first) and the ones Previous and Next ask for, in UTC.
const NOVEMBER = { start: '2026-11-01T00:00:00.000Z', end: '2026-12-06T00:00:00.000Z' };
const DECEMBER = { start: '2026-11-29T00:00:00.000Z', end: '2027-01-03T00:00:00.000Z' };
const JANUARY = { start: '2026-12-27T00:00:00.000Z', end: '2027-02-07T00:00:00.000Z' };

const info = (range: { start: string; end: string }) =>
  ({ start: new Date(range.start), end: new Date(range.end) }) as EventSourceFuncInfo;

/** A source over a fake read that answers each range with one event named after its start. */
function setUp() {
  const reads: string[] = [];
  let generation = 0;
  const source = prefetchingSource(
    async (range) => {
      reads.push(range.start.toISOString());
      return [{ id: range.start.toISOString() }];
    },
    { timeZone: 'UTC', generation: () => generation, onError: () => {} },
  );
  /** Asks for a range: whether it was answered before `ask` returned, and with what. */
  const ask = async (range: { start: string; end: string }) => {
    let answered: EventInput[] | null = null;
    source(
      info(range),
      (events) => (answered = events),
      () => {},
    );
    const sync = answered !== null;
    await vi.waitFor(() => expect(answered).not.toBeNull());
    // The prefetches asked for in idle time after the answer, settled.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { sync, events: answered as EventInput[] | null };
  };
  return { reads, ask, write: () => (generation += 1) };
}

describe('prefetchingSource', () => {
  beforeEach(() => {
    vi.stubGlobal('window', { requestIdleCallback: (run: () => void) => run() });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads a range, then prefetches the ranges Previous and Next will ask for', async () => {
    const { reads, ask } = setUp();
    const december = await ask(DECEMBER);
    expect(december).toEqual({ sync: false, events: [{ id: DECEMBER.start }] });
    expect(reads).toEqual([DECEMBER.start, NOVEMBER.start, JANUARY.start]);
  });

  it('answers a prefetched range at once, without reading it again', async () => {
    const { reads, ask } = setUp();
    await ask(DECEMBER);
    const january = await ask(JANUARY);
    expect(january).toEqual({ sync: true, events: [{ id: JANUARY.start }] });
    expect(reads.filter((start) => start === JANUARY.start)).toHaveLength(1);
  });

  it('uses a prefetch once: the same range asked again is read again', async () => {
    const { reads, ask } = setUp();
    await ask(DECEMBER);
    expect((await ask(JANUARY)).sync).toBe(true);
    expect(await ask(JANUARY)).toEqual({ sync: false, events: [{ id: JANUARY.start }] });
    expect(reads.filter((start) => start === JANUARY.start)).toHaveLength(2);
  });

  it('reads again when the page wrote since the prefetch', async () => {
    const { reads, ask, write } = setUp();
    await ask(DECEMBER);
    write();
    const january = await ask(JANUARY);
    expect(january).toEqual({ sync: false, events: [{ id: JANUARY.start }] });
    expect(reads.filter((start) => start === JANUARY.start)).toHaveLength(2);
  });

  it('prefetches only once the other sources sharing its reads have answered', async () => {
    const reads = rangeReads();
    const asked: string[] = [];
    let answerOther: (events: EventInput[]) => void = () => {};
    const other = prefetchingSource(
      (range) => {
        asked.push(`other ${range.start.toISOString()}`);
        return new Promise((resolve) => (answerOther = resolve));
      },
      { timeZone: 'UTC', generation: () => 0, onError: () => {}, reads },
    );
    const source = prefetchingSource(
      async (range) => {
        asked.push(`source ${range.start.toISOString()}`);
        return [];
      },
      { timeZone: 'UTC', generation: () => 0, onError: () => {}, reads },
    );
    let otherAnswered = false;
    other(
      info(DECEMBER),
      () => (otherAnswered = true),
      () => {},
    );
    let answered = false;
    source(
      info(DECEMBER),
      () => (answered = true),
      () => {},
    );
    await vi.waitFor(() => expect(answered).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([`other ${DECEMBER.start}`, `source ${DECEMBER.start}`]);

    answerOther([]);
    await vi.waitFor(() => expect(otherAnswered).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked.slice(2).sort()).toEqual(
      [NOVEMBER, JANUARY].flatMap((r) => [`other ${r.start}`, `source ${r.start}`]).sort(),
    );
  });
});
