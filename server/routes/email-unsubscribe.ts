import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { renderUnsubscribedPage, renderUnsubscribePage } from '../alerts/unsubscribe-page';
import { userOfUnsubscribeToken } from '../alerts/unsubscribe';
import { findUserById } from '../db/queries/users';
import type { AppDeps, AppEnv } from '../env';
import { AppError } from '../errors';
import { declare, file } from './declare';

const tokenQuery = z.object({
  token: z.string().describe('The signed token from the e-mail’s List-Unsubscribe address'),
});

/** The body of a one-click unsubscribe (RFC 8058), which the page's button posts too. */
const oneClickForm = z.object({ 'List-Unsubscribe': z.literal('One-Click') });

/**
 * One answer for every token that names nobody: forged, tampered, made by another
 * install, or of a user who was deleted. Nothing tells them apart.
 */
const inactiveLink = () => new AppError(404, 'not_found', 'This unsubscribe link is not active.');

const route = {
  page: declare({
    access: 'public',
    summary:
      'The page an alert e-mail’s unsubscribe link opens: a button that turns them off (public, by the signed token; changes nothing)',
    query: tokenQuery,
    answers: { 200: file('text/html') },
    errors: [404],
  }),
  unsubscribe: declare({
    access: 'public',
    // Mail providers post the one-click unsubscribe from their own servers (RFC 8058).
    crossSite: true,
    summary:
      'One-click unsubscribe: turns the token’s user’s alert e-mails off (public, by the signed token)',
    query: tokenQuery,
    form: oneClickForm,
    formTypes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
    answers: { 200: file('text/html') },
    errors: [404],
  }),
};

/**
 * `/api/email/unsubscribe?token=…`, the `List-Unsubscribe` address of every alert
 * e-mail: GET shows a confirmation page (mail scanners open links, so it changes
 * nothing); POST turns that user's alert e-mails off, without signing in. They are
 * turned back on in the settings.
 */
export function emailUnsubscribeRoutes({ db, clock, config, linkSecret }: AppDeps) {
  const recipientOf = async (c: Context<AppEnv>) => {
    const userId = userOfUnsubscribeToken(linkSecret, c.req.query('token') ?? '');
    const user = userId ? await findUserById(db, userId) : undefined;
    if (!user) throw inactiveLink();
    // The address holds a credential: no cache or proxy keeps the page.
    c.header('Cache-Control', 'no-store');
    return user;
  };
  const settingsUrl = `${config.APP_URL}/settings`;
  return new Hono<AppEnv>()
    .get('/unsubscribe', route.page, async (c) => {
      const user = await recipientOf(c);
      const action = `/api/email/unsubscribe?token=${encodeURIComponent(c.req.query('token')!)}`;
      return c.html(
        renderUnsubscribePage({
          email: user.email,
          on: Boolean(user.emailAlerts),
          action,
          settingsUrl,
        }),
        200,
      );
    })
    .post('/unsubscribe', route.unsubscribe, async (c) => {
      const user = await recipientOf(c);
      const form = await readForm(c);
      if (!oneClickForm.safeParse(form).success) {
        throw new AppError(400, 'validation_failed', 'Expected List-Unsubscribe=One-Click', [
          { path: 'List-Unsubscribe', message: 'Expected One-Click' },
        ]);
      }
      await db
        .updateTable('users')
        .set({ emailAlerts: false, updatedAt: clock.now().toISOString() })
        .where('id', '=', user.id)
        .execute();
      return c.html(renderUnsubscribedPage({ email: user.email, settingsUrl }), 200);
    });
}

/** The posted form's fields; a body that does not parse as its declared type is bad input. */
async function readForm(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    throw new AppError(400, 'invalid_body', 'The form could not be read.', [
      { path: '(body)', message: 'Malformed form body' },
    ]);
  }
}
