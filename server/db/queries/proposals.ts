import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { todayIn } from '../../../shared/days';
import {
  proposalTermsSchema,
  type Proposal,
  type ProposalState,
  type ProposalStatus,
  type ProposalTerms,
} from '../../../shared/schemas/proposal';
import { hashToken } from '../../auth/tokens';
import { notFound } from '../../errors';
import { linkToken } from '../../security/link-secret';
import type { Database, ProposalsTable } from '../schema';

type ProposalRow = Selectable<ProposalsTable>;

const PURPOSE = 'proposal';

export interface ProposalSigner {
  linkSecret: Buffer;
  appUrl: string;
}

/** The link's token: an HMAC of the proposal's id, so the team can copy its address again. */
export function proposalToken(linkSecret: Buffer, id: string): string {
  return linkToken(linkSecret, PURPOSE, id);
}

/** The brand's page of a proposal, or null when this install's secret did not make its link. */
export function proposalUrl(
  { linkSecret, appUrl }: ProposalSigner,
  row: { id: string; tokenHash: string },
): string | null {
  const token = proposalToken(linkSecret, row.id);
  if (hashToken(token) !== row.tokenHash) return null;
  return `${appUrl.replace(/\/+$/, '')}/proposal/${token}`;
}

/** `sent` past its expiry day (in the workspace's zone) reads as `expired`. */
export function proposalStateOf(
  row: { status: ProposalStatus; expiresOn: string },
  now: Date,
  timeZone: string,
): ProposalState {
  if (row.status === 'sent' && todayIn(now, timeZone) > row.expiresOn) return 'expired';
  return row.status;
}

export function parseTerms(json: string): ProposalTerms {
  return proposalTermsSchema.parse(JSON.parse(json));
}

/** JSON with every object's keys sorted: the same terms always give the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 (hex) of what the brand accepts: the proposal's id, version, expiry
 * and terms, as canonical JSON. Anyone holding the terms can recompute it.
 */
export function termsHashOf(proposal: {
  id: string;
  version: number;
  expiresOn: string;
  terms: ProposalTerms;
}): string {
  const { id, version, expiresOn, terms } = proposal;
  return createHash('sha256')
    .update(canonicalJson({ id, version, expiresOn, terms }))
    .digest('hex');
}

function selectProposals(db: Kysely<Database>) {
  return db
    .selectFrom('proposals')
    .leftJoin('users', 'users.id', 'proposals.createdBy')
    .selectAll('proposals')
    .select('users.name as creatorName');
}

function toProposal(
  row: ProposalRow & { creatorName: string | null },
  signer: ProposalSigner,
  now: Date,
  timeZone: string,
): Proposal {
  return {
    id: row.id,
    dealId: row.dealId,
    version: row.version,
    status: row.status,
    state: proposalStateOf(row, now, timeZone),
    terms: parseTerms(row.terms),
    expiresOn: row.expiresOn,
    url: proposalUrl(signer, row),
    decidedAt: row.decidedAt,
    decidedName: row.decidedName,
    decidedTitle: row.decidedTitle,
    decidedIp: row.decidedIp,
    termsHash: row.termsHash,
    comment: row.comment,
    createdBy:
      row.createdBy && row.creatorName ? { id: row.createdBy, name: row.creatorName } : null,
    createdAt: row.createdAt,
  };
}

export interface ProposalReadOptions {
  signer: ProposalSigner;
  now: Date;
  timeZone: string;
}

/** A deal's proposals, newest version first. */
export async function listProposals(
  db: Kysely<Database>,
  dealId: string,
  { signer, now, timeZone }: ProposalReadOptions,
): Promise<Proposal[]> {
  const rows = await selectProposals(db)
    .where('proposals.dealId', '=', dealId)
    .orderBy('proposals.version', 'desc')
    .execute();
  return rows.map((row) => toProposal(row, signer, now, timeZone));
}

export async function getProposal(
  db: Kysely<Database>,
  id: string,
  { signer, now, timeZone }: ProposalReadOptions,
): Promise<Proposal> {
  const row = await selectProposals(db).where('proposals.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Proposal');
  return toProposal(row, signer, now, timeZone);
}

/**
 * Writes version N+1 of the deal's proposal and marks every earlier one that
 * was still open `replaced`: a deal has one live proposal. Call it in a transaction.
 */
export async function insertProposal(
  db: Kysely<Database>,
  input: {
    id: string;
    dealId: string;
    terms: ProposalTerms;
    tokenHash: string;
    expiresOn: string;
    createdBy: string | null;
  },
  now: Date,
): Promise<{ version: number }> {
  const at = now.toISOString();
  const last = await db
    .selectFrom('proposals')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('dealId', '=', input.dealId)
    .executeTakeFirst();
  const version = Number(last?.version ?? 0) + 1;
  await db
    .updateTable('proposals')
    .set({ status: 'replaced', updatedAt: at })
    .where('dealId', '=', input.dealId)
    .where('status', 'in', ['sent', 'changes_requested'])
    .execute();
  await db
    .insertInto('proposals')
    .values({
      id: input.id,
      dealId: input.dealId,
      version,
      status: 'sent',
      terms: JSON.stringify(input.terms),
      tokenHash: input.tokenHash,
      expiresOn: input.expiresOn,
      decidedAt: null,
      decidedName: null,
      decidedTitle: null,
      decidedIp: null,
      termsHash: null,
      comment: null,
      createdBy: input.createdBy,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  return { version };
}

/** Withdraws a proposal that is still out (sent); false when it was answered, replaced or withdrawn. */
export async function withdrawProposal(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('proposals')
    .set({ status: 'withdrawn', updatedAt: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What a public token opens: the proposal, its deal's title and brand. */
export interface ProposalOfToken {
  row: ProposalRow;
  terms: ProposalTerms;
  dealTitle: string;
  brandName: string;
}

/** The proposal behind a token, whatever its state; undefined for a token that opens none. */
export async function proposalOfToken(
  db: Kysely<Database>,
  token: string,
): Promise<ProposalOfToken | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('proposals')
    .innerJoin('deals', 'deals.id', 'proposals.dealId')
    .innerJoin('brands', 'brands.id', 'deals.brandId')
    .selectAll('proposals')
    .select(['deals.title as dealTitle', 'brands.name as brandName'])
    .where('proposals.tokenHash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const { dealTitle, brandName, ...proposal } = row;
  return { row: proposal, terms: parseTerms(proposal.terms), dealTitle, brandName };
}

/**
 * Records the brand's answer on a proposal that is still `sent`; false when
 * another answer (or a revision, or a withdrawal) got there first.
 */
export async function claimProposal(
  db: Kysely<Database>,
  id: string,
  answer: {
    status: 'accepted' | 'changes_requested';
    name: string;
    title: string | null;
    ip: string | null;
    termsHash: string;
    comment: string | null;
  },
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('proposals')
    .set({
      status: answer.status,
      decidedAt: at,
      decidedName: answer.name,
      decidedTitle: answer.title,
      decidedIp: answer.ip,
      termsHash: answer.termsHash,
      comment: answer.comment,
      updatedAt: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
