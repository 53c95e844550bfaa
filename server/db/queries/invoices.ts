import { sql, type Kysely } from 'kysely';
import { inTransaction } from '../transaction';
import { inChunks } from '../in-chunks';
import type { z } from 'zod';
import { invoiceTotals, type InvoiceTotals } from '../../../shared/invoice-totals';
import type { LadderOverride, Payer } from '../../../shared/schemas/billing';
import { MAX_INVOICE_TOTAL_CENTS } from '../../../shared/constants';
import type {
  Invoice,
  InvoiceLine,
  invoiceCreateSchema,
  invoiceListQuerySchema,
  invoicePatchSchema,
  InvoiceStatus,
  InvoiceTax,
  paymentCreateSchema,
} from '../../../shared/schemas/invoice';
import { AppError, invalidField, notFound } from '../../errors';
import { newId } from '../../ids';
import { formatMoney } from '../../../shared/currency';
import { addDays, daysBetween } from '../../../shared/days';
import { isUniqueViolation, lockedForUpdate } from '../dialect';
import type { Database, InvoiceRow, PaymentRow, RemittanceNoticeRow } from '../schema';
import { recordInvoiceEvent } from './invoice-events';
import { assertVersionedRow } from './versioned';

export type InvoiceCreateInput = z.output<typeof invoiceCreateSchema>;
export type InvoicePatchInput = z.output<typeof invoicePatchSchema>;
export type InvoiceListFilter = z.output<typeof invoiceListQuerySchema>;
export type PaymentCreateInput = z.output<typeof paymentCreateSchema>;

/** What "today" is for the workspace (overdue is decided in its zone), and how to show a public link. */
export interface InvoiceView {
  today: string;
  /** The address of a live public link, or null when it cannot be shown (its secret changed). */
  publicUrl?: (link: { id: string; tokenHash: string }) => string | null;
}

type InvoiceWithNames = InvoiceRow & {
  dealTitle: string;
  brandId: string;
  brandName: string;
  dealPayer: string | null;
};

function selectInvoices(db: Kysely<Database>) {
  return db
    .selectFrom('invoices')
    .innerJoin('deals', 'deals.id', 'invoices.dealId')
    .innerJoin('brands', 'brands.id', 'deals.brandId')
    .selectAll('invoices')
    .select([
      'deals.title as dealTitle',
      'brands.id as brandId',
      'brands.name as brandName',
      'deals.payer as dealPayer',
    ]);
}

/** A brand's contacts with an e-mail, billing contacts first: who is billed when no payer is set. */
export type BillingContacts = Map<string, { name: string; email: string; billing: boolean }[]>;

export async function loadBillingContacts(
  db: Kysely<Database>,
  brandIds: readonly string[],
): Promise<BillingContacts> {
  const byBrand: BillingContacts = new Map();
  const rows = await inChunks(brandIds, (chunk) =>
    db
      .selectFrom('brandContacts')
      .select(['brandId', 'name', 'email', 'billing'])
      .where('brandId', 'in', chunk)
      .where('email', 'is not', null)
      .orderBy('brandId')
      .orderBy('position')
      .execute(),
  );
  for (const row of rows) {
    const list = byBrand.get(row.brandId) ?? [];
    list.push({ name: row.name, email: row.email!, billing: Boolean(row.billing) });
    byBrand.set(row.brandId, list);
  }
  return byBrand;
}

export type PayerSource = 'invoice' | 'deal' | 'brand';

/**
 * Who pays: the invoice's own payer, else the deal's, else the brand with its
 * billing contacts' e-mails (or, when none is marked, its first contact with one).
 */
export function resolvePayer(
  own: string | null,
  dealPayer: string | null,
  brand: { name: string; contacts: readonly { email: string; billing: boolean }[] },
): { payer: Payer; source: PayerSource } {
  if (own) return { payer: JSON.parse(own) as Payer, source: 'invoice' };
  if (dealPayer) return { payer: JSON.parse(dealPayer) as Payer, source: 'deal' };
  const billing = brand.contacts.filter((c) => c.billing).map((c) => c.email);
  const emails = billing.length > 0 ? billing : brand.contacts.slice(0, 1).map((c) => c.email);
  return { payer: { name: brand.name, emails, address: '', taxId: '' }, source: 'brand' };
}

export function parseLines(row: Pick<InvoiceRow, 'lines'>): InvoiceLine[] {
  return JSON.parse(row.lines) as InvoiceLine[];
}

