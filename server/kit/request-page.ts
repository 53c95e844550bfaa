import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { FORMAT_LABELS, PLATFORM_LABELS } from '../../shared/labels';
import type { MediaKit } from '../../shared/schemas/kit';
import type { RequirableRequestField } from '../../shared/schemas/request';
import { formatPrice } from './page';
import { KIT_CSS } from './styles';

/*
 * The public "Work with me" form: server-rendered, no script, every piece of
 * user text escaped by hono/html. It shows the creator's name and published
 * rate card (already public on the kit) and nothing else of the workspace.
 */

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const FORM_CSS = `
.request { max-width: 720px; }
.request form { display: grid; gap: 18px; padding: 28px 40px 36px; }
.field { display: grid; gap: 6px; }
.field label, .field legend { font-weight: 600; }
.field input, .field textarea, .field select {
  font: inherit; color: var(--ink); background: var(--paper);
  border: 1px solid var(--muted); border-radius: 10px; padding: 10px 12px; width: 100%;
}
.field textarea { min-height: 120px; resize: vertical; }
.field input:focus, .field textarea:focus, .field select:focus { outline: 3px solid var(--accent); outline-offset: 1px; }
.field [aria-invalid="true"] { border-color: #c62828; }
.hint { margin: 0; color: var(--muted); font-size: 13px; }
.error { margin: 0; color: #b71c1c; font-weight: 600; font-size: 14px; }
@media screen and (prefers-color-scheme: dark) { .error { color: #ff8a80; } }
.row { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); }
fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 8px; }
.items { display: grid; gap: 8px; }
.item { display: grid; grid-template-columns: 1fr 90px; gap: 10px; align-items: center; }
.item input { text-align: right; }
.opt { color: var(--muted); font-weight: 400; font-size: 13px; }
.hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.submit {
  justify-self: start; font: inherit; font-weight: 700; color: #fff; background: #4b4bc4;
  border: 0; border-radius: 999px; padding: 12px 26px; cursor: pointer;
}
.submit:focus { outline: 3px solid var(--ink); outline-offset: 2px; }
.summary { margin: 0; padding: 12px 16px; border-radius: 10px; border: 1px solid #c62828; }
.thanks { padding: 40px; }
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
          ${raw(KIT_CSS)}
          ${raw(FORM_CSS)}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`;
}

export interface RequestFormView {
  kit: MediaKit;
  /** The signed moment this form was handed out (a hidden field). */
  token: string;
  /** What was typed, by form field name (kept when the form comes back with errors). */
  values?: Readonly<Record<string, string>>;
  /** Messages by form field name. */
  errors?: Readonly<Record<string, string>>;
  /** Currencies offered for the budget: the rate card's first, then the usual ones. */
  currencies: readonly string[];
}

interface FieldOptions {
  name: string;
  label: string;
  type?: string;
  required: boolean;
  hint?: string;
  autocomplete?: string;
  multiline?: boolean;
  inputmode?: string;
}

function describedBy(name: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function field(view: RequestFormView, o: FieldOptions): Html {
  const value = view.values?.[o.name] ?? '';
  const error = view.errors?.[o.name];
  const described = describedBy(o.name, Boolean(o.hint), Boolean(error));
  const common = html`id="${o.name}" name="${o.name}" ${o.required ? raw('required') : ''}
  ${error ? raw('aria-invalid="true"') : ''}
  ${described ? html`aria-describedby="${described}"` : ''}`;
  return html`<div class="field">
    <label for="${o.name}"
      >${o.label}${o.required ? '' : html` <span class="opt">(optional)</span>`}</label
    >
    ${o.hint ? html`<p class="hint" id="${o.name}-hint">${o.hint}</p>` : ''}
    ${
      o.multiline
        ? html`<textarea ${common}>${value}</textarea>`
        : html`<input
            type="${o.type ?? 'text'}"
            ${common}
            value="${value}"
            ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''}
            ${o.inputmode ? html`inputmode="${o.inputmode}"` : ''}
          />`
    }
    ${error ? html`<p class="error" id="${o.name}-error">${error}</p>` : ''}
  </div>`;
}

function itemsFieldset(view: RequestFormView, required: boolean): Html {
  const { kit } = view;
  const error = view.errors?.items;
  return html`<fieldset class="field" ${error ? html`aria-describedby="items-error"` : ''}>
    <legend>
      What you would like${required ? '' : html` <span class="opt">(optional)</span>`}
    </legend>
    ${
      kit.rateCard.length > 0
        ? html`<p class="hint">How many of each (leave 0 for none):</p>
            <div class="items">
              ${kit.rateCard.map(
                (item, index) =>
                  html`<div class="item">
                    <label for="qty_${index}"
                      >${PLATFORM_LABELS[item.platform]} ${FORMAT_LABELS[item.format].toLowerCase()}
                      · ${formatPrice(item.priceCents, item.currency)}</label
                    >
                    <input
                      type="number"
                      min="0"
                      max="100"
                      step="1"
                      inputmode="numeric"
                      id="qty_${index}"
                      name="qty_${index}"
                      value="${view.values?.[`qty_${index}`] ?? '0'}"
                    />
                  </div>`,
              )}
            </div>`
        : ''
    }
    ${error ? html`<p class="error" id="items-error">${error}</p>` : ''}
  </fieldset>`;
}

