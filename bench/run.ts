/**
 * `npm run bench`: seeds generated workspaces into temp SQLite files and
 * measures the API, the alert scan, the web app and start-up; prints a table
 * and writes every figure to bench/results.json. Ratios are measured in the
 * same run (absolute times drift on a shared machine). Not part of `npm test`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAlertScan } from './alerts';
import { benchCluster } from './cluster';
import { benchMemory } from './memory';
import { benchKysely, benchMixed, benchPoint, benchRange, monthOf } from './api';
import { startBenchServer } from './http';
import { parseOptions, SECTIONS } from './options';
import { Report } from './report';
import { benchSearch } from './search';
import { seedWorkspace } from './seed';
import { benchStartup } from './startup';
import { benchPostgres } from './postgres';
import { benchTimeline, seedTimelineHistory } from './timeline';
import { benchWeb } from './web';

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const wanted = (section: string) => options.only.includes(section);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-bench-'));
  const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const report = new Report();
  const started = performance.now();
  console.log(
    `Sponsorcal bench — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; temp files in ${tmp}`,
  );

  try {
    // Every section but the alert scan's and the browser's works on the seeded API workspace.
    if (SECTIONS.filter((section) => section !== 'alerts' && section !== 'web').some(wanted)) {
      const size = {
        deliverables: options.deliverables,
        brands: options.brands,
        deals: options.deals,
        invoices: options.invoices,
      };
      const file = path.join(tmp, 'api.db');
      const seeded = await seedWorkspace(file, { size, now });
      console.log(
        `Seeded ${size.deliverables.toLocaleString('en')} deliverables, ${size.brands.toLocaleString('en')} brands, ${size.deals.toLocaleString('en')} deals, ${size.invoices.toLocaleString('en')} invoices in ${seeded.seconds.toFixed(1)} s`,
      );
      // The history a brand's timeline reads (audit trail, pitches, notes, proposals, invoice
      // events, payments, review links): none of the calendar's or the alert scan's tables.
      const history = wanted('timeline') ? seedTimelineHistory(file, now) : null;
      if (history) console.log(`Added ${history.rows.toLocaleString('en')} rows of brand history`);
      const range = monthOf(now);
      const load = { connections: options.connections, duration: options.duration };

      if (wanted('range') || wanted('point') || wanted('mixed') || wanted('search') || history) {
        const server = await startBenchServer(file);
        try {
          if (wanted('range')) {
            await benchRange(report, {
              server,
              file,
              cookie: seeded.cookie,
              range,
              runs: options.runs,
              ...load,
            });
          }
          if (wanted('point'))
            await benchPoint(report, {
              server,
              cookie: seeded.cookie,
              ids: seeded.sampleIds,
              ...load,
            });
          if (wanted('mixed'))
            await benchMixed(report, {
              server,
              cookie: seeded.cookie,
              ids: seeded.sampleIds,
              range,
              ...load,
            });
          if (wanted('search'))
            await benchSearch(report, { server, cookie: seeded.cookie, runs: options.runs });
          if (history)
            await benchTimeline(report, {
              server,
              cookie: seeded.cookie,
              brandIds: history.sampleBrandIds,
              runs: options.quick ? 1 : 3,
            });
          if (wanted('range') || wanted('point') || wanted('mixed')) {
            // The bench's own server: the app as the production server runs it, plus tsx and the
            // floors' connection. Its heap and Buffers show where the production figure comes from.
            report.begin('6a. The bench server’s memory (tsx, bench routes)');
            const memory = await server.memory();
            report.add(
              'bench_server_peak_rss_mb',
              'Bench server peak RSS under the API load',
              memory.maxRssMb,
              'MB',
            );
            report.add(
              'server_peak_heap_mb',
              'of which the JavaScript heap at most (sampled)',
              memory.peakHeapMb,
              'MB',
            );
            report.add(
              'server_peak_external_mb',
              'and Buffers outside it at most (sampled)',
              memory.peakExternalMb,
              'MB',
            );
          }
        } finally {
          await server.stop();
        }
      }
      if (wanted('memory')) {
        await benchMemory(report, {
          file,
          cookie: seeded.cookie,
          ids: seeded.sampleIds,
          range,
          ...load,
        });
      }
      if (wanted('cluster'))
        await benchCluster(report, { file, cookie: seeded.cookie, range, ...load });
      if (wanted('kysely')) await benchKysely(report, { file, range, runs: options.runs });
      if (wanted('postgres')) {
        await benchPostgres(report, {
          file,
          now,
          cookie: seeded.cookie,
          ids: seeded.sampleIds,
          range,
          ...load,
        });
      }
      // Last on this file: the production server's start-up scan raises alerts in it.
      if (wanted('startup')) await benchStartup(report, file, options.quick ? 1 : 3);
    }

    if (wanted('alerts')) {
      const file = path.join(tmp, 'alerts.db');
      const size = {
        deliverables: options.alertDeliverables,
        invoices: options.alertInvoices,
        brands: 2_000,
        deals: 20_000,
      };
      const seeded = await seedWorkspace(file, { size, now, textLength: 60, seed: 7 });
      console.log(
        `\nSeeded the alert workspace (${size.deliverables.toLocaleString('en')} deliverables) in ${seeded.seconds.toFixed(1)} s`,
      );
      await benchAlertScan(report, {
        file,
        now,
        deliverables: size.deliverables,
        invoices: size.invoices,
        runs: options.quick ? 1 : 3,
        cookie: seeded.cookie,
        sampleIds: seeded.sampleIds,
      });
    }

    if (wanted('web')) await benchWeb(report, { tmp, now, switches: options.quick ? 4 : 10 });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  console.log(`\n${report.table()}\n`);
  const missed = report.figures.filter((f) => f.pass === false);
  console.log(
    `${report.figures.filter((f) => f.pass).length} targets met, ${missed.length} missed${missed.length ? ` (${missed.map((f) => f.name).join(', ')})` : ''}; ${((performance.now() - started) / 1000).toFixed(0)} s in all`,
  );
  report.write(options.out, { ...options, now: now.toISOString() }, options.merge);
  console.log(`Wrote ${options.out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
