import fs from 'node:fs';
import os from 'node:os';
import { round } from './stats';

export interface Target {
  op: '<' | '<=' | '>=';
  value: number;
}

export interface Figure {
  name: string;
  /** What was measured, as the table shows it. */
  label: string;
  value: number;
  unit: string;
  target?: Target;
  pass?: boolean;
  section: string;
}

interface ResultsBody {
  generatedAt: string;
  machine: {
    cpus: string;
    cores: number;
    memoryGb: number;
    node: string;
    platform: string;
    loadAverage: number[];
  };
  options: Record<string, unknown>;
  figures: Figure[];
}

/** The figures repeated at the top level of the results file, for a quick look. */
export const HEADLINE_FIGURES = [
  'ratio_range_vs_floor',
  'ratio_kysely_vs_raw',
  'ratio_range_p99_vs_p50',
  'ratio_point_p99_loaded_vs_alone',
  'ratio_health_p99_scan_vs_idle',
  'ratio_point_p99_scan_vs_idle',
  'ratio_cluster_vs_single',
  'ratio_point_vs_floor',
  'server_peak_rss_mb',
  'cold_start_ms',
  'web_month_render_ms',
  'web_month_switch_ms',
] as const;

export type Results = ResultsBody & Record<(typeof HEADLINE_FIGURES)[number], number | null>;

function meets(value: number, target: Target): boolean {
  if (target.op === '<') return value < target.value;
  if (target.op === '<=') return value <= target.value;
  return value >= target.value;
}

/** Collects figures as the bench goes, then prints them and writes them out. */
export class Report {
  readonly figures: Figure[] = [];
  private section = '';

  /** Starts a section; the table names it by what comes before its colon. */
  begin(title: string): void {
    this.section = title.split(':')[0]!;
    console.log(`\n▶ ${title}`);
  }

  add(name: string, label: string, value: number, unit: string, target?: Target): Figure {
    const shown = round(value, Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 3);
    const figure: Figure = {
      name,
      label,
      value: shown,
      unit,
      section: this.section,
      ...(target ? { target, pass: meets(value, target) } : {}),
    };
    this.figures.push(figure);
    const verdict = figure.pass === undefined ? '' : figure.pass ? '  PASS' : '  MISS';
    console.log(
      `  ${label}: ${shown} ${unit}${target ? ` (target ${target.op} ${target.value})` : ''}${verdict}`,
    );
    return figure;
  }

  value(name: string): number | null {
    return this.figures.find((f) => f.name === name)?.value ?? null;
  }

  /** The table printed at the end: one line a figure, with its target and PASS/MISS. */
  table(): string {
    const rows = this.figures.map((f) => [
      f.section,
      f.label,
      `${f.value} ${f.unit}`,
      f.target ? `${f.target.op} ${f.target.value}` : '',
      f.pass === undefined ? '' : f.pass ? 'PASS' : 'MISS',
    ]);
    const header = ['Section', 'Figure', 'Value', 'Target', ''];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd();
    return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join(
      '\n',
    );
  }

  /**
   * Writes every figure to `file`; with `merge`, the file's figures this run
   * did not measure stay (in their place, this run's new ones after them).
   */
  write(file: string, options: Record<string, unknown>, merge = false): Results {
    const cpus = os.cpus();
    const kept =
      merge && fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Results)
        : undefined;
    const measured = new Map(this.figures.map((f) => [f.name, f]));
    const figures = kept
      ? [
          ...kept.figures.map((f) => measured.get(f.name) ?? f),
          ...this.figures.filter((f) => !kept.figures.some((k) => k.name === f.name)),
        ]
      : this.figures;
    const valueOf = (name: string) => figures.find((f) => f.name === name)?.value ?? null;
    const results: Results = {
      generatedAt: new Date().toISOString(),
      machine: {
        cpus: cpus[0]?.model ?? 'unknown',
        cores: cpus.length,
        memoryGb: round(os.totalmem() / 1024 ** 3, 1),
        node: process.version,
        platform: `${os.type()} ${os.release()} ${os.arch()}`,
        loadAverage: os.loadavg().map((l) => round(l, 2)),
      },
      options: kept ? { ...options, mergedInto: kept.generatedAt } : options,
      ...(Object.fromEntries(HEADLINE_FIGURES.map((name) => [name, valueOf(name)])) as Record<
        (typeof HEADLINE_FIGURES)[number],
        number | null
      >),
      figures,
    };
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    return results;
  }
}
