import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { DealCreate } from '../../shared/schemas/deal';
import type { DeliverableCreate } from '../../shared/schemas/deliverable';
import type { PitchCreate } from '../../shared/schemas/brand';
import { insertBrand, type BrandCreateInput } from '../db/queries/brands';
import { insertDeal } from '../db/queries/deals';
import { insertDeliverable } from '../db/queries/deliverables';
import { addPayment, insertInvoice } from '../db/queries/invoices';
import { insertPitch } from '../db/queries/pitches';
import type { Database } from '../db/schema';
import { AppError } from '../errors';

interface SampleDeliverable extends Omit<DeliverableCreate, 'dealId' | 'publishAt' | 'draftDueAt'> {
  /** Days from today and local hour of the go-live. */
  publishIn: number;
  hour: number;
  /** Days before the go-live the draft is due; omitted for no draft. */
  draftLead?: number;
}

interface SampleInvoice {
  amountCents: number;
  /** Days from today of the issue day; sent on net-30 terms. */
  issuedIn: number;
  /** Paid in full this many days after it was issued; omitted while it is still owed. */
  paidAfter?: number;
}

interface SampleDeal extends Omit<DealCreate, 'brandId'> {
  deliverables: SampleDeliverable[];
  invoices?: SampleInvoice[];
}

interface SamplePitch {
  /** Days from today (negative: in the past). */
  pitchedIn: number;
  channel: PitchCreate['channel'];
  note: string;
}

const SAMPLE: Array<{
  brand: BrandCreateInput;
  /** Days from today of the next follow-up. */
  followUpIn?: number;
  pitches?: SamplePitch[];
  deals: SampleDeal[];
}> = [
  {
    brand: {
      name: 'Glow Skincare',
      website: 'https://glow.example',
      category: 'beauty',
      stage: 'partner',
      notes: 'Prefers morning posts. Always tag @glowskin.',
      contacts: [{ name: 'Maya Chen', email: 'maya@glow.example', role: 'Influencer manager' }],
    },
    deals: [
      {
        title: 'Spring serum launch',
        status: 'in_progress',
        feeCents: 450_000,
        source: 'direct',
        exclusivityCategory: 'beauty',
        deliverables: [
          {
            title: 'Unboxing reel',
            platform: 'instagram',
            format: 'reel',
            status: 'approved',
            publishIn: 2,
            hour: 9,
            draftLead: 3,
          },
          {
            title: 'Morning routine TikTok',
            platform: 'tiktok',
            format: 'video',
            status: 'drafting',
            publishIn: 6,
            hour: 18,
            draftLead: 2,
          },
          {
            title: 'Story set with swipe-up',
            platform: 'instagram',
            format: 'story',
            status: 'planned',
            publishIn: 13,
            hour: 12,
            draftLead: 2,
          },
        ],
        // Half up front, due in three weeks.
        invoices: [{ amountCents: 225_000, issuedIn: -9 }],
      },
    ],
  },
  {
    brand: {
      name: 'Northwind Coffee',
      website: 'https://northwind.example',
      category: 'food & drink',
      stage: 'partner',
      contacts: [{ name: 'Sam Ortiz', email: 'sam@northwind.example', role: 'Brand partnerships' }],
    },
    deals: [
      {
        title: 'Cold brew summer',
        status: 'contracted',
        feeCents: 280_000,
        source: 'marketplace',
        deliverables: [
          {
            title: 'Cold brew recipe short',
            platform: 'youtube',
            format: 'short',
            status: 'in_review',
            publishIn: 4,
            hour: 16,
            draftLead: 2,
          },
          {
            title: 'Dedicated video integration',
            platform: 'youtube',
            format: 'integration',
            status: 'planned',
            publishIn: 17,
            hour: 15,
            draftLead: 5,
          },
          {
            title: 'Newsletter feature',
            platform: 'newsletter',
            format: 'post',
            status: 'planned',
            publishIn: 20,
            hour: 8,
          },
        ],
        invoices: [{ amountCents: 140_000, issuedIn: -40, paidAfter: 26 }],
      },
    ],
  },
  {
    brand: {
      name: 'Pixel Audio',
      website: 'https://pixelaudio.example',
      category: 'tech',
      stage: 'negotiating',
      contacts: [{ name: 'Ola Nordmann', email: 'ola@pixelaudio.example', role: 'PR' }],
    },
    deals: [
      {
        title: 'Earbuds review',
        status: 'in_progress',
        feeCents: 600_000,
        source: 'agency',
        deliverables: [
          {
            title: 'Earbuds review',
            platform: 'youtube',
            format: 'video',
            status: 'published',
            publishIn: -3,
            hour: 17,
            draftLead: 4,
            disclosure: { paidPartnershipLabel: true, adInCaption: true },
            liveUrl: 'https://youtube.example/watch?v=demo',
          },
          {
            title: 'Live Q&A',
            platform: 'twitch',
            format: 'live',
            status: 'scheduled',
            publishIn: 9,
            hour: 20,
            draftLead: 1,
          },
          {
            title: 'Carousel of sound tests',
            platform: 'instagram',
            format: 'carousel',
            status: 'planned',
            publishIn: 24,
            hour: 11,
            draftLead: 3,
          },
        ],
        // The review went live; its invoice is a week past due: the kind Sponsorcal chases.
        invoices: [{ amountCents: 300_000, issuedIn: -37 }],
      },
    ],
  },
  {
    brand: {
      name: 'Trailhead Outdoors',
      website: 'https://trailhead.example',
      category: 'outdoor',
      stage: 'pitched',
      contacts: [{ name: 'Jo Park', email: 'jo@trailhead.example', role: 'Marketing lead' }],
    },
    followUpIn: 2,
    pitches: [
      {
        pitchedIn: -12,
        channel: 'email',
        note: 'Sent the media kit and an autumn hiking series idea.',
      },
      { pitchedIn: -5, channel: 'call', note: 'Jo likes the vlog; asked for rates for two posts.' },
    ],
    deals: [
      {
        title: 'Autumn hiking kit',
        status: 'negotiating',
        feeCents: 150_000,
        source: 'inbound',
        deliverables: [
          {
            title: 'Trail day vlog',
            platform: 'tiktok',
            format: 'video',
            status: 'planned',
            publishIn: 11,
            hour: 10,
            draftLead: 3,
          },
          {
            title: 'Pinterest gear board',
            platform: 'pinterest',
            format: 'post',
            status: 'planned',
            publishIn: 27,
            hour: 14,
          },
        ],
      },
    ],
  },
];

