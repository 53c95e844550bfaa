import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { formatDay, todayIn } from '../../shared/days';
import {
  proposalCreateSchema,
  proposalCreatedSchema,
  proposalDecisionBodySchema,
  proposalDecisionResultSchema,
  proposalSchema,
  proposalTermsOf,
  proposalViewSchema,
  proposalSendSchema,
  proposalSentSchema,
  type ProposalSent,
  type Proposal,
  type ProposalCreated,
  type ProposalDecisionResult,
  type ProposalView,
} from '../../shared/schemas/proposal';
import { raiseAlertsInTransaction } from '../alerts/raise';
import { auditedCreate, auditedUpdate } from '../audit/audited';
import { auditActor, recordAudit } from '../audit/record';
import { clientAddress } from '../auth/client-address';
import { currentUser } from '../auth/session';
import { hashToken } from '../auth/tokens';
import { getDeal } from '../db/queries/deals';
import { applyAcceptedProposal } from '../db/queries/proposal-acceptance';
import {
  claimProposal,
  getProposal,
  insertProposal,
  listProposals,
  proposalOfToken,
  proposalStateOf,
  proposalToken,
  termsHashOf,
  withdrawProposal,
  type ProposalOfToken,
} from '../db/queries/proposals';
import { getSettings } from '../db/queries/settings';
import { isUniqueViolation } from '../db/dialect';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { AppError, invalidField } from '../errors';
import { newId } from '../ids';
import { messageIdFor, NO_SMTP_REASON } from '../invoices/send';
import { mailProposal } from '../proposals/mail';
import { renderProposalPdf } from '../proposals/pdf';
import { validate } from '../validate';
import { declare, file, list } from './declare';
import { pdfDownload } from './downloads';
import { openPublicLink, type PublicLinkOptions, type UseLimit } from './public-link';

const HOUR_MS = 60 * 60 * 1000;
/** Per link and hour: a brand's team opening and printing it is far below these. */
const VIEW_LIMIT = { max: 120, windowMs: HOUR_MS };
const PDF_LIMIT = { max: 30, windowMs: HOUR_MS };
const DECISION_LIMIT = { max: 10, windowMs: HOUR_MS };
const DECISION_BODY_BYTES = 16 * 1024;
const TOO_MANY = 'Too many requests for this proposal just now. Please try again later.';

/** One answer for every token that opens nothing: unknown, malformed, or its deal deleted. */
const unknownLink = () => new AppError(404, 'not_found', 'This proposal link is not active.');

/** The trail keeps no address of the link: its URL carries the token. */
const auditable = ({ url: _url, ...rest }: Proposal): AuditedProposal => rest;
type AuditedProposal = Omit<Proposal, 'url'>;

const route = {
  list: declare({
    access: 'viewer',
    summary: "A deal's proposals, newest version first",
    answers: { 200: list(proposalSchema) },
  }),
  create: declare({
    access: 'editor',
    summary:
      "Send the deal's brand a proposal (a new version: earlier open ones are replaced); the link is in the answer",
    body: proposalCreateSchema,
    answers: { 201: proposalCreatedSchema },
    errors: [409],
  }),
  send: declare({
    access: 'editor',
    summary: "E-mail an open proposal's link and PDF to the brand's contacts (or to `to`)",
    body: proposalSendSchema,
    answers: { 200: proposalSentSchema },
    errors: [409, 502],
  }),
  withdraw: declare({
    access: 'editor',
    summary: 'Withdraw a proposal that is still open',
    answers: { 200: proposalSchema },
    errors: [409],
  }),
  view: declare({
    access: 'public',
    summary: 'Public: the proposal its link shows',
    answers: { 200: proposalViewSchema },
    errors: [429],
  }),
  pdf: declare({
    access: 'public',
    summary: 'Public: the proposal as a PDF',
    answers: { 200: file('application/pdf') },
    errors: [429],
  }),
  decide: declare({
    access: 'public',
    summary: 'Public: accept the proposal (the deal becomes contracted) or ask for changes',
    body: proposalDecisionBodySchema,
    answers: { 200: proposalDecisionResultSchema },
    errors: [409, 413, 429],
  }),
};

