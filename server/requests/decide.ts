import type { Kysely } from 'kysely';
import { addDays, daysBetween, zonedInstant } from '../../shared/days';
import { formatMoney } from '../../shared/currency';
import { brandCreateSchema } from '../../shared/schemas/brand';
import { dealCreateSchema } from '../../shared/schemas/deal';
import type { BrandRequest } from '../../shared/schemas/request';
import { insertBrand } from '../db/queries/brands';
import { insertDeal } from '../db/queries/deals';
import { insertDeliverable } from '../db/queries/deliverables';
import { getMediaKit } from '../db/queries/kit';
import { alreadyDecided, blockSender, decideRequest, getRequest } from '../db/queries/requests';
import { getSettings } from '../db/queries/settings';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { AppDeps } from '../env';
import { invalidField } from '../errors';
import { newId } from '../ids';
import { messageIdFor } from '../invoices/send';
import { oneLine, textToHtml } from '../invoices/templates';

/** Go-lives planned from a request land at this time of day, in the workspace's zone. */
const PLANNED_PUBLISH_TIME = '17:00';

/**
 * The deal's fee: the requested items' rate-card total when they are all
 * priced in one currency, else the brand's budget (the lower end of a range),
 * else nothing yet.
 */
export function feeOf(request: BrandRequest): { feeCents: number; currency?: string } {
  const currencies = new Set(request.items.map((i) => i.currency));
  if (request.items.length > 0 && currencies.size === 1) {
    return {
      feeCents: request.items.reduce((sum, i) => sum + i.unitCents * i.quantity, 0),
      currency: [...currencies][0]!,
    };
  }
  if (request.budgetCents !== null && request.currency !== null)
    return { feeCents: request.budgetCents, currency: request.currency };
  return { feeCents: 0 };
}

/** `count` days spread evenly from `from` to `to` (all on `from` when there is no end). */
export function spreadDays(count: number, from: string, to: string | null): string[] {
  const span = to ? Math.max(daysBetween(from, to), 0) : 0;
  return Array.from({ length: count }, (_, i) =>
    addDays(from, count === 1 ? 0 : Math.round((i * span) / (count - 1))),
  );
}

function dealNotes(request: BrandRequest): string {
  const budget =
    request.budgetCents === null || request.currency === null
      ? null
      : request.budgetMaxCents === null
        ? formatMoney(request.budgetCents, request.currency)
        : `${formatMoney(request.budgetCents, request.currency)} – ${formatMoney(request.budgetMaxCents, request.currency)}`;
  const lines: Array<[string, string | null]> = [
    ['From', `${request.name} <${request.email}>, ${request.company}`],
    ['Asked for', request.want || null],
    ['Budget', budget],
    [
      'Dates',
      request.datesFrom
        ? `${request.datesFrom}${request.datesTo ? ` to ${request.datesTo}` : ''}`
        : null,
    ],
    ['Usage rights', request.usageRights || null],
    ['Exclusivity', request.exclusivity || null],
    ['Message', request.message || null],
  ];
  return lines
    .filter(([, value]) => value !== null)
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n')
    .slice(0, 10_000);
}

/** Adds the requester as a contact of a known brand (unless it has them) and moves an early stage on. */
async function joinKnownBrand(
  trx: Kysely<Database>,
  brandId: string,
  request: BrandRequest,
  now: Date,
): Promise<void> {
  const brand = await trx
    .selectFrom('brands')
    .select(['id', 'stage'])
    .where('id', '=', brandId)
    .executeTakeFirst();
  if (!brand) throw invalidField('brandId', 'No brand with this id');
  const contacts = await trx
    .selectFrom('brandContacts')
    .select(['email', 'position'])
    .where('brandId', '=', brandId)
    .execute();
  if (!contacts.some((c) => c.email?.toLowerCase() === request.email)) {
    await trx
      .insertInto('brandContacts')
      .values({
        id: newId(),
        brandId,
        position: contacts.reduce((max, c) => Math.max(max, c.position + 1), 0),
        name: request.name,
        email: request.email,
        role: null,
        billing: false,
      })
      .execute();
  }
  const early = brand.stage === 'prospect' || brand.stage === 'pitched';
  await trx
    .updateTable('brands')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updatedAt: now.toISOString(),
      ...(early ? { stage: 'negotiating' as const } : {}),
    }))
    .where('id', '=', brandId)
    .execute();
}

