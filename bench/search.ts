import type { BenchServer } from './http';
import type { Report } from './report';
import { median, percentile } from './stats';

/**
 * What people type into search on the bench's workspace, a keystroke at a time
 * from the second character (one character answers 400 and the web app waits
 * for two): deliverable titles ("Post 123 for campaign"), deal titles
 * ("Campaign 42"), brand names, words of every caption and brief (each word is
 * in all 100,000: the worst case for a ranked search), invoice numbers
 * ("INV-0012345") and a word found nowhere.
 */
export const SEARCH_SEQUENCE: readonly string[] = [
  ...typing('post 123'),
  ...typing('campaign 42'),
  ...typing('brand 7'),
  ...typing('launch'),
  ...typing('product in'),
  ...typing('INV-0012345'),
  ...typing('inv 12'),
  ...typing('zebra'),
];

/** Every prefix of `text` from two characters on, as a search box sends it while typing. */
function typing(text: string): string[] {
  return Array.from({ length: text.length - 1 }, (_, i) => text.slice(0, i + 2)).filter(
    (q) => q.trim().length >= 2,
  );
}

export interface SearchBenchOptions {
  server: BenchServer;
  cookie: string;
  /** Rounds of the whole sequence. */
  runs: number;
}

/**
 * The as-you-type sequence on the real server, one request at a time (as one
 * user types), timed in the server from arrival to the last byte written.
 */
export async function benchSearch(report: Report, options: SearchBenchOptions): Promise<void> {
  const { server, cookie, runs } = options;
  const ask = async (q: string) => {
    const path = `/api/search?q=${encodeURIComponent(q)}`;
    const res = await fetch(server.url + path, { headers: { cookie } });
    if (res.status !== 200)
      throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { items: unknown[] }).items.length;
  };
  report.begin('7. Search as you type: GET /api/search?q');
  for (const q of SEARCH_SEQUENCE) await ask(q);
  await server.timings('/api/search?');
  let found = 0;
  for (let run = 0; run < runs; run++) {
    for (const q of SEARCH_SEQUENCE) found += (await ask(q)) > 0 ? 1 : 0;
  }
  const served = await server.timings('/api/search?');
  // One request at a time: the timings are in the sequence's order.
  const slowest = served
    .map((ms, i) => ({ ms, q: SEARCH_SEQUENCE[i % SEARCH_SEQUENCE.length]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8);
  console.log(`  slowest: ${slowest.map(({ q, ms }) => `"${q}" ${ms.toFixed(1)} ms`).join(', ')}`);
  report.add(
    'search_requests',
    'Search requests timed (the sequence, each round)',
    served.length,
    'requests',
  );
  report.add(
    'search_found_share',
    'Share of those that found something',
    found / served.length,
    '',
  );
  report.add('search_p50_ms', 'Server time per search request p50', median(served), 'ms');
  report.add('search_p99_ms', 'Server time per search request p99', percentile(served, 99), 'ms', {
    op: '<=',
    value: 50,
  });
  report.add('search_max_ms', 'Slowest search request', Math.max(...served), 'ms');
}
