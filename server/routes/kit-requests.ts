import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { MediaKit } from '../../shared/schemas/kit';
import {
  publicRequestFormSchema,
  requestSubmissionSchema,
  type PublicRequestForm,
} from '../../shared/schemas/request';
import { clientAddress } from '../auth/client-address';
import { getPublishedMediaKit } from '../db/queries/kit';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { AppError } from '../errors';
import {
  renderRequestFormPage,
  renderRequestProblemPage,
  renderThanksPage,
} from '../kit/request-page';
import { renderMissingKitPage } from '../kit/page';
import { formErrors, formValues, readRequestForm } from '../requests/form-fields';
import { formTokenAgain, issueFormToken, submitRequest } from '../requests/submit';
import { validate } from '../validate';
import { declare } from './declare';

/** A request is a few paragraphs; anything near this is not one. */
export const REQUEST_BODY_BYTES = 32 * 1024;
const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD'];

/** The published kit whose form is on, or null: an unknown slug, an unpublished kit and a form turned off look the same. */
async function openForm(deps: AppDeps, slug: string): Promise<MediaKit | null> {
  const kit = await getPublishedMediaKit(deps.db, slug, {
    appUrl: deps.config.APP_URL,
    now: deps.clock.now(),
  });
  return kit?.requestForm.enabled ? kit : null;
}

const formNotFound = () => new AppError(404, 'not_found', 'No request form here.');

function noStore(c: Context<AppEnv>) {
  c.header('Cache-Control', 'no-store');
}

async function currenciesFor(deps: AppDeps, kit: MediaKit): Promise<string[]> {
  const settings = await getSettings(deps.db, deps.clock.now());
  return [
    ...new Set([...kit.rateCard.map((r) => r.currency), settings.currency, ...COMMON_CURRENCIES]),
  ];
}

/**
 * `/kit/:slug/request`: the public "Work with me" form, server-rendered and
 * working without script. Sent → 303 to the thank-you page (also for what the
 * spam checks drop); bad input → the form again (400) with each message by
 * its field; too large → 413; too many → 429 with Retry-After.
 */
export function requestFormPageRoutes(deps: AppDeps) {
  const missing = (c: Context<AppEnv>) => c.html(renderMissingKitPage(), 404);
  return new Hono<AppEnv>()
    .get('/:slug/request', async (c) => {
      noStore(c);
      const kit = await openForm(deps, c.req.param('slug'));
      if (!kit) return missing(c);
      const token = issueFormToken(deps.linkSecret, deps.clock.now());
      return c.html(
        renderRequestFormPage({ kit, token, currencies: await currenciesFor(deps, kit) }),
        200,
      );
    })
    .get('/:slug/request/thanks', async (c) => {
      noStore(c);
      const kit = await openForm(deps, c.req.param('slug'));
      if (!kit) return missing(c);
      return c.html(renderThanksPage(kit), 200);
    })
    .post(
      '/:slug/request',
      bodyLimit({
        maxSize: REQUEST_BODY_BYTES,
        onError: (c) =>
          c.html(
            renderRequestProblemPage(
              'That is too long',
              'The request is larger than 32 KB. Please shorten the message and send it again.',
            ),
            413,
          ),
      }),
      async (c) => {
        noStore(c);
        const kit = await openForm(deps, c.req.param('slug'));
        if (!kit) return missing(c);
        let values: Record<string, string>;
        try {
          values = formValues(await c.req.parseBody());
        } catch {
          values = {};
        }
        const again = async (errors: Record<string, string>) => {
          // What they typed is kept, and the fill time still counts from the first hand-out.
          const token = formTokenAgain(deps.linkSecret, values.token, deps.clock.now());
          const { token: _t, homepage: _h, ...kept } = values;
          return c.html(
            renderRequestFormPage({
              kit,
              token,
              values: kept,
              errors,
              currencies: await currenciesFor(deps, kit),
            }),
            400,
          );
        };
        const reading = readRequestForm(values, kit.rateCard.length);
        if (!reading.ok) return again(reading.errors);
        try {
          await submitRequest(deps, reading.input, {
            kit,
            address: clientAddress(c, deps.trustProxy),
          });
        } catch (error) {
          if (error instanceof AppError && error.status === 400 && error.issues)
            return again(formErrors(error.issues));
          if (error instanceof AppError && error.status === 429) {
            for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
            return c.html(renderRequestProblemPage('Please try again later', error.message), 429);
          }
          throw error;
        }
        return c.redirect(`/kit/${kit.slug}/request/thanks`, 303);
      },
    );
}

const route = {
  form: declare({
    access: 'public',
    summary: 'The "Work with me" form as JSON (public; 404 when the form is off)',
    params: { slug: 'The media kit’s address' },
    answers: { 200: publicRequestFormSchema },
  }),
  submit: declare({
    access: 'public',
    summary: 'Send a brand request (public; the JSON twin of POST /kit/:slug/request)',
    params: { slug: 'The media kit’s address' },
    body: requestSubmissionSchema,
    answers: { 201: z.object({ received: z.literal(true) }) },
    errors: [413, 429],
  }),
};

/** `/api/kit/:slug/request-form` and `/api/kit/:slug/requests`: the form for scripts and apps. */
export function requestFormApiRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:slug/request-form', route.form, async (c) => {
      const kit = await openForm(deps, c.req.param('slug'));
      if (!kit) throw formNotFound();
      noStore(c);
      const form: PublicRequestForm = {
        creator: kit.displayName,
        rateCard: kit.rateCard.map((item, rateCardIndex) => ({ rateCardIndex, ...item })),
        requiredFields: kit.requestForm.requiredFields,
        token: issueFormToken(deps.linkSecret, deps.clock.now()),
      };
      return c.json(form, 200);
    })
    .post(
      '/:slug/requests',
      route.submit,
      bodyLimit({
        maxSize: REQUEST_BODY_BYTES,
        onError: (c) =>
          c.json(
            { error: { code: 'payload_too_large', message: 'The request is larger than 32 KB.' } },
            413,
          ),
      }),
      validate('json', requestSubmissionSchema),
      async (c) => {
        const kit = await openForm(deps, c.req.param('slug'));
        if (!kit) throw formNotFound();
        await submitRequest(deps, c.req.valid('json'), {
          kit,
          address: clientAddress(c, deps.trustProxy),
        });
        return c.json({ received: true as const }, 201);
      },
    );
}
