import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { KitTestimonial } from '../../shared/schemas/report';
import { FORMAT_LABELS, METRIC_LABELS, PLATFORM_LABELS } from '../../shared/labels';
import { METRIC_KEYS, type Platform } from '../../shared/schemas/deliverable';
import type { CaseStudy, MediaKit, RateCardItem } from '../../shared/schemas/kit';
import { currencyExponent, formatMoney, minorToDecimal } from '../../shared/currency';
import { KIT_CSS } from './styles';

/*
 * The public media kit. Every piece of user text goes through hono/html's
 * `html` template, which escapes it; only the constant stylesheet is raw.
 * The page shows what the owner chose to publish and nothing else: no ids,
 * no fees, captions or briefs, no other deliverables, no team members.
 */

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const wholeNumber = new Intl.NumberFormat('en-US');
const compactNumber = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  maximumFractionDigits: 1,
});
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 2,
});

/** `4.25%` for 0.0425; a dash when there is no rate. */
export function formatEngagementRate(rate: number | null): string {
  return rate === null ? '—' : percent.format(rate);
}

/** `€2,500` for a whole amount, `€2,499.50` otherwise: a rate card reads cleaner without `.00`. */
export function formatPrice(cents: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = cents % 10 ** exponent === 0 ? 0 : exponent;
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(Number(minorToDecimal(cents, currency)));
  } catch {
    return formatMoney(cents, currency);
  }
}

function monthPublished(publishAt: string | null, timeZone: string): string | null {
  if (publishAt === null) return null;
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone }).format(
    new Date(publishAt),
  );
}

