import { stringify } from 'csv-stringify/sync';
import { Hono, type Context } from 'hono';
import { listBrands } from '../db/queries/brands';
import { listDeals } from '../db/queries/deals';
import { listDeliverables } from '../db/queries/deliverables';
import { listInvoices } from '../db/queries/invoices';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { minorToDecimal } from '../../shared/currency';
import { todayIn } from '../../shared/days';
import { guardCell as cell } from '../csv-guard';
import { declare, file } from './declare';

/**
 * A CSV download: RFC 4180 quoting by csv-stringify, UTF-8 with a BOM so spreadsheets read
 * accents right. Cells with a tab or semicolon are quoted too: the import (and spreadsheets)
 * also take those as separators; so are cells that start or end with a space, which the
 * import keeps only inside quotes.
 */
function csv(c: Context<AppEnv>, filename: string, header: string[], rows: unknown[][]) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(
    `\uFEFF${stringify([header, ...rows], { record_delimiter: '\r\n', quoted_match: /[\r\n\t;]|^\s|\s$/ })}`,
    200,
  );
}

/** Every export is a CSV file anyone who may read the data may download. */
const csvExport = (what: string) =>
  declare({ access: 'viewer', summary: `${what} as CSV`, answers: { 200: file('text/csv') } });
const route = {
  deals: csvExport('Deals'),
  deliverables: csvExport('Deliverables'),
  invoices: csvExport('Invoices'),
  payments: csvExport('Payments'),
};

export function exportRoutes({ db, clock }: AppDeps) {
  return (
    new Hono<AppEnv>()
      .get('/deals.csv', route.deals, async (c) => {
        const now = clock.now();
        const today = todayIn(now, (await getSettings(db, now)).timeZone);
        const [deals, brands] = await Promise.all([listDeals(db, {}, now), listBrands(db)]);
        const brandName = new Map(brands.map((b) => [b.id, b.name]));
        return csv(
          c,
          `deals-${today}.csv`,
          [
            'brand',
            'deal',
            'status',
            'currency',
            'fee',
            'fee_cents',
            'source',
            'contract_signed_on',
            'exclusivity_category',
            'exclusivity_until',
            'usage_rights_until',
            'notes',
          ],
          deals.map((d) => [
            cell(brandName.get(d.brandId) ?? ''),
            cell(d.title),
            d.status,
            d.currency,
            minorToDecimal(d.feeCents, d.currency),
            d.feeCents,
            d.source,
            d.contractSignedOn ?? '',
            cell(d.exclusivityCategory ?? ''),
            d.exclusivityUntil ?? '',
            d.usageRightsUntil ?? '',
            cell(d.notes),
          ]),
        );
      })
      // Its columns are ones the CSV import recognises: an export imports into another workspace as is.
      .get('/deliverables.csv', route.deliverables, async (c) => {
        const now = clock.now();
        const today = todayIn(now, (await getSettings(db, now)).timeZone);
        const [deliverables, deals, brands] = await Promise.all([
          listDeliverables(db, {}),
          listDeals(db, {}, now),
          listBrands(db),
        ]);
        const brandName = new Map(brands.map((b) => [b.id, b.name]));
        const dealOf = new Map(deals.map((d) => [d.id, d]));
        return csv(
          c,
          `deliverables-${today}.csv`,
          [
            'brand',
            'deal',
            'title',
            'platform',
            'format',
            'status',
            'draft_due',
            'go_live',
            'fee',
            'currency',
            'caption',
            'brief',
            'live_url',
            'disclosure_done',
            'paid_partnership_label',
            'ad_hashtag',
            'branded_content_toggle',
            'views',
            'likes',
            'comments',
            'shares',
            'saves',
            'clicks',
          ],
          deliverables.map((d) => {
            const deal = dealOf.get(d.dealId);
            return [
              cell(brandName.get(d.brandId) ?? ''),
              cell(deal?.title ?? ''),
              cell(d.title),
              d.platform,
              d.format,
              d.status,
              d.draftDueAt ?? '',
              d.publishAt ?? '',
              deal ? minorToDecimal(deal.feeCents, deal.currency) : '',
              deal?.currency ?? '',
              cell(d.caption),
              cell(d.brief),
              d.liveUrl ?? '',
              d.disclosureDone ? 'yes' : 'no',
              d.disclosure.paidPartnershipLabel ? 'yes' : 'no',
              d.disclosure.adInCaption ? 'yes' : 'no',
              d.disclosure.brandedContentToggle ? 'yes' : 'no',
              d.metrics.views ?? '',
              d.metrics.likes ?? '',
              d.metrics.comments ?? '',
              d.metrics.shares ?? '',
              d.metrics.saves ?? '',
              d.metrics.clicks ?? '',
            ];
          }),
        );
      })
      .get('/invoices.csv', route.invoices, async (c) => {
        const now = clock.now();
        const settings = await getSettings(db, now);
        const today = todayIn(now, settings.timeZone);
        const invoices = await listInvoices(db, {}, { today });
        return csv(
          c,
          `invoices-${today}.csv`,
          [
            'number',
            'brand',
            'deal',
            'status',
            'overdue',
            'currency',
            'amount',
            'paid',
            'balance',
            'amount_cents',
            'paid_cents',
            'issued_on',
            'payment_terms_days',
            'due_on',
            'days_overdue',
            'notes',
          ],
          invoices.map((i) => [
            cell(i.number),
            cell(i.brandName),
            cell(i.dealTitle),
            i.status,
            i.overdue ? 'yes' : 'no',
            i.currency,
            minorToDecimal(i.amountCents, i.currency),
            minorToDecimal(i.paidCents, i.currency),
            minorToDecimal(i.balanceCents, i.currency),
            i.amountCents,
            i.paidCents,
            i.issuedOn,
            i.paymentTermsDays,
            i.dueOn,
            i.daysOverdue,
            cell(i.notes),
          ]),
        );
      })
      .get('/payments.csv', route.payments, async (c) => {
        const now = clock.now();
        const settings = await getSettings(db, now);
        const today = todayIn(now, settings.timeZone);
        const invoices = await listInvoices(db, {}, { today });
        const rows = invoices
          .flatMap((i) => i.payments.map((p) => ({ invoice: i, payment: p })))
          .sort((a, b) => a.payment.paidOn.localeCompare(b.payment.paidOn));
        return csv(
          c,
          `payments-${today}.csv`,
          [
            'paid_on',
            'invoice_number',
            'brand',
            'deal',
            'currency',
            'amount',
            'amount_cents',
            // What the provider kept, and what reached the creator (amount − fee).
            'fee',
            'fee_cents',
            'net',
            'net_cents',
            'method',
            'note',
          ],
          rows.map(({ invoice, payment }) => [
            payment.paidOn,
            cell(invoice.number),
            cell(invoice.brandName),
            cell(invoice.dealTitle),
            payment.currency,
            minorToDecimal(payment.amountCents, payment.currency),
            payment.amountCents,
            minorToDecimal(payment.feeCents, payment.currency),
            payment.feeCents,
            minorToDecimal(payment.netCents, payment.currency),
            payment.netCents,
            cell(payment.method ?? ''),
            cell(payment.note),
          ]),
        );
      })
  );
}
