/**
 * Helpers for the invoice, payment, money and export tests: invoices and
 * payments made through the real API, a snapshot that includes the money
 * tables, the workspace's zone set with PATCH /api/settings, and a small
 * RFC 4180 parser to read the CSV exports back.
 */
import { expect } from 'vitest';
import type { Invoice } from '../../shared/schemas/invoice';
import type { Settings } from '../../shared/schemas/settings';
import { dataSnapshot, sortedRows, trackApps } from '../server/helpers';
import type { RequestBody } from './api-types';
import { setUpBody, type TestApp, type TestClient, type Workspace } from './app';

// ---------------------------------------------------------------------------
// Apps that close cleanly on both engines
// ---------------------------------------------------------------------------

/**
 * Closes a test app. On PostgreSQL the pool is ended first and its sockets
 * given a moment to go: `pg.Pool.end()` resolves before its clients have
 * finished disconnecting, and dropping the database `with (force)` right
 * after would kill those backends and surface as unhandled 57P01 errors.
 */
export async function closeApp(t: Pick<TestApp, 'db' | 'dialect' | 'close'>): Promise<void> {
  if (t.dialect === 'postgres') {
    await t.db.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await t.close();
}

/** `trackApps()` (test/server/helpers.ts), closing with `closeApp`. */
export const trackInvoiceApps = () => trackApps(closeApp);

export type { Workspace } from './app';

// ---------------------------------------------------------------------------
// What is in the database
// ---------------------------------------------------------------------------

/** `dataSnapshot` plus the invoices and payments: equal snapshots mean nothing was written. */
export async function moneySnapshot(t: TestApp): Promise<Record<string, unknown[]>> {
  const snapshot = await dataSnapshot(t);
  for (const table of ['invoices', 'payments'] as const)
    snapshot[table] = await sortedRows(t, table);
  return snapshot;
}

// ---------------------------------------------------------------------------
// Brands, deals, invoices and payments through the API
// ---------------------------------------------------------------------------

/** What POST /api/deals takes, the title made optional ("Campaign" unless given). */
export type DealInput = Omit<RequestBody<'POST', '/api/deals'>, 'title'> & { title?: string };

export async function createBrand(
  client: TestClient,
  name: string,
): Promise<{ id: string; name: string }> {
  const res = await client.post('/api/brands', { name });
  return setUpBody(res, 201, 'create brand');
}

/** POST /api/deals; throws unless 201. Answers the deal. */
export async function createDeal(client: TestClient, input: DealInput) {
  const res = await client.post('/api/deals', { title: 'Campaign', ...input });
  return setUpBody(res, 201, 'create deal');
}

export interface InvoiceInput {
  dealId: string;
  amountCents: number;
  number?: string;
  currency?: string;
  issuedOn?: string;
  paymentTermsDays?: number;
  dueOn?: string;
  status?: 'draft' | 'sent' | 'void';
  notes?: string;
}

/** POST /api/invoices; throws unless 201. */
export async function createInvoice(client: TestClient, input: InvoiceInput): Promise<Invoice> {
  const res = await client.post('/api/invoices', input);
  return setUpBody(res, 201, 'create invoice');
}

/** `createInvoice` as the workspace's owner, on its deal unless `dealId` names another. */
export function addInvoice(
  t: Workspace,
  input: Omit<InvoiceInput, 'dealId'> & { dealId?: string },
): Promise<Invoice> {
  return createInvoice(t.owner, { dealId: t.deal.id, ...input });
}

/** GET /api/invoices/:id; throws unless 200. */
export async function getInvoice(client: TestClient, id: string): Promise<Invoice> {
  const res = await client.get(`/api/invoices/${id}`);
  return setUpBody(res, 200, 'get invoice');
}

/** PATCH /api/invoices/:id with the version it has now; throws unless 200. */
export async function patchInvoice(
  client: TestClient,
  id: string,
  changes: Record<string, unknown>,
): Promise<Invoice> {
  const current = await getInvoice(client, id);
  const res = await client.patch(`/api/invoices/${id}`, {
    version: current.version,
    ...changes,
  });
  return setUpBody(res, 200, 'patch invoice');
}

export interface PaymentInput {
  amountCents: number;
  paidOn: string;
  currency?: string;
  method?: string;
  note?: string;
}

/** POST /api/invoices/:id/payments; throws unless 201. Answers the invoice. */
export async function pay(
  client: TestClient,
  invoiceId: string,
  input: PaymentInput,
): Promise<Invoice> {
  const res = await client.post(`/api/invoices/${invoiceId}/payments`, input);
  return setUpBody(res, 201, 'payment');
}

/** PATCH /api/settings with the version it has now; throws unless 200. */
export async function patchSettings(
  client: TestClient,
  changes: Record<string, unknown>,
): Promise<Settings> {
  const current = await client.get('/api/settings');
  const res = await client.patch('/api/settings', {
    version: current.body.version,
    ...changes,
  });
  return setUpBody(res, 200, 'patch settings');
}

/** Sets the workspace's time zone. */
export function setWorkspaceZone(client: TestClient, timeZone: string): Promise<Settings> {
  return patchSettings(client, { timeZone });
}

// ---------------------------------------------------------------------------
// Calendar days, by hand (no server code)
// ---------------------------------------------------------------------------

/** `day` plus `n` days, on the proleptic Gregorian calendar (UTC arithmetic, no zones involved). */
export function plusDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// CSV (RFC 4180)
// ---------------------------------------------------------------------------

/**
 * Parses CSV the way spreadsheets do: fields separated by commas, records by
 * CRLF (a bare CR or LF outside quotes also ends a record, as it does in Excel
 * and LibreOffice), fields in double quotes may hold commas, line breaks and
 * doubled quotes. A trailing line break does not start an empty record.
 * Throws on a quote inside an unquoted field or an unterminated quoted field.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new Error(`CSV: text after a closing quote at offset ${i}`);
        }
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (fieldStarted || field.length > 0)
        throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    i++;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field.length > 0 || fieldStarted || record.length > 0) endRecord();
  return records;
}

/** The records of a CSV as objects keyed by the header row. */
export function csvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row) => {
    expect(row, `a CSV row has as many cells as the header: ${JSON.stringify(row)}`).toHaveLength(
      header.length,
    );
    return Object.fromEntries(header.map((name, i) => [name, row[i]!]));
  });
}
