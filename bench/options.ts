import { parseArgs } from 'node:util';

export interface BenchOptions {
  deliverables: number;
  brands: number;
  deals: number;
  invoices: number;
  /** Deliverables and invoices of the alert-scan workspace. */
  alertDeliverables: number;
  alertInvoices: number;
  /** Median over this many timed runs (in-process figures). */
  runs: number;
  /** Seconds of each autocannon load. */
  duration: number;
  connections: number;
  only: string[];
  out: string;
  /** Keep the figures of the results file that this run does not measure (a run of some sections). */
  merge: boolean;
  quick: boolean;
}

export const SECTIONS = [
  'range',
  'point',
  'mixed',
  'memory',
  'search',
  'timeline',
  'kysely',
  'alerts',
  'web',
  'startup',
  'cluster',
  'postgres',
] as const;

const HELP = `npm run bench -- [options]

  --deliverables N        deliverables in the API workspace (100000)
  --brands N / --deals N / --invoices N   (2000 / 10000 / 30000)
  --alert-deliverables N  deliverables in the alert-scan workspace (1000000)
  --alert-invoices N      invoices in the alert-scan workspace (100000)
  --runs N                timed runs per in-process figure (21)
  --duration S            seconds of each autocannon load (8)
  --connections N         autocannon connections (50)
  --only a,b              sections: ${SECTIONS.join(', ')}
  --out FILE              results file (bench/results.json)
  --merge                 keep the figures in it that this run does not measure
  --quick                 a smoke run: a tenth of the data, short loads`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      deliverables: { type: 'string' },
      brands: { type: 'string' },
      deals: { type: 'string' },
      invoices: { type: 'string' },
      'alert-deliverables': { type: 'string' },
      'alert-invoices': { type: 'string' },
      runs: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      quick: { type: 'boolean', default: false },
      merge: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const scale = quick ? 0.1 : 1;
  const int = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined) return Math.round(fallback);
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--${name} must be a positive whole number (got "${raw}")`);
    return value;
  };
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS];
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length)
    throw new Error(
      `--only: unknown section ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`,
    );
  return {
    deliverables: int('deliverables', values.deliverables, 100_000 * scale),
    brands: int('brands', values.brands, 2_000 * scale),
    deals: int('deals', values.deals, 10_000 * scale),
    invoices: int('invoices', values.invoices, 30_000 * scale),
    alertDeliverables: int('alert-deliverables', values['alert-deliverables'], 1_000_000 * scale),
    alertInvoices: int('alert-invoices', values['alert-invoices'], 100_000 * scale),
    runs: int('runs', values.runs, quick ? 7 : 21),
    duration: int('duration', values.duration, quick ? 2 : 8),
    connections: int('connections', values.connections, 50),
    only,
    out: values.out ?? 'bench/results.json',
    merge: values.merge ?? false,
    quick,
  };
}
