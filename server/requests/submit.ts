import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ApiErrorIssue } from '../../shared/schemas/common';
import type { MediaKit } from '../../shared/schemas/kit';
import type {
  RequestSubmissionInput,
  RequestedItem,
  RequirableRequestField,
} from '../../shared/schemas/request';
import { FORMAT_LABELS, PLATFORM_LABELS } from '../../shared/labels';
import { raiseAlertsInTransaction } from '../alerts/raise';
import { getKitTimeZone } from '../db/queries/kit';
import { takePublicHit } from '../db/queries/public-hits';
import { insertRequest, isBlockedSender } from '../db/queries/requests';
import { inTransaction } from '../db/transaction';
import type { AppDeps } from '../env';
import { newId } from '../ids';
import { messageIdFor } from '../invoices/send';
import { oneLine, textToHtml } from '../invoices/templates';
import { validationError } from '../validate';

/** A person takes longer than this to fill in the form; a script does not. */
export const MIN_FILL_MS = 3_000;
/** A form left open longer is handed out again (its values kept) rather than taken. */
export const MAX_FORM_AGE_MS = 2 * 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** Per sender address and per e-mail: generous for a brand, tight for a flood. */
export const REQUEST_LIMITS = {
  perAddress: { max: 10, windowMs: HOUR_MS },
  perEmail: { max: 3, windowMs: 24 * HOUR_MS },
};
const TOO_MANY = 'Too many requests from here just now. Please try again later.';

/** The signed moment the form was handed out: `<ms in base 36>.<HMAC>`. */
export function issueFormToken(secret: Buffer, now: Date): string {
  const at = now.getTime().toString(36);
  return `${at}.${sign(secret, at)}`;
}

function sign(secret: Buffer, at: string): string {
  return createHmac('sha256', secret).update(`request-form:${at}`).digest('base64url');
}

/**
 * The token a form handed back with its errors carries: the one it was sent
 * with while that is still good, so the fill time counts from when the form
 * was first handed out (a quick fix of one field is not "too fast"); a new
 * one otherwise.
 */
export function formTokenAgain(secret: Buffer, sent: string | undefined, now: Date): string {
  const handedOut = sent === undefined ? null : issuedAt(secret, sent);
  return handedOut !== null && now.getTime() - handedOut <= MAX_FORM_AGE_MS
    ? sent!
    : issueFormToken(secret, now);
}

/** When the form was handed out, or null when the token is not one we signed. */
function issuedAt(secret: Buffer, token: string): number | null {
  const [at, signature, ...rest] = token.split('.');
  if (!at || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, at));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const ms = parseInt(at, 36);
  return Number.isSafeInteger(ms) ? ms : null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What became of a submission: both answer the same "thank you". */
export type SubmitOutcome = { stored: true; id: string } | { stored: false };

/** Issues for the fields the owner made required and the brand left empty. */
function missingRequired(
  input: RequestSubmissionInput,
  required: readonly RequirableRequestField[],
): ApiErrorIssue[] {
  const missing: Record<RequirableRequestField, [string, boolean]> = {
    website: ['website', input.website === undefined],
    items: ['items', input.items.length === 0 && input.want === ''],
    budget: ['budgetCents', input.budgetCents === undefined],
    dates: [
      input.datesFrom === undefined ? 'datesFrom' : 'datesTo',
      !input.datesFrom || !input.datesTo,
    ],
    usageRights: ['usageRights', input.usageRights === ''],
    exclusivity: ['exclusivity', input.exclusivity === ''],
    message: ['message', input.message === ''],
  };
  return required.flatMap((field) => {
    const [path, isMissing] = missing[field];
    const message =
      field === 'items' ? 'Pick at least one item or describe what you want' : 'Required';
    return isMissing ? [{ path, message }] : [];
  });
}

/** `Instagram reel`. */
export const itemDescription = (item: Pick<RequestedItem, 'platform' | 'format'>) =>
  `${PLATFORM_LABELS[item.platform]} ${FORMAT_LABELS[item.format].toLowerCase()}`;

export interface SubmitContext {
  kit: MediaKit;
  /** The sender's address (for the per-address limit; only its hash is kept). */
  address: string;
}

/**
 * Takes a brand's request from the public form. A filled honeypot, a form
 * sent faster than a person could, a token we did not sign or a blocked sender
 * store nothing and answer like a success; bad input is a 400 naming the
 * fields; over the limits a 429. A stored request raises `request_received`
 * in its transaction, then the brand gets a confirmation when e-mail is set up.
 */
