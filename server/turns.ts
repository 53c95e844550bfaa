/**
 * Who starts next: a first-come, first-served queue in front of the app's
 * handler, granting turns once per turn of the event loop.
 *
 * Why it exists: on one event loop, Node takes up at most one new connection
 * per loop turn, and a turn lasts as long as the handlers it runs. With a few
 * heavy requests in every turn (a calendar month is 20–40 ms of CPU on
 * SQLite), new connections sat unaccepted for seconds: in the bench, 30 of 50
 * connections got no answer at all in 8 s while the others were served over
 * and over, and small requests waited behind every big one in the queue.
 *
 * Each loop turn now starts either every quick request waiting or one slow
 * one, the two kinds taking turns, so a turn lasts about one slow request at
 * most, every connection is taken up within a few turns, and a small request
 * waits behind one big one at most. A route is quick once it has been
 * measured, running alone, to take `slowMs` or less; until then it waits in
 * the slow lane, where every request runs alone and is measured (a burst of a
 * new heavy route must not run fifty at a time in one turn); once its route
 * measures quick, a request still waiting there joins the quick lane. Routes are
 * told apart by method and path with id segments folded together.
 */

/** A granted turn. */
export interface Turn {
  /** Ends it: how long the request ran counts towards its route's estimate. */
  end(): void;
  /**
   * Lets the requests waiting go first, then goes on (first in the slow
   * lane, before any slow request not yet started). A long request calls it
   * between steps, so the quick ones wait behind one step, not all of it.
   */
  giveWay(): Promise<void>;
}

export interface TurnsOptions {
  /** A route whose requests take longer than this, on average, waits in the slow lane. */
  slowMs?: number;
  /** The clock that times requests (ms); `performance.now` outside tests. */
  now?: () => number;
  /** How the next loop turn is awaited; `setImmediate` outside tests. */
  defer?: (next: () => void) => void;
}

interface Waiter {
  route: string;
  /** Starts (or, after `giveWay`, resumes) the request; `measured` when it runs alone. */
  grant: (measured: boolean) => void;
}

/** How much a new measurement moves a route's estimate. */
const WEIGHT = 0.3;
const SLOW_MS = 5;

/** Path segments that name one record rather than a route: ids, tokens, dates. */
const ID_SEGMENT = /^(?=.*\d)[\w.~-]{16,}$|^\d+$/;

/** `GET /api/deliverables/:id` for `GET /api/deliverables/0193…`: what a request's cost depends on. */
export function routeOf(method: string, url: string): string {
  const scheme = url.indexOf('//');
  const start = scheme === -1 ? url.indexOf('/') : url.indexOf('/', scheme + 2);
  if (start === -1) return `${method} /`;
  const end = url.indexOf('?', start);
  const path = url.slice(start, end === -1 ? undefined : end);
  return `${method} ${path
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/')}`;
}

export function createTurns(options: TurnsOptions = {}) {
  const slowMs = options.slowMs ?? SLOW_MS;
  const now = options.now ?? (() => performance.now());
  const defer = options.defer ?? ((next: () => void) => setImmediate(next));
  /** Milliseconds per request, per route, from requests that ran alone in their turn. */
  const estimates = new Map<string, number>();
  const quick: Waiter[] = [];
  const slow: Waiter[] = [];
  /**
   * Requests that gave way, to go on in the slow lane before any slow request not yet
   * started, first come first served among themselves. (Put back at the lane's front one
   * by one, they went on last-come-first: when several quick requests started in one turn
   * each gave way, the first to give way waited behind every later one.)
   */
  const resumed: Waiter[] = [];
  let scheduled = false;

  // A route not yet measured waits in the slow lane: there it runs alone, and is measured.
  const isSlow = (route: string) => (estimates.get(route) ?? Infinity) > slowMs;

  const grant = (waiter: Waiter, measured: boolean) => waiter.grant(measured);

  /** A request's turn: the time it runs, not the time it gives way, is what it costs. */
  const turnOf = (route: string, resolve: (turn: Turn) => void): Waiter => {
    let ran = 0;
    let started = 0;
    let alone = true;
    const turn: Turn = {
      end() {
        if (!alone) return;
        const took = ran + (now() - started);
        const before = estimates.get(route);
        estimates.set(route, before === undefined ? took : before + WEIGHT * (took - before));
      },
      giveWay() {
        ran += now() - started;
        return new Promise<void>((resume) => {
          resumed.push({ route, grant: (measured) => run(measured, resume) });
          schedule();
        });
      },
    };
    const run = (measured: boolean, go: () => void) => {
      alone &&= measured;
      started = now();
      go();
    };
    return { route, grant: (measured) => run(measured, () => resolve(turn)) };
  };

  /**
   * Moves the slow lane's requests whose route has been measured quick since they queued to
   * the quick lane, ahead of those that came later. Left where they were, they started one
   * every other turn while their route's later requests, quick from the start, started all
   * together every other turn: in the bench, fifty connections each asked for a calendar
   * month not yet measured; the month measured quick, and the connections answered first were
   * answered again and again (up to 91 times in 2 s) while seven waited the whole 2 s for
   * their first answer.
   */
  const promote = () => {
    let kept = 0;
    const promoted: Waiter[] = [];
    for (const waiter of slow) {
      if (isSlow(waiter.route)) slow[kept++] = waiter;
      else promoted.push(waiter);
    }
    slow.length = kept;
    if (promoted.length > 0) quick.unshift(...promoted);
  };

  let quickLast = false;
  const turn = () => {
    scheduled = false;
    promote();
    // A slow request runs in a turn of its own, taking turns with the quick ones waiting.
    if (resumed.length + slow.length > 0 && (quick.length === 0 || quickLast)) {
      grant(resumed.shift() ?? slow.shift()!, true);
      quickLast = false;
    } else {
      const quickOnes = quick.splice(0);
      // Timed only when alone: requests started together run interleaved.
      for (const waiter of quickOnes) grant(waiter, quickOnes.length === 1);
      quickLast = true;
    }
    if (resumed.length + slow.length + quick.length > 0) schedule();
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    defer(turn);
  };

  return {
    /** Waits for the request's turn; call the returned function when its answer is ready. */
    take(route: string): Promise<Turn> {
      return new Promise<Turn>((resolve) => {
        (isSlow(route) ? slow : quick).push(turnOf(route, resolve));
        schedule();
      });
    },
    /** The current estimate for a route (ms), for tests and diagnostics. */
    estimate: (route: string) => estimates.get(route),
    /** Requests waiting for a turn. */
    get waiting() {
      return quick.length + slow.length + resumed.length;
    },
  };
}

export type Turns = ReturnType<typeof createTurns>;