/** `/api/deals/:id/proposals`: the team's side, beside the deal routes. */
export function dealProposalRoutes({ db, clock, config, linkSecret }: AppDeps) {
  const signer = { linkSecret, appUrl: config.APP_URL };
  return new Hono<AppEnv>()
    .get('/:id/proposals', route.list, async (c) => {
      const now = clock.now();
      const dealId = c.req.param('id');
      await getDeal(db, dealId, now);
      const { timeZone } = await getSettings(db, now);
      return c.json({ items: await listProposals(db, dealId, { signer, now, timeZone }) }, 200);
    })
    .post('/:id/proposals', route.create, validate('json', proposalCreateSchema), async (c) => {
      const input = c.req.valid('json');
      const now = clock.now();
      const dealId = c.req.param('id');
      const { timeZone } = await getSettings(db, now);
      if (input.expiresOn < todayIn(now, timeZone)) {
        throw invalidField('expiresOn', 'Must be today or later');
      }
      const id = newId();
      const token = proposalToken(linkSecret, id);
      let title = '';
      const proposal = await auditedCreate<AuditedProposal>(
        {
          c,
          db,
          now,
          entityType: 'proposal',
          summary: (p) => `Proposal v${p.version} for deal "${title}"`,
        },
        async (trx) => {
          title = (await getDeal(trx, dealId, now)).title;
          await insertProposal(
            trx,
            {
              id,
              dealId,
              terms: proposalTermsOf(input),
              tokenHash: hashToken(token),
              expiresOn: input.expiresOn,
              createdBy: currentUser(c).id,
            },
            now,
          ).catch((error: unknown) => {
            throw isUniqueViolation(error)
              ? new AppError(
                  409,
                  'conflict',
                  'Another proposal was just sent. Reload and try again.',
                )
              : error;
          });
          return auditable(await getProposal(trx, id, { signer, now, timeZone }));
        },
      );
      const created: ProposalCreated = {
        id,
        token,
        version: proposal.version,
        url: `${config.APP_URL.replace(/\/+$/, '')}/proposal/${token}`,
      };
      return c.json(created, 201);
    });
}