export async function submitRequest(
  deps: AppDeps,
  input: RequestSubmissionInput,
  { kit, address }: SubmitContext,
): Promise<SubmitOutcome> {
  const { db, clock, linkSecret } = deps;
  const now = clock.now();
  if (input.homepage.trim() !== '') return { stored: false };
  const handedOut = issuedAt(linkSecret, input.token);
  if (handedOut === null) return { stored: false };
  if (now.getTime() - handedOut > MAX_FORM_AGE_MS) {
    throw validationError([
      { path: 'token', message: 'This form was open too long. Please check it and send it again.' },
    ]);
  }

  const issues = missingRequired(input, kit.requestForm.requiredFields);
  const items: RequestedItem[] = [];
  input.items.forEach(({ rateCardIndex, quantity }, index) => {
    const line = kit.rateCard[rateCardIndex];
    if (!line) {
      issues.push({
        path: `items.${index}.rateCardIndex`,
        message: 'No such item on the rate card',
      });
      return;
    }
    items.push({
      rateCardIndex,
      platform: line.platform,
      format: line.format,
      description: itemDescription(line),
      quantity,
      unitCents: line.priceCents,
      currency: line.currency,
    });
  });
  if (issues.length > 0) throw validationError(issues);
  // After the fields: a person who sends an incomplete form at once is told what is missing.
  if (now.getTime() - handedOut < MIN_FILL_MS) return { stored: false };

  const id = newId();
  const stored = await inTransaction(db, async (trx) => {
    const ipHash = sha256(address);
    await takePublicHit(
      trx,
      { key: `request-address:${ipHash}`, ...REQUEST_LIMITS.perAddress, message: TOO_MANY },
      now,
    );
    await takePublicHit(
      trx,
      {
        key: `request-email:${sha256(input.email)}`,
        ...REQUEST_LIMITS.perEmail,
        message: TOO_MANY,
      },
      now,
    );
    if (await isBlockedSender(trx, input.email)) return false;
    await insertRequest(trx, {
      id,
      status: 'new',
      company: input.company,
      name: input.name,
      email: input.email,
      website: input.website ?? null,
      items: JSON.stringify(items),
      want: input.want,
      budgetCents: input.budgetCents ?? null,
      budgetMaxCents: input.budgetMaxCents ?? null,
      currency: input.currency ?? null,
      datesFrom: input.datesFrom ?? null,
      datesTo: input.datesTo ?? null,
      usageRights: input.usageRights,
      exclusivity: input.exclusivity,
      message: input.message,
      ipHash,
      createdAt: now.toISOString(),
    });
    await raiseAlertsInTransaction(
      trx,
      [
        {
          rule: 'request_received',
          subjectType: 'request',
          subjectId: id,
          dueAt: now.toISOString(),
          severity: 'info',
          assigneeId: null,
        },
      ],
      { now, timeZone: await getKitTimeZone(trx), emailEnabled: deps.emailConfigured },
    );
    return true;
  });
  if (!stored) return { stored: false };
  await sendConfirmation(deps, kit, input, id);
  return { stored: true, id };
}

/** "We have your request": what happens next, to the address the brand gave. Best effort. */
async function sendConfirmation(
  deps: AppDeps,
  kit: MediaKit,
  input: RequestSubmissionInput,
  id: string,
): Promise<void> {
  if (!deps.mailer) return;
  const creator = kit.displayName;
  const text = [
    `Hi ${input.name},`,
    '',
    `Thank you for your request for ${input.company}. ${creator} has it and reads every request personally.`,
    '',
    `What happens next: you will hear back at this address, usually within a few working days — with questions, a proposal with dates and prices to accept online, or a polite no.`,
    '',
    'You do not need to send it again.',
    '',
    `— ${creator} (sent by Sponsorcal)`,
  ].join('\n');
  try {
    await deps.mailer.send({
      to: [input.email],
      replyTo: kit.contactEmail,
      subject: oneLine(`Your request to ${creator} has arrived`),
      text,
      html: textToHtml(text),
      messageId: messageIdFor('request', id, deps.config.APP_URL),
      // Sent on its own when the form is submitted: auto-replies must not answer it.
      automatic: true,
    });
  } catch {
    // The request is kept and the team alerted; a lost confirmation must not fail the brand's submission.
  }
}