export function parseTaxes(row: Pick<InvoiceRow, 'taxes'>): InvoiceTax[] {
  return JSON.parse(row.taxes) as InvoiceTax[];
}

/** The invoice's sums from its stored lines, taxes and discount. */
export function totalsOf(
  row: Pick<InvoiceRow, 'lines' | 'taxes' | 'discountCents'>,
): InvoiceTotals {
  return invoiceTotals(parseLines(row), parseTaxes(row), Number(row.discountCents));
}

/** Sent, not fully paid, and the due day is over (today is later) in the workspace's zone. */
export function isOverdue(
  row: Pick<InvoiceRow, 'status' | 'amountCents' | 'paidCents' | 'dueOn'>,
  today: string,
): boolean {
  return (
    row.status === 'sent' && Number(row.paidCents) < Number(row.amountCents) && today > row.dueOn
  );
}

export interface InvoiceExtras {
  payments: PaymentRow[];
  remittances?: RemittanceNoticeRow[];
  contacts: BillingContacts;
  link: { id: string; tokenHash: string } | undefined;
}

export function toInvoice(
  row: InvoiceWithNames,
  { payments, remittances = [], contacts, link }: InvoiceExtras,
  { today, publicUrl }: InvoiceView,
): Invoice {
  const amountCents = Number(row.amountCents);
  const paidCents = Number(row.paidCents);
  const overdue = isOverdue(row, today);
  const totals = totalsOf(row);
  const lines = parseLines(row);
  const { payer, source } = resolvePayer(row.payer, row.dealPayer, {
    name: row.brandName,
    contacts: contacts.get(row.brandId) ?? [],
  });
  return {
    id: row.id,
    dealId: row.dealId,
    dealTitle: row.dealTitle,
    brandId: row.brandId,
    brandName: row.brandName,
    number: row.number,
    amountCents,
    lines: lines.map((line, i) => ({ ...line, amountCents: totals.lineCents[i]! })),
    taxes: totals.taxes,
    discountCents: totals.discountCents,
    subtotalCents: totals.subtotalCents,
    taxCents: totals.taxCents,
    totalCents: totals.totalCents,
    poNumber: row.poNumber,
    payer,
    payerSource: source,
    remindersPaused: Boolean(row.remindersPaused),
    remindersPausedUntil: row.remindersPausedUntil,
    invoiceReminders: row.invoiceReminders
      ? (JSON.parse(row.invoiceReminders) as LadderOverride)
      : null,
    publicUrl: link && publicUrl ? publicUrl(link) : null,
    sentAt: row.sentAt,
    currency: row.currency,
    issuedOn: row.issuedOn,
    paymentTermsDays: row.paymentTermsDays,
    dueOn: row.dueOn,
    status: row.status,
    overdue,
    daysOverdue: overdue ? daysBetween(row.dueOn, today) : 0,
    paidCents,
    balanceCents: row.status === 'void' ? 0 : Math.max(amountCents - paidCents, 0),
    payments: payments.map((p) => ({
      id: p.id,
      amountCents: Number(p.amountCents),
      currency: p.currency,
      paidOn: p.paidOn,
      method: p.method,
      note: p.note,
      feeCents: Number(p.feeCents),
      netCents: Number(p.amountCents) - Number(p.feeCents),
      createdAt: p.createdAt,
    })),
    remittances: remittances.map((r) => ({
      id: r.id,
      amountCents: Number(r.amountCents),
      paidOn: r.paidOn,
      reference: r.reference,
      status: r.status,
      createdAt: r.createdAt,
      paymentId: r.paymentId,
    })),
    notes: row.notes,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function hydrate(
  db: Kysely<Database>,
  rows: InvoiceWithNames[],
  view: InvoiceView,
): Promise<Invoice[]> {
  const extras = await loadExtras(db, rows);
  return rows.map((row, i) => toInvoice(row, extras[i]!, view));
}

/** Each row's payments, remittance notices, billing contacts and live link, in the rows' order. */
async function loadExtras(
  db: Kysely<Database>,
  rows: InvoiceWithNames[],
): Promise<InvoiceExtras[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const payments = await inChunks(ids, (chunk) =>
    db
      .selectFrom('payments')
      .selectAll()
      .where('invoiceId', 'in', chunk)
      .orderBy('paidOn')
      .orderBy('createdAt')
      .execute(),
  );
  const byInvoice = new Map<string, PaymentRow[]>();
  for (const p of payments) byInvoice.set(p.invoiceId, [...(byInvoice.get(p.invoiceId) ?? []), p]);
  const contacts = await loadBillingContacts(db, [...new Set(rows.map((r) => r.brandId))]);
  const live = await inChunks(ids, (chunk) =>
    db
      .selectFrom('invoiceLinks')
      .select(['id', 'invoiceId', 'tokenHash'])
      .where('invoiceId', 'in', chunk)
      .where('revokedAt', 'is', null)
      .orderBy('createdAt')
      .execute(),
  );
  // The newest live link of each invoice is the one shown.
  const links = new Map(live.map((link) => [link.invoiceId, link]));
  const notices = await inChunks(ids, (chunk) =>
    db
      .selectFrom('remittanceNotices')
      .selectAll()
      .where('invoiceId', 'in', chunk)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  );
  const remittances = new Map<string, RemittanceNoticeRow[]>();
  for (const n of notices)
    remittances.set(n.invoiceId, [...(remittances.get(n.invoiceId) ?? []), n]);
  return rows.map((row) => ({
    payments: byInvoice.get(row.id) ?? [],
    remittances: remittances.get(row.id) ?? [],
    contacts,
    link: links.get(row.id),
  }));
}

export async function listInvoices(
  db: Kysely<Database>,
  filter: InvoiceListFilter,
  view: InvoiceView,
): Promise<Invoice[]> {
  let query = selectInvoices(db);
  if (filter.dealId?.length) query = query.where('invoices.dealId', 'in', filter.dealId);
  if (filter.brandId?.length) query = query.where('deals.brandId', 'in', filter.brandId);
  if (filter.status?.length) query = query.where('invoices.status', 'in', filter.status);
  if (filter.dueFrom) query = query.where('invoices.dueOn', '>=', filter.dueFrom);
  if (filter.dueTo) query = query.where('invoices.dueOn', '<', filter.dueTo);
  if (filter.overdue === 'true') {
    query = query
      .where('invoices.status', '=', 'sent')
      .where('invoices.dueOn', '<', view.today)
      .whereRef('invoices.paidCents', '<', 'invoices.amountCents');
  }
  const rows = await query.orderBy('invoices.dueOn', 'desc').orderBy('invoices.number').execute();
  const invoices = await hydrate(db, rows, view);
  return filter.overdue === 'false' ? invoices.filter((i) => !i.overdue) : invoices;
}

export async function getInvoice(
  db: Kysely<Database>,
  id: string,
  view: InvoiceView,
): Promise<Invoice> {
  return (await loadInvoice(db, id, view)).invoice;
}

/** An invoice as read for a change: its row and what hangs off it, kept to build the answer from. */
export interface LoadedInvoice {
  row: InvoiceWithNames;
  extras: InvoiceExtras;
  invoice: Invoice;
}

export async function loadInvoice(
  db: Kysely<Database>,
  id: string,
  view: InvoiceView,
): Promise<LoadedInvoice> {
  const row = await selectInvoices(db).where('invoices.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Invoice');
  const [extras] = await loadExtras(db, [row]);
  return { row, extras: extras!, invoice: toInvoice(row, extras!, view) };
}

/**
 * The next number in the year's sequence, `INV-2026-0007`: one more than the
 * highest number of that form so far (gaps from deleted drafts are not refilled).
 */
export async function suggestInvoiceNumber(
  db: Kysely<Database>,
  issuedOn: string,
): Promise<string> {
  const prefix = `INV-${issuedOn.slice(0, 4)}-`;
  const rows = await db
    .selectFrom('invoices')
    .select('number')
    .where('number', 'like', `${prefix}%`)
    .execute();
  const highest = rows.reduce((max, r) => {
    const suffix = r.number.slice(prefix.length);
    // Only plain digits count: `1e3` or `0x10` must not jump the sequence.
    const n = /^\d{1,9}$/.test(suffix) ? Number(suffix) : 0;
    return n > max ? n : max;
  }, 0);
  return `${prefix}${String(highest + 1).padStart(4, '0')}`;
}

/** `paid` follows from the payments: covered → paid; a paid invoice no longer covered is sent again. */
function settleStatus(
  requested: InvoiceStatus,
  paidCents: number,
  amountCents: number,
): InvoiceStatus {
  if (requested === 'void') return 'void';
  if (paidCents > 0 && paidCents >= amountCents) return 'paid';
  if (requested === 'paid') return 'sent';
  // A payment arrived for a draft: it was evidently sent.
  if (requested === 'draft' && paidCents > 0) return 'sent';
  return requested;
}

function duplicateNumber(number: string): AppError {
  return new AppError(
    409,
    'duplicate',
    `Invoice number ${number} is already used. Pick another one.`,
    [{ path: 'number', message: 'Already used by another invoice' }],
  );
}

export interface InvoiceDefaults {
  today: string;
  paymentTermsDays: number;
}

/** The stored form of an invoice's content, its sums worked out (and checked) on the way. */
interface InvoiceContent {
  lines: InvoiceLine[];
  taxes: InvoiceTax[];
  discountCents: number;
}

function contentColumns({ lines, taxes, discountCents }: InvoiceContent) {
  const totals = invoiceTotals(lines, taxes, discountCents);
  if (discountCents > totals.subtotalCents) {
    throw invalidField('discountCents', 'Must not be more than the subtotal');
  }
  if (totals.totalCents <= 0)
    throw invalidField('lines', 'The invoice must come to more than zero');
  if (totals.totalCents > MAX_INVOICE_TOTAL_CENTS)
    throw invalidField('lines', 'The total is too large');
  return {
    lines: JSON.stringify(lines),
    taxes: JSON.stringify(taxes),
    discountCents,
    subtotalCents: totals.subtotalCents,
    taxCents: totals.taxCents,
    amountCents: totals.totalCents,
  };
}

/**
 * A one-line invoice's amount (what clients made before lines existed) is its
 * line's price; sent together with lines it must be their total.
 */
function contentOf(
  input: {
    lines?: InvoiceLine[];
    amountCents?: number;
    taxes?: InvoiceTax[];
    discountCents?: number;
  },
  current: InvoiceContent & { description: string },
): InvoiceContent {
  const taxes = input.taxes ?? current.taxes;
  const discountCents = input.discountCents ?? current.discountCents;
  if (input.lines) {
    const content = { lines: input.lines, taxes, discountCents };
    const total = invoiceTotals(content.lines, taxes, discountCents).totalCents;
    if (input.amountCents !== undefined && input.amountCents !== total) {
      throw invalidField('amountCents', `Must be the lines' total (${total}), or left out`);
    }
    return content;
  }
  if (input.amountCents === undefined) return { lines: current.lines, taxes, discountCents };
  const [only, ...more] = current.lines;
  const simple = more.length === 0 && taxes.length === 0 && discountCents === 0;
  if (only && !simple) {
    throw invalidField(
      'amountCents',
      'This invoice has lines, taxes or a discount: change its lines',
    );
  }
  return {
    lines: [
      {
        description: only?.description ?? current.description,
        quantity: 1,
        unitCents: input.amountCents,
      },
    ],
    taxes,
    discountCents,
  };
}

/** Optional JSON columns: undefined leaves them, null clears them. */
function jsonOrNull<T>(value: T | null | undefined): string | null | undefined {
  return value === undefined ? undefined : value === null ? null : JSON.stringify(value);
}

export async function insertInvoice(
  db: Kysely<Database>,
  input: InvoiceCreateInput,
  defaults: InvoiceDefaults,
  now: Date,
): Promise<string> {
  const deal = await db
    .selectFrom('deals')
    .select(['id', 'currency', 'title'])
    .where('id', '=', input.dealId)
    .executeTakeFirst();
  if (!deal) throw invalidField('dealId', 'No deal with this id');
  const content = contentColumns(
    contentOf(input, { lines: [], taxes: [], discountCents: 0, description: deal.title }),
  );
  const issuedOn = input.issuedOn ?? defaults.today;
  const paymentTermsDays = input.paymentTermsDays ?? defaults.paymentTermsDays;
  const dueOn = input.dueOn ?? addDays(issuedOn, paymentTermsDays);
  if (dueOn < issuedOn) throw invalidField('dueOn', 'Must not be before the issue day');
  const id = newId();
  const at = now.toISOString();
  const currency = input.currency ?? deal.currency;
  // A suggested number can lose a race with another invoice created at the same moment: take the next.
  for (let attempt = 1; ; attempt++) {
    const number = input.number ?? (await suggestInvoiceNumber(db, issuedOn));
    try {
      await insertInvoiceRow(number);
      return id;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (input.number !== undefined || attempt >= 5) throw duplicateNumber(number);
    }
  }

  async function insertInvoiceRow(number: string) {
    await db
      .insertInto('invoices')
      .values({
        id,
        dealId: input.dealId,
        number,
        ...content,
        currency,
        issuedOn,
        paymentTermsDays,
        dueOn,
        status: input.status ?? 'draft',
        paidCents: 0,
        notes: input.notes ?? '',
        poNumber: input.poNumber ?? '',
        payer: jsonOrNull(input.payer) ?? null,
        remindersPaused: input.remindersPaused ?? false,
        remindersPausedUntil: input.remindersPausedUntil ?? null,
        invoiceReminders: jsonOrNull(input.invoiceReminders) ?? null,
        // Created as sent: it went out some other way, now.
        sentAt: (input.status ?? 'draft') === 'sent' ? at : null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
  }
}

export async function updateInvoice(
  db: Kysely<Database>,
  loaded: LoadedInvoice,
  patch: InvoicePatchInput,
  now: Date,
  view: InvoiceView,
  actorId: string | null = null,
): Promise<Invoice> {
  const { version, ...changes } = patch;
  const { row: current } = loaded;
  const { id } = current;
  try {
    return await inTransaction(db, async (trx) => {
      const paidCents = Number(current.paidCents);
      const {
        lines,
        taxes,
        discountCents,
        amountCents: oneLineAmount,
        payer,
        invoiceReminders,
        ...plain
      } = changes;
      const contentChanged = [lines, taxes, discountCents, oneLineAmount].some(
        (v) => v !== undefined,
      );
      const content: Partial<ReturnType<typeof contentColumns>> = contentChanged
        ? contentColumns(
            contentOf(
              { lines, taxes, discountCents, amountCents: oneLineAmount },
              {
                lines: parseLines(current),
                taxes: parseTaxes(current),
                discountCents: Number(current.discountCents),
                description: '',
              },
            ),
          )
        : {};
      const amountCents = content.amountCents ?? Number(current.amountCents);
      if (
        paidCents > 0 &&
        changes.currency !== undefined &&
        changes.currency !== current.currency
      ) {
        throw new AppError(
          409,
          'conflict',
          'This invoice has payments in its currency; remove them before changing it.',
          [{ path: 'currency', message: 'Has payments in the current currency' }],
        );
      }
      if (amountCents < paidCents) {
        throw invalidField(
          lines ? 'lines' : 'amountCents',
          'The total must not be less than what has already been paid',
        );
      }
      if (changes.status === 'void' && paidCents > 0) {
        throw new AppError(
          409,
          'conflict',
          'A paid or part-paid invoice cannot be voided; remove its payments first.',
        );
      }
      const issuedOn = changes.issuedOn ?? current.issuedOn;
      const paymentTermsDays = changes.paymentTermsDays ?? current.paymentTermsDays;
      const termsChanged = changes.issuedOn !== undefined || changes.paymentTermsDays !== undefined;
      const dueOn =
        changes.dueOn ?? (termsChanged ? addDays(issuedOn, paymentTermsDays) : current.dueOn);
      if (dueOn < issuedOn) throw invalidField('dueOn', 'Must not be before the issue day');
      const status = settleStatus(changes.status ?? current.status, paidCents, amountCents);
      // Marked sent by hand: it went out some other way, now (reminders count from then).
      const markedSent = current.status === 'draft' && status === 'sent';

      const updated = await trx
        .updateTable('invoices')
        .set({
          ...plain,
          ...content,
          payer: jsonOrNull(payer),
          invoiceReminders: jsonOrNull(invoiceReminders),
          dueOn,
          status,
          ...(markedSent && !current.sentAt ? { sentAt: now.toISOString() } : {}),
          version: version + 1,
          updatedAt: now.toISOString(),
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
      const result = await assertVersionedRow(trx, updated, 'invoices', id, 'Invoice');
      if (markedSent) await recordInvoiceEvent(trx, id, 'marked_sent', now, actorId);
      if (status === 'void' && current.status !== 'void') {
        await recordInvoiceEvent(trx, id, 'voided', now, actorId);
      }
      const wasPaused = Boolean(current.remindersPaused);
      const paused = changes.remindersPaused ?? wasPaused;
      if (paused !== wasPaused || (paused && changes.remindersPausedUntil !== undefined)) {
        await recordInvoiceEvent(trx, id, paused ? 'paused' : 'resumed', now, actorId, {
          ...(paused
            ? { until: changes.remindersPausedUntil ?? current.remindersPausedUntil }
            : {}),
        });
      }
      // A PATCH changes neither payments, notices, contacts nor links: the answer is the
      // row the UPDATE returned with what was read before.
      return toInvoice({ ...current, ...result }, loaded.extras, view);
    });
  } catch (error) {
    if (isUniqueViolation(error) && changes.number) throw duplicateNumber(changes.number);
    throw error;
  }
}

/** Only drafts and void invoices are deleted; a sent one is voided instead, so the record stays. */
export async function deleteInvoice(db: Kysely<Database>, id: string): Promise<void> {
  const row = await db
    .selectFrom('invoices')
    .select(['status', 'number'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Invoice');
  if (row.status === 'sent' || row.status === 'paid') {
    throw new AppError(
      409,
      'conflict',
      `Invoice ${row.number} was sent; void it instead of deleting it, so the record stays.`,
    );
  }
  await db.deleteFrom('invoices').where('id', '=', id).execute();
}

/**
 * Records a payment. Refused: on a void invoice (409), in another currency
 * (400 naming `currency`), or beyond what is still owed (400 naming `amountCents`).
 * The invoice becomes `paid` once payments cover it.
 */
export async function addPayment(
  db: Kysely<Database>,
  invoiceId: string,
  input: PaymentCreateInput,
  now: Date,
): Promise<string> {
  return inTransaction(db, async (trx) => {
    const invoice = await lockedForUpdate(
      trx,
      trx.selectFrom('invoices').selectAll().where('id', '=', invoiceId),
    ).executeTakeFirst();
    if (!invoice) throw notFound('Invoice');
    if (invoice.status === 'void') {
      throw new AppError(
        409,
        'conflict',
        `Invoice ${invoice.number} is void; it takes no payments.`,
      );
    }
    const currency = input.currency ?? invoice.currency;
    if (currency !== invoice.currency) {
      throw invalidField('currency', `Must be the invoice's currency, ${invoice.currency}`);
    }
    if ((input.feeCents ?? 0) > input.amountCents) {
      throw invalidField('feeCents', 'Must not be more than the payment');
    }
    const owed = Number(invoice.amountCents) - Number(invoice.paidCents);
    if (input.amountCents > owed) {
      throw invalidField(
        'amountCents',
        owed === 0
          ? 'The invoice is already paid in full'
          : `More than the ${formatMoney(owed, invoice.currency)} still owed`,
      );
    }
    const id = newId();
    await trx
      .insertInto('payments')
      .values({
        id,
        invoiceId,
        amountCents: input.amountCents,
        currency,
        paidOn: input.paidOn,
        method: input.method || null,
        note: input.note ?? '',
        feeCents: input.feeCents ?? 0,
        createdAt: now.toISOString(),
      })
      .execute();
    await recomputePaid(trx, invoice, now);
    return id;
  });
}

export async function deletePayment(
  db: Kysely<Database>,
  invoiceId: string,
  paymentId: string,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const invoice = await lockedForUpdate(
      trx,
      trx.selectFrom('invoices').selectAll().where('id', '=', invoiceId),
    ).executeTakeFirst();
    if (!invoice) throw notFound('Invoice');
    const result = await trx
      .deleteFrom('payments')
      .where('id', '=', paymentId)
      .where('invoiceId', '=', invoiceId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('Payment');
    await recomputePaid(trx, invoice, now);
  });
}

/** Sums the payments again (in the same transaction) and settles the status; bumps the version. */
async function recomputePaid(trx: Kysely<Database>, invoice: InvoiceRow, now: Date): Promise<void> {
  const row = await trx
    .selectFrom('payments')
    .select((eb) =>
      eb.fn.coalesce(eb.fn.sum<number | string>('amountCents'), sql<number>`0`).as('paid'),
    )
    .where('invoiceId', '=', invoice.id)
    .executeTakeFirstOrThrow();
  const paidCents = Number(row.paid);
  await trx
    .updateTable('invoices')
    .set({
      paidCents,
      status: settleStatus(invoice.status, paidCents, Number(invoice.amountCents)),
      version: invoice.version + 1,
      updatedAt: now.toISOString(),
    })
    .where('id', '=', invoice.id)
    .execute();
}