/**
 * Accepts a new request in one transaction: the brand (the chosen one, with
 * the requester added as a contact, or a new one), a deal in `negotiating`
 * sourced `inbound`, its requested items as planned deliverables spread over
 * the desired dates, and the request marked accepted and linked to both.
 */
export function acceptRequest(
  db: Kysely<Database>,
  id: string,
  { brandId, userId }: { brandId?: string; userId: string },
  now: Date,
): Promise<{ brandId: string; dealId: string }> {
  return inTransaction(db, async (trx) => {
    const request = await getRequest(trx, id);
    if (request.status !== 'new') throw alreadyDecided();
    const settings = await getSettings(trx, now);
    let chosen = brandId;
    if (chosen) await joinKnownBrand(trx, chosen, request, now);
    else {
      const brand = await insertBrand(
        trx,
        brandCreateSchema.parse({
          name: request.company,
          website: request.website ?? undefined,
          stage: 'negotiating',
          contacts: [{ name: request.name, email: request.email }],
        }),
        now,
      );
      chosen = brand.id;
    }
    const deal = await insertDeal(
      trx,
      dealCreateSchema.parse({
        brandId: chosen,
        title: `${request.company} — inbound request`.slice(0, 200),
        status: 'negotiating',
        source: 'inbound',
        ...feeOf(request),
        notes: dealNotes(request),
      }),
      { currency: settings.currency },
      now,
    );
    const units = request.items.flatMap((item) =>
      Array.from({ length: item.quantity }, (_, n) => ({ item, n })),
    );
    const days = request.datesFrom
      ? spreadDays(units.length, request.datesFrom, request.datesTo)
      : [];
    for (const [index, { item, n }] of units.entries()) {
      const day = days[index];
      await insertDeliverable(
        trx,
        {
          dealId: deal.id,
          title:
            item.quantity > 1 ? `${item.description} ${n + 1}/${item.quantity}` : item.description,
          platform: item.platform,
          format: item.format,
          status: 'planned',
          publishAt: day ? zonedInstant(day, PLANNED_PUBLISH_TIME, settings.timeZone) : null,
        },
        now,
      );
    }
    await decideRequest(
      trx,
      id,
      { status: 'accepted', by: userId, brandId: chosen, dealId: deal.id },
      now,
    );
    return { brandId: chosen, dealId: deal.id };
  });
}

/** The decline template with `{{name}}`, `{{company}}` and `{{creator}}` filled in. */
export function fillDeclineTemplate(
  template: string,
  values: { name: string; company: string; creator: string },
): string {
  return template.replace(
    /\{\{\s*(name|company|creator)\s*\}\}/g,
    (_, key: keyof typeof values) => values[key],
  );
}

/**
 * Declines a new request (kept, marked declined); with `sendReply`, e-mails
 * the brand the given message or the filled-in template. 409 when e-mail is
 * not set up and a reply was asked for: nothing is written then.
 */
export async function declineRequest(
  deps: AppDeps,
  id: string,
  { sendReply, message, userId }: { sendReply: boolean; message?: string; userId: string },
): Promise<void> {
  const { db, clock } = deps;
  const now = clock.now();
  const request = await getRequest(db, id);
  if (request.status !== 'new') throw alreadyDecided();
  if (sendReply && !deps.mailer) {
    throw invalidField('sendReply', 'E-mail is not set up (SMTP_URL), so no reply can be sent');
  }
  await decideRequest(db, id, { status: 'declined', by: userId }, now);
  if (!sendReply || !deps.mailer) return;
  const kit = await getMediaKit(db, { appUrl: deps.config.APP_URL, now });
  const settings = await getSettings(db, now);
  const creator = kit.displayName || settings.name;
  const text =
    message ??
    fillDeclineTemplate(kit.requestForm.declineTemplate, {
      name: request.name,
      company: request.company,
      creator,
    });
  try {
    await deps.mailer.send({
      to: [request.email],
      replyTo: kit.contactEmail,
      subject: oneLine(`Your request to ${creator}`),
      text,
      html: textToHtml(text),
      messageId: messageIdFor('request-decline', id, deps.config.APP_URL),
    });
  } catch {
    // The decision stands; the reply is a courtesy.
  }
}

/** Marks a new request spam (hidden from the inbox) and blocks its sender from the form. */
export function markRequestSpam(
  db: Kysely<Database>,
  id: string,
  userId: string,
  now: Date,
): Promise<void> {
  return inTransaction(db, async (trx) => {
    const request = await getRequest(trx, id);
    await decideRequest(trx, id, { status: 'spam', by: userId }, now);
    await blockSender(trx, request.email, now);
  });
}
