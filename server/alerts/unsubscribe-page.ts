import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/*
 * The two small pages of an alert e-mail's unsubscribe link, server-rendered so they
 * work in any browser a mail client opens. Every value goes through hono/html's
 * `html`, which escapes it.
 */

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #f6f7f9; margin: 0;
         padding: 0 1rem; }
  main { max-width: 28rem; margin: 4rem auto; padding: 1.5rem; background: #fff; border-radius: 8px;
         border: 1px solid #d8dde3; }
  h1 { font-size: 1.25rem; margin: 0 0 .75rem; }
  button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 1px solid #1f2328;
           background: #1f2328; color: #fff; cursor: pointer; }
  a { color: #0b57d0; }
`;

function page(title: string, body: Html): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`;
}

export interface UnsubscribePageOptions {
  email: string;
  /** Whether the user's alert e-mails are on now. */
  on: boolean;
  /** Where the confirmation form posts: the link's own address. */
  action: string;
  /** The settings page, where e-mails are turned back on. */
  settingsUrl: string;
}

/** What the link opens (GET): a button that turns the e-mails off; opening it changes nothing. */
export function renderUnsubscribePage({
  email,
  on,
  action,
  settingsUrl,
}: UnsubscribePageOptions): Html {
  if (!on) return renderUnsubscribedPage({ email, settingsUrl });
  return page(
    'Stop alert e-mails',
    html`<h1>Stop alert e-mails?</h1>
      <p>
        Sponsorcal will stop e-mailing alerts to <strong>${email}</strong>. Alerts still show in the
        app.
      </p>
      <form method="post" action="${action}">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit">Turn alert e-mails off</button>
      </form>`,
  );
}

/** The answer once they are off (and the page when they already were). */
export function renderUnsubscribedPage({
  email,
  settingsUrl,
}: Pick<UnsubscribePageOptions, 'email' | 'settingsUrl'>): Html {
  return page(
    'Alert e-mails are off',
    html`<h1>Alert e-mails are off</h1>
      <p>Sponsorcal sends no more alert e-mails to <strong>${email}</strong>.</p>
      <p>
        Turn them back on under “E-mail me alerts” in <a href="${settingsUrl}">your settings</a>.
      </p>`,
  );
}