function page(title: string, body: Html, { indexable }: { indexable: boolean }): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${indexable ? '' : html`<meta name="robots" content="noindex" />`}
        <title>${title}</title>
        <style>
          ${raw(KIT_CSS)}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`;
}

function audienceSection(kit: MediaKit): Html | null {
  const { platforms, demographics, topLocations } = kit.audience;
  if (platforms.length === 0 && demographics.trim() === '' && topLocations.trim() === '')
    return null;
  return html`<section class="section" aria-labelledby="audience-title">
    <h2 id="audience-title">Audience</h2>
    ${
      platforms.length > 0
        ? html`<div class="grid">
            ${platforms.map(
              (p) =>
                html`<div class="card platform">
                  <p class="platform__name">${PLATFORM_LABELS[p.platform]}</p>
                  <p class="platform__handle">${p.handle}</p>
                  <dl class="platform__numbers">
                    <div>
                      <dt>Followers</dt>
                      <dd>${compactNumber.format(p.followers)}</dd>
                    </div>
                    ${
                      p.averageViews === null
                        ? ''
                        : html`<div>
                            <dt>Avg. views</dt>
                            <dd>${compactNumber.format(p.averageViews)}</dd>
                          </div>`
                    }
                  </dl>
                </div>`,
            )}
          </div>`
        : ''
    }
    ${
      demographics.trim() !== '' || topLocations.trim() !== ''
        ? html`<dl class="facts">
            ${
              demographics.trim() !== ''
                ? html`<div>
                    <dt>Demographics</dt>
                    <dd>${demographics}</dd>
                  </div>`
                : ''
            }
            ${
              topLocations.trim() !== ''
                ? html`<div>
                    <dt>Top locations</dt>
                    <dd>${topLocations}</dd>
                  </div>`
                : ''
            }
          </dl>`
        : ''
    }
  </section>`;
}

/** Rates grouped by platform, in the order the owner listed them. */
function groupByPlatform(items: readonly RateCardItem[]): [Platform, RateCardItem[]][] {
  const groups = new Map<Platform, RateCardItem[]>();
  for (const item of items) groups.set(item.platform, [...(groups.get(item.platform) ?? []), item]);
  return [...groups.entries()];
}

function ratesSection(kit: MediaKit): Html | null {
  if (kit.rateCard.length === 0) return null;
  return html`<section class="section" aria-labelledby="rates-title">
    <h2 id="rates-title">Rates</h2>
    <div class="rates">
      ${groupByPlatform(kit.rateCard).map(
        ([platform, items]) =>
          html`<div class="card">
            <h3>${PLATFORM_LABELS[platform]}</h3>
            <table>
              <tbody>
                ${items.map(
                  (item) =>
                    html`<tr>
                      <td>
                        ${FORMAT_LABELS[item.format]}${item.note ? html`<span class="note">${item.note}</span>` : ''}
                      </td>
                      <td class="price">${formatPrice(item.priceCents, item.currency)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`,
      )}
    </div>
  </section>`;
}

function caseStudyCard(study: CaseStudy, timeZone: string): Html {
  const month = monthPublished(study.publishAt, timeZone);
  const meta = [
    `${PLATFORM_LABELS[study.platform]} ${FORMAT_LABELS[study.format].toLowerCase()}`,
    month,
  ]
    .filter(Boolean)
    .join(' · ');
  return html`<article class="card study">
    <p class="study__brand">${study.brandName}</p>
    <p class="study__title">${study.title}</p>
    <p class="study__meta">${meta}</p>
    <dl class="metrics">
      ${METRIC_KEYS.map((key) => {
        const value = study.metrics[key];
        return html`<div>
          <dt>${METRIC_LABELS[key]}</dt>
          <dd>${value === null ? '—' : wholeNumber.format(value)}</dd>
        </div>`;
      })}
    </dl>
    <dl class="study__rate">
      <dt>Engagement rate</dt>
      <dd>${formatEngagementRate(study.engagementRate)}</dd>
    </dl>
  </article>`;
}

function caseStudiesSection(kit: MediaKit, timeZone: string): Html | null {
  if (kit.caseStudies.length === 0) return null;
  return html`<section class="section" aria-labelledby="studies-title">
    <h2 id="studies-title">Case studies</h2>
    <div class="studies">${kit.caseStudies.map((study) => caseStudyCard(study, timeZone))}</div>
  </section>`;
}

function testimonialsSection(testimonials: readonly KitTestimonial[]): Html | null {
  if (testimonials.length === 0) return null;
  return html`<section class="section" aria-labelledby="testimonials-title">
    <h2 id="testimonials-title">What brands say</h2>
    <div class="testimonials">
      ${testimonials.map(
        (t) =>
          html`<figure class="testimonial">
            <blockquote>${t.quote}</blockquote>
            <figcaption>
              <strong>${t.name}</strong>${t.title ? html`, ${t.title}` : ''} ·
              <span class="testimonial__brand">${t.brandName}</span>
            </figcaption>
          </figure>`,
      )}
    </div>
  </section>`;
}

export interface KitPageOptions {
  /** The workspace's zone: which month a case study went live in. */
  timeZone: string;
  /** Featured testimonials the brands allowed to publish. */
  testimonials?: readonly KitTestimonial[];
}

/** The published media kit as a self-contained page (no script, inline styles). */
export function renderKitPage(
  kit: MediaKit,
  { timeZone, testimonials = [] }: KitPageOptions,
): Html {
  const totalFollowers = kit.audience.platforms.reduce((sum, p) => sum + p.followers, 0);
  const body = html`<main class="kit">
    <p class="print-hint">Use your browser’s Print to save this media kit as a PDF.</p>
    <div class="sheet">
      <header class="hero">
        <p class="hero__eyebrow">Media kit</p>
        <h1>${kit.displayName}</h1>
        ${kit.headline ? html`<p class="hero__headline">${kit.headline}</p>` : ''}
        ${
          kit.audience.platforms.length > 0
            ? html`<dl class="hero__stats">
                <div>
                  <dt>Total followers</dt>
                  <dd>${wholeNumber.format(totalFollowers)}</dd>
                </div>
                <div>
                  <dt>Platforms</dt>
                  <dd>${kit.audience.platforms.length}</dd>
                </div>
                ${
                  kit.caseStudies.length > 0
                    ? html`<div>
                        <dt>Case studies</dt>
                        <dd>${kit.caseStudies.length}</dd>
                      </div>`
                    : ''
                }
              </dl>`
            : ''
        }
      </header>
      ${
        kit.bio.trim() !== ''
          ? html`<section class="section" aria-labelledby="about-title">
              <h2 id="about-title">About</h2>
              <p class="bio">${kit.bio}</p>
            </section>`
          : ''
      }
      ${audienceSection(kit)} ${ratesSection(kit)} ${caseStudiesSection(kit, timeZone)}
      ${testimonialsSection(testimonials)}
      ${
        kit.contactEmail || kit.requestForm.enabled
          ? html`<section class="section contact" aria-labelledby="contact-title">
              <div>
                <h2 id="contact-title">Work with me</h2>
                <p class="muted">For rates, availability and partnerships:</p>
              </div>
              ${
                kit.requestForm.enabled
                  ? html`<p><a class="cta" href="/kit/${kit.slug}/request">Send a request</a></p>`
                  : ''
              }
              ${
                kit.contactEmail
                  ? html`<p><a href="mailto:${kit.contactEmail}">${kit.contactEmail}</a></p>`
                  : ''
              }
            </section>`
          : ''
      }
    </div>
    <p class="footer">Media kit made with Sponsorcal</p>
  </main>`;
  return page(`${kit.displayName} — media kit`, body, { indexable: true });
}

/** One answer for an unknown address and an unpublished kit: nothing tells them apart. */
export function renderMissingKitPage(): Html {
  return page(
    'No media kit here',
    html`<main class="missing">
      <h1>No media kit here</h1>
      <p>This address does not lead to a published media kit. Check the link you were given.</p>
    </main>`,
    { indexable: false },
  );
}