/** `/api/proposals/:id/withdraw`. */
export function proposalRoutes({ db, clock, config, linkSecret, mailer }: AppDeps) {
  const signer = { linkSecret, appUrl: config.APP_URL };
  return new Hono<AppEnv>()
    .post('/:id/send', route.send, validate('json', proposalSendSchema), async (c) => {
      const input = c.req.valid('json');
      const now = clock.now();
      const id = c.req.param('id');
      const settings = await getSettings(db, now);
      const proposal = await getProposal(db, id, { signer, now, timeZone: settings.timeZone });
      if (proposal.state !== 'sent') {
        throw new AppError(
          409,
          'conflict',
          `Only an open proposal can be sent; this one is ${proposal.state.replace('_', ' ')}.`,
        );
      }
      const found = proposal.url
        ? await proposalOfToken(db, proposalToken(linkSecret, id))
        : undefined;
      if (!proposal.url || !found) {
        throw new AppError(
          409,
          'conflict',
          'This install can no longer show this link: send a revision instead.',
        );
      }
      const to = input.to ?? (await brandContactEmails(db, proposal.dealId));
      if (to.length === 0) {
        throw invalidField(
          'to',
          'The brand has no contact with an e-mail: add one, or give the addresses.',
        );
      }
      if (!mailer) throw new AppError(409, 'email_not_configured', NO_SMTP_REASON);
      const view = toView(found, settings.name, now, settings.timeZone);
      const messageId = messageIdFor('proposal', `${id}-${newId()}`, config.APP_URL);
      try {
        await mailProposal(mailer, view, {
          to,
          replyTo: settings.creator.email.trim() || currentUser(c).email,
          url: proposal.url,
          message: input.message ?? '',
          messageId,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
        throw new AppError(
          502,
          'email_failed',
          `The mail server did not take the e-mail: ${reason}`,
        );
      }
      await recordAudit(
        db,
        auditActor(c),
        {
          action: 'update',
          entityType: 'proposal',
          entityId: id,
          summary: `Proposal v${proposal.version} for deal "${view.dealTitle}" e-mailed to ${to.join(', ')}`,
          after: { sentTo: to },
        },
        now,
      );
      const sent: ProposalSent = { sentAt: now.toISOString(), to, messageId };
      return c.json(sent, 200);
    })
    .post('/:id/withdraw', route.withdraw, async (c) => {
      const now = clock.now();
      const id = c.req.param('id');
      const { timeZone } = await getSettings(db, now);
      const read = { signer, now, timeZone };
      const after = await auditedUpdate<AuditedProposal>(
        {
          c,
          db,
          now,
          entityType: 'proposal',
          summary: (p) => `Proposal v${p.version} withdrawn`,
        },
        async (trx) => auditable(await getProposal(trx, id, read)),
        async (trx) => {
          if (!(await withdrawProposal(trx, id, now))) {
            throw new AppError(
              409,
              'conflict',
              'Only a proposal that is still open can be withdrawn: this one was answered, replaced or withdrawn.',
            );
          }
          return auditable(await getProposal(trx, id, read));
        },
      );
      return c.json(await getProposal(db, after.id, read), 200);
    });
}

/** What the brand is shown: the proposal's own terms (none once withdrawn or replaced). */
function toView(
  found: ProposalOfToken,
  workspaceName: string,
  now: Date,
  timeZone: string,
): ProposalView {
  const { row, terms } = found;
  const state = proposalStateOf(row, now, timeZone);
  const accepted = row.status === 'accepted';
  return {
    workspaceName,
    brandName: found.brandName,
    dealTitle: found.dealTitle,
    version: row.version,
    state,
    sentOn: todayIn(new Date(row.createdAt), timeZone),
    expiresOn: row.expiresOn,
    terms: state === 'withdrawn' || state === 'replaced' ? null : terms,
    decidedAt: row.decidedAt,
    decidedName: accepted ? row.decidedName : null,
    decidedTitle: accepted ? row.decidedTitle : null,
  };
}

/** Why a proposal that is not open takes no answer. */
function notOpen(state: ProposalView['state'], expiresOn: string): AppError {
  const message = {
    accepted: 'This proposal was already accepted.',
    changes_requested:
      'Changes to this proposal were already requested; wait for the revised version.',
    withdrawn: 'This proposal was withdrawn.',
    replaced: 'This proposal was replaced by a newer version. Ask for the new link.',
    expired: `This proposal expired on ${formatDay(expiresOn)}. Ask for a new one.`,
    sent: '',
  }[state];
  return new AppError(409, 'conflict', message);
}

/**
 * The brand's side, without an account: the proposal behind a token, its PDF,
 * and the answer. Mounted under `/api/proposal-links`; the token is the credential.
 */
export function proposalLinkRoutes(deps: AppDeps) {
  const { db, clock, emailConfigured } = deps;
  /** The proposal behind the token, its use counted as `proposal-<kind>` against `limit`. */
  const proposalLink = (
    token: string,
    kind: string,
    limit: UseLimit,
  ): PublicLinkOptions<ProposalOfToken> => ({
    find: (trx) => proposalOfToken(trx, token),
    unknown: unknownLink,
    key: (found) => `proposal-${kind}:${found.row.tokenHash}`,
    limit: { ...limit, message: TOO_MANY },
  });
  /** The proposal behind the token as its brand sees it, counting the use against `limit`. */
  const open = (c: Context<AppEnv>, limit: UseLimit, kind: string) => {
    const now = clock.now();
    const token = c.req.param('token') ?? '';
    return openPublicLink(db, now, proposalLink(token, kind, limit), async (trx, found) => {
      const settings = await getSettings(trx, now);
      return toView(found, settings.name, now, settings.timeZone);
    });
  };
  return new Hono<AppEnv>()
    .get('/:token', route.view, async (c) => {
      const view = await open(c, VIEW_LIMIT, 'view');
      c.header('Cache-Control', 'no-store');
      return c.json(view, 200);
    })
    .get('/:token/pdf', route.pdf, async (c) => {
      const view = await open(c, PDF_LIMIT, 'pdf');
      return pdfDownload(c, await renderProposalPdf(view), `proposal-v${view.version}.pdf`);
    })
    .post(
      '/:token/decision',
      route.decide,
      bodyLimit({
        maxSize: DECISION_BODY_BYTES,
        onError: (c) =>
          c.json(
            { error: { code: 'payload_too_large', message: 'The answer is larger than 16 KB.' } },
            413,
          ),
      }),
      validate('json', proposalDecisionBodySchema),
      async (c) => {
        const input = c.req.valid('json');
        const now = clock.now();
        const ip = clientAddress(c, deps.trustProxy);
        const comment = input.comment?.trim() ? input.comment.trim() : null;
        const title = input.title ? input.title : null;
        const token = c.req.param('token');
        // Counted on its own: an answer refused below (409) still counts against the link.
        await openPublicLink(db, now, proposalLink(token, 'decision', DECISION_LIMIT));
        const result = await inTransaction(db, async (trx) => {
          const found = await proposalOfToken(trx, token);
          if (!found) throw unknownLink();
          const { row, terms } = found;
          const { timeZone } = await getSettings(trx, now);
          const state = proposalStateOf(row, now, timeZone);
          if (state !== 'sent') throw notOpen(state, row.expiresOn);
          const termsHash = termsHashOf({
            id: row.id,
            version: row.version,
            expiresOn: row.expiresOn,
            terms,
          });
          const status = input.decision === 'accept' ? 'accepted' : 'changes_requested';
          // Of two answers at once, one claims the proposal; the other ends here and rolls back.
          const claimed = await claimProposal(
            trx,
            row.id,
            { status, name: input.name, title, ip, termsHash, comment },
            now,
          );
          if (!claimed) throw notOpen('accepted', row.expiresOn);
          const actor = { id: null, name: input.name, via: 'public' as const };
          const by = `the brand (${input.name}) via a proposal link`;
          await recordAudit(
            trx,
            actor,
            {
              action: 'update',
              entityType: 'proposal',
              entityId: row.id,
              summary: `Proposal v${row.version} for deal "${found.dealTitle}" ${status === 'accepted' ? 'accepted' : 'sent back for changes'} by ${by}`,
              before: { status: row.status },
              after: { status, decidedName: input.name, decidedTitle: title, comment },
            },
            now,
          );
          if (status === 'accepted') {
            await applyAcceptedProposal(trx, row.dealId, terms, { now, timeZone, actor, by });
          }
          // In the same transaction: the answer and the team's alert of it are kept or lost together.
          await raiseAlertsInTransaction(
            trx,
            [
              {
                rule: status === 'accepted' ? 'proposal_accepted' : 'proposal_changes_requested',
                subjectType: 'deal',
                subjectId: row.dealId,
                dueAt: now.toISOString(),
                severity: status === 'accepted' ? 'info' : 'warning',
                assigneeId: null,
              },
            ],
            { now, timeZone, emailEnabled: emailConfigured },
          );
          const answered: ProposalDecisionResult = {
            decision: input.decision,
            decidedAt: now.toISOString(),
            state: status,
            termsHash,
          };
          return answered;
        });
        return c.json(result, 200);
      },
    );
}

/** Where a proposal goes unless told: the brand's contacts with an e-mail, billing-only ones last. */
async function brandContactEmails(db: AppDeps['db'], dealId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('brandContacts')
    .innerJoin('deals', 'deals.brandId', 'brandContacts.brandId')
    .select(['brandContacts.email', 'brandContacts.billing'])
    .where('deals.id', '=', dealId)
    .where('brandContacts.email', 'is not', null)
    .orderBy('brandContacts.position')
    .execute();
  const people = rows.filter((r) => !r.billing).map((r) => r.email!);
  return [...new Set(people.length > 0 ? people : rows.map((r) => r.email!))].slice(0, 10);
}