function currencySelect(view: RequestFormView): Html {
  const chosen = view.values?.currency ?? view.currencies[0] ?? 'USD';
  const error = view.errors?.currency;
  return html`<div class="field">
    <label for="currency">Currency</label>
    <select
      id="currency"
      name="currency"
      ${error ? raw('aria-invalid="true" aria-describedby="currency-error"') : ''}
    >
      ${view.currencies.map(
        (code) =>
          html`<option value="${code}" ${code === chosen ? raw('selected') : ''}>${code}</option>`,
      )}
    </select>
    ${error ? html`<p class="error" id="currency-error">${error}</p>` : ''}
  </div>`;
}

/** The form, empty or as sent with its errors beside their fields. */
export function renderRequestFormPage(view: RequestFormView): Html {
  const { kit } = view;
  const required = (f: RequirableRequestField) => kit.requestForm.requiredFields.includes(f);
  const errorCount = Object.keys(view.errors ?? {}).length;
  const body = html`<main class="kit request">
    <div class="sheet">
      <header class="hero">
        <p class="hero__eyebrow">Work with me</p>
        <h1>${kit.displayName}</h1>
        <p class="hero__headline">Tell me about your brand and what you have in mind.</p>
      </header>
      <form method="post" action="/kit/${kit.slug}/request" novalidate>
        ${
          errorCount > 0
            ? html`<p class="summary error" role="alert">
                ${view.errors?.token ?? `Please check the ${errorCount === 1 ? 'field' : 'fields'} marked below.`}
              </p>`
            : ''
        }
        <input type="hidden" name="token" value="${view.token}" />
        <div class="hp" aria-hidden="true">
          <label for="homepage">Leave this field empty</label>
          <input type="text" id="homepage" name="homepage" tabindex="-1" autocomplete="off" />
        </div>
        <div class="row">
          ${field(view, { name: 'company', label: 'Company', required: true, autocomplete: 'organization' })}
          ${field(view, { name: 'website', label: 'Website', type: 'url', required: required('website'), autocomplete: 'url' })}
        </div>
        <div class="row">
          ${field(view, { name: 'name', label: 'Your name', required: true, autocomplete: 'name' })}
          ${field(view, { name: 'email', label: 'Work e-mail', type: 'email', required: true, autocomplete: 'email' })}
        </div>
        ${itemsFieldset(view, required('items'))}
        ${field(view, { name: 'want', label: 'Or describe it', required: false, multiline: true, hint: 'Formats, platforms, the idea behind the campaign.' })}
        <div class="row">
          ${field(view, { name: 'budget', label: 'Budget', required: required('budget'), inputmode: 'decimal', hint: 'An amount, or the lowest of a range.' })}
          ${field(view, { name: 'budgetMax', label: 'Up to', required: false, inputmode: 'decimal', hint: 'The top of the range.' })}
          ${currencySelect(view)}
        </div>
        <div class="row">
          ${field(view, { name: 'datesFrom', label: 'From', type: 'date', required: required('dates'), hint: 'First day for the posts.' })}
          ${field(view, { name: 'datesTo', label: 'To', type: 'date', required: required('dates'), hint: 'Last day for the posts.' })}
        </div>
        ${field(view, { name: 'usageRights', label: 'Usage rights you need', required: required('usageRights'), hint: 'e.g. paid social ads for 30 days.' })}
        ${field(view, { name: 'exclusivity', label: 'Exclusivity you need', required: required('exclusivity'), hint: 'e.g. no other skincare brands for 60 days.' })}
        ${field(view, { name: 'message', label: 'Message', required: required('message'), multiline: true })}
        <button class="submit" type="submit">Send request</button>
      </form>
    </div>
    <p class="footer">Request form made with Sponsorcal</p>
  </main>`;
  return page(`Work with ${kit.displayName}`, body);
}

export function renderThanksPage(kit: MediaKit): Html {
  return page(
    `Thank you — ${kit.displayName}`,
    html`<main class="kit request">
      <div class="sheet thanks">
        <h1>Thank you</h1>
        <p>
          Your request is on its way to ${kit.displayName}. If you gave your e-mail, a confirmation
          is in your inbox; you will hear back there.
        </p>
        <p><a href="/kit/${kit.slug}">Back to the media kit</a></p>
      </div>
    </main>`,
  );
}

/** 413 and 429: a plain answer, nothing of what was sent. */
export function renderRequestProblemPage(title: string, text: string): Html {
  return page(
    title,
    html`<main class="kit request">
      <div class="sheet thanks">
        <h1>${title}</h1>
        <p>${text}</p>
      </div>
    </main>`,
  );
}