export interface SeedOptions {
  now: Date;
  timeZone: string;
  currency: string;
}

export interface SampleCounts {
  brands: number;
  deals: number;
  deliverables: number;
  invoices: number;
  pitches: number;
}

/**
 * Loads a small sample workspace: brands (one with its pitches and a follow-up
 * due), deals, deliverables over the next weeks, and invoices paid, due and
 * overdue.
 */
export async function seedSampleWorkspace(
  db: Kysely<Database>,
  { now, timeZone, currency }: SeedOptions,
): Promise<SampleCounts> {
  const existing = await db.selectFrom('brands').select('id').limit(1).executeTakeFirst();
  if (existing) {
    throw new AppError(
      409,
      'conflict',
      'The workspace already has brands; sample data is only for an empty one.',
    );
  }
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .startOfDay();
  const at = (days: number, hour: number) =>
    new Date(today.add({ days }).with({ hour }).toInstant().epochMilliseconds).toISOString();
  const day = (days: number) => today.add({ days }).toPlainDate().toString();
  const counts: SampleCounts = { brands: 0, deals: 0, deliverables: 0, invoices: 0, pitches: 0 };
  for (const { brand, followUpIn, pitches = [], deals } of SAMPLE) {
    const created = await insertBrand(
      db,
      { ...brand, ...(followUpIn !== undefined ? { nextFollowUpOn: day(followUpIn) } : {}) },
      now,
    );
    counts.brands++;
    for (const { pitchedIn, channel, note } of pitches) {
      await insertPitch(db, created.id, { pitchedOn: day(pitchedIn), channel, note }, null, now);
      counts.pitches++;
    }
    for (const { deliverables, invoices = [], ...deal } of deals) {
      const createdDeal = await insertDeal(db, { ...deal, brandId: created.id }, { currency }, now);
      counts.deals++;
      for (const { publishIn, hour, draftLead, ...d } of deliverables) {
        await insertDeliverable(
          db,
          {
            ...d,
            dealId: createdDeal.id,
            publishAt: at(publishIn, hour),
            draftDueAt: draftLead !== undefined ? at(publishIn - draftLead, 17) : null,
          },
          now,
        );
        counts.deliverables++;
      }
      for (const { amountCents, issuedIn, paidAfter } of invoices) {
        const invoiceId = await insertInvoice(
          db,
          { dealId: createdDeal.id, amountCents, issuedOn: day(issuedIn), status: 'sent' },
          { today: day(0), paymentTermsDays: 30 },
          now,
        );
        if (paidAfter !== undefined) {
          await addPayment(
            db,
            invoiceId,
            { amountCents, paidOn: day(issuedIn + paidAfter), method: 'Bank transfer' },
            now,
          );
        }
        counts.invoices++;
      }
    }
  }
  return counts;
}
