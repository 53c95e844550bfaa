import './kit-page.css';
import { useId, useState, type FormEvent } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { FORMATS, type Format, type Platform } from '../../../shared/schemas/deliverable';
import {
  KIT_SLUG_MESSAGE,
  mediaKitPatchSchema,
  type CaseStudy,
  type MediaKit,
  type MediaKitPatch,
} from '../../../shared/schemas/kit';
import { errorMessage, isApiError } from '../api';
import { Spinner } from '../components/badges';
import { COMMON_CURRENCIES } from '../components/deal-dialog';
import { Field, FormBanner } from '../components/field';
import { Switch } from '../components/switch';
import { useToast } from '../components/toast';
import {
  FORMAT_LABELS,
  PLATFORM_LABELS,
  PLATFORM_VALUES,
  centsToInput,
  formatNumber,
  moneyInputError,
  parseMoney,
} from '../format';
import { useCaseStudyCandidates, useMediaKit, useSaveKit } from '../resources/kit';
import { useSettings } from '../resources/settings';
import { useFormErrors, type FieldErrors } from '../hooks/use-form-errors';

const MAX_CASE_STUDIES = 12;

interface AudienceRow {
  key: number;
  platform: Platform;
  handle: string;
  followers: string;
  averageViews: string;
}

interface RateRow {
  key: number;
  platform: Platform;
  format: Format;
  price: string;
  currency: string;
  note: string;
}

interface KitState {
  displayName: string;
  headline: string;
  bio: string;
  contactEmail: string;
  platforms: AudienceRow[];
  demographics: string;
  topLocations: string;
  rates: RateRow[];
  caseStudyIds: string[];
  slug: string;
  published: boolean;
}

let rowKey = 0;

function initialState(kit: MediaKit, pickable: ReadonlySet<string>): KitState {
  return {
    displayName: kit.displayName,
    headline: kit.headline,
    bio: kit.bio,
    contactEmail: kit.contactEmail ?? '',
    platforms: kit.audience.platforms.map((p) => ({
      key: rowKey++,
      platform: p.platform,
      handle: p.handle,
      followers: String(p.followers),
      averageViews: p.averageViews === null ? '' : String(p.averageViews),
    })),
    demographics: kit.audience.demographics,
    topLocations: kit.audience.topLocations,
    rates: kit.rateCard.map((r) => ({
      key: rowKey++,
      platform: r.platform,
      format: r.format,
      price: centsToInput(r.priceCents, r.currency),
      currency: r.currency,
      note: r.note,
    })),
    // A pick that is no longer published cannot be saved again: it is dropped from the form.
    caseStudyIds: kit.caseStudyIds.filter((id) => pickable.has(id)),
    slug: kit.slug ?? '',
    published: kit.published,
  };
}

/** A count typed by the user: digits only (thousands separators allowed). */
function parseCount(text: string): number | undefined {
  const cleaned = text.trim().replace(/[,\s_']/g, '');
  if (!/^\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** The form as a PATCH, or the fields that cannot be read as numbers. */
function toPatch(state: KitState, version: number): { patch: MediaKitPatch; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const platforms = state.platforms.map((row, index) => {
    const followers = parseCount(row.followers);
    if (followers === undefined) {
      errors[`audience.platforms.${index}.followers`] = 'Enter a whole number';
    }
    const averageViews = row.averageViews.trim() === '' ? null : parseCount(row.averageViews);
    if (averageViews === undefined) {
      errors[`audience.platforms.${index}.averageViews`] =
        'Enter a whole number, or leave it empty';
    }
    return {
      platform: row.platform,
      handle: row.handle,
      followers: followers ?? 0,
      averageViews: averageViews ?? null,
    };
  });
  const rateCard = state.rates.map((row, index) => {
    const priceCents = row.price.trim() === '' ? undefined : parseMoney(row.price, row.currency);
    if (priceCents === undefined) {
      errors[`rateCard.${index}.priceCents`] = moneyInputError(row.price, row.currency);
    }
    return {
      platform: row.platform,
      format: row.format,
      priceCents: priceCents ?? 0,
      currency: row.currency,
      note: row.note,
    };
  });
  return {
    errors,
    patch: {
      version,
      displayName: state.displayName,
      headline: state.headline,
      bio: state.bio,
      contactEmail: state.contactEmail.trim() === '' ? null : state.contactEmail,
      audience: { platforms, demographics: state.demographics, topLocations: state.topLocations },
      rateCard,
      caseStudyIds: state.caseStudyIds,
      slug: state.slug.trim() === '' ? null : state.slug.trim(),
      published: state.published,
    },
  };
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="icon-button kit-row__remove"
      onClick={onClick}
      aria-label={label}
      title={label}
    >
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
        <path
          d="M5 5l10 10M15 5L5 15"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
        />
      </svg>
    </button>
  );
}

function formatRate(rate: number | null): string {
  return rate === null
    ? '—'
    : new Intl.NumberFormat(undefined, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 2,
      }).format(rate);
}

function formatMonth(publishAt: string | null): string {
  return publishAt === null
    ? 'Undated'
    : new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' }).format(
        new Date(publishAt),
      );
}

export default function KitPage({ user }: { user: User }) {
  const kit = useMediaKit();
  const candidates = useCaseStudyCandidates();
  const settings = useSettings();
  const error = kit.error ?? candidates.error;
  return (
    <div className="page page--narrow">
      <div className="page-header">
        <div>
          <h1 className="page-title">Media kit</h1>
          <p className="page-subtitle">
            Your rates, audience and best results on one public page to send to brands.
          </p>
        </div>
      </div>
      {kit.isPending || candidates.isPending ? (
        <div className="card">
          <Spinner />
        </div>
      ) : error || !kit.data || !candidates.data ? (
        <div className="card">
          <p className="banner banner--error" role="alert">
            {errorMessage(error)}
          </p>
        </div>
      ) : (
        <KitEditor
          key={kit.data.version}
          kit={kit.data}
          candidates={candidates.data}
          defaultCurrency={settings.data?.currency ?? 'USD'}
          user={user}
        />
      )}
    </div>
  );
}

interface KitEditorProps {
  kit: MediaKit;
  candidates: CaseStudy[];
  defaultCurrency: string;
  user: User;
}

function KitEditor({ kit, candidates, defaultCurrency, user }: KitEditorProps) {
  const isOwner = user.role === 'owner';
  const formId = useId();
  const toast = useToast();
  const { errors, formError, clear, fromZod, fromError, setFormError } = useFormErrors();
  // What may be picked: the candidates, and earlier picks still published (even without numbers).
  const studies = [
    ...candidates,
    ...kit.caseStudies.filter((s) => !candidates.some((c) => c.id === s.id)),
  ];
  const [state, setState] = useState<KitState>(() =>
    initialState(kit, new Set(studies.map((s) => s.id))),
  );
  const set = (patch: Partial<KitState>) => setState((s) => ({ ...s, ...patch }));

  const save = useSaveKit({
    onSuccess: (saved) => {
      toast.success(saved.published ? 'Media kit saved and published' : 'Media kit saved');
    },
    onError: (err) => {
      if (isApiError(err, 409)) {
        setFormError(
          'Someone else changed the media kit. It has been reloaded; make your change again.',
        );
        return;
      }
      fromError(err);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const { patch, errors: numberErrors } = toPatch(state, kit.version);
    const parsed = mediaKitPatchSchema.safeParse(patch);
    const issues = [
      ...Object.entries(numberErrors).map(([path, message]) => ({ path, message })),
      ...(parsed.success ? [] : parsed.error.issues),
    ];
    if (issues.length > 0) {
      fromZod(issues);
      return;
    }
    save.mutate(patch);
  };

  const setPlatform = (index: number, patch: Partial<AudienceRow>) =>
    setState((s) => ({
      ...s,
      platforms: s.platforms.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    }));
  const setRate = (index: number, patch: Partial<RateRow>) =>
    setState((s) => ({
      ...s,
      rates: s.rates.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    }));
  const toggleStudy = (id: string, on: boolean) =>
    setState((s) => ({
      ...s,
      caseStudyIds: on ? [...s.caseStudyIds, id] : s.caseStudyIds.filter((picked) => picked !== id),
    }));

  const publicPath = state.slug.trim() === '' ? null : `/kit/${state.slug.trim()}`;
  const livePath = kit.published && kit.slug ? `/kit/${kit.slug}` : null;

  return (
    <form
      className="form kit-editor"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${formId}-title`}
    >
      <h2 id={`${formId}-title`} className="visually-hidden">
        Edit the media kit
      </h2>
      {!isOwner && (
        <p className="banner banner--info">Only the workspace owner can change the media kit.</p>
      )}
      <FormBanner message={formError} />
      <fieldset className="form__fieldset" disabled={!isOwner}>
        <section className="card" aria-labelledby={`${formId}-profile`}>
          <h2 id={`${formId}-profile`} className="section-title">
            Profile
          </h2>
          <div className="form-grid">
            <Field label="Display name" error={errors['displayName']}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={state.displayName}
                  onChange={(e) => set({ displayName: e.target.value })}
                  placeholder="The name brands know you by"
                />
              )}
            </Field>
            <Field
              label="Contact e-mail"
              error={errors['contactEmail']}
              hint="Shown on the public page."
            >
              {(p) => (
                <input
                  {...p}
                  type="email"
                  value={state.contactEmail}
                  onChange={(e) => set({ contactEmail: e.target.value })}
                  placeholder="partnerships@example.com"
                />
              )}
            </Field>
            <Field label="Headline" error={errors['headline']} className="span-2">
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={state.headline}
                  onChange={(e) => set({ headline: e.target.value })}
                  placeholder="e.g. Honest tech reviews for busy people"
                />
              )}
            </Field>
            <Field label="Bio" error={errors['bio']} className="span-2">
              {(p) => (
                <textarea
                  {...p}
                  rows={5}
                  value={state.bio}
                  onChange={(e) => set({ bio: e.target.value })}
                />
              )}
            </Field>
          </div>
        </section>

        <section className="card" aria-labelledby={`${formId}-audience`}>
          <div className="section-header">
            <h2 id={`${formId}-audience`} className="section-title">
              Audience
            </h2>
            <button
              type="button"
              className="button button--small"
              disabled={state.platforms.length >= 20}
              onClick={() =>
                set({
                  platforms: [
                    ...state.platforms,
                    {
                      key: rowKey++,
                      platform: 'instagram',
                      handle: '',
                      followers: '',
                      averageViews: '',
                    },
                  ],
                })
              }
            >
              Add platform
            </button>
          </div>
          {errors['audience.platforms'] && (
            <p className="field__error">{errors['audience.platforms']}</p>
          )}
          {state.platforms.length === 0 ? (
            <p className="muted small">Add the platforms you post on, with your follower counts.</p>
          ) : (
            <ol className="kit-rows">
              {state.platforms.map((row, index) => {
                const prefix = `Platform ${index + 1}`;
                const path = `audience.platforms.${index}`;
                return (
                  <li key={row.key} className="kit-row kit-row--audience">
                    <Field label="Platform" srPrefix={prefix} error={errors[`${path}.platform`]}>
                      {(p) => (
                        <select
                          {...p}
                          value={row.platform}
                          onChange={(e) =>
                            setPlatform(index, { platform: e.target.value as Platform })
                          }
                        >
                          {PLATFORM_VALUES.map((v) => (
                            <option key={v} value={v}>
                              {PLATFORM_LABELS[v]}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <Field label="Handle" srPrefix={prefix} error={errors[`${path}.handle`]}>
                      {(p) => (
                        <input
                          {...p}
                          type="text"
                          value={row.handle}
                          onChange={(e) => setPlatform(index, { handle: e.target.value })}
                          placeholder="@you"
                        />
                      )}
                    </Field>
                    <Field label="Followers" srPrefix={prefix} error={errors[`${path}.followers`]}>
                      {(p) => (
                        <input
                          {...p}
                          type="text"
                          inputMode="numeric"
                          value={row.followers}
                          onChange={(e) => setPlatform(index, { followers: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      label="Avg. views"
                      srPrefix={prefix}
                      error={errors[`${path}.averageViews`]}
                    >
                      {(p) => (
                        <input
                          {...p}
                          type="text"
                          inputMode="numeric"
                          value={row.averageViews}
                          onChange={(e) => setPlatform(index, { averageViews: e.target.value })}
                          placeholder="Optional"
                        />
                      )}
                    </Field>
                    <RemoveButton
                      label={`Remove platform ${index + 1}`}
                      onClick={() =>
                        set({ platforms: state.platforms.filter((_, i) => i !== index) })
                      }
                    />
                  </li>
                );
              })}
            </ol>
          )}
          <div className="form-grid">
            <Field
              label="Demographics"
              error={errors['audience.demographics']}
              hint="e.g. 68% women, mostly 25–34"
            >
              {(p) => (
                <textarea
                  {...p}
                  rows={3}
                  value={state.demographics}
                  onChange={(e) => set({ demographics: e.target.value })}
                />
              )}
            </Field>
            <Field
              label="Top locations"
              error={errors['audience.topLocations']}
              hint="e.g. United States, Canada, United Kingdom"
            >
              {(p) => (
                <textarea
                  {...p}
                  rows={3}
                  value={state.topLocations}
                  onChange={(e) => set({ topLocations: e.target.value })}
                />
              )}
            </Field>
          </div>
        </section>

        <section className="card" aria-labelledby={`${formId}-rates`}>
          <div className="section-header">
            <h2 id={`${formId}-rates`} className="section-title">
              Rate card
            </h2>
            <button
              type="button"
              className="button button--small"
              disabled={state.rates.length >= 50}
              onClick={() =>
                set({
                  rates: [
                    ...state.rates,
                    {
                      key: rowKey++,
                      platform: state.rates.at(-1)?.platform ?? 'instagram',
                      format: 'reel',
                      price: '',
                      currency: state.rates.at(-1)?.currency ?? defaultCurrency,
                      note: '',
                    },
                  ],
                })
              }
            >
              Add rate
            </button>
          </div>
          {errors['rateCard'] && <p className="field__error">{errors['rateCard']}</p>}
          {state.rates.length === 0 ? (
            <p className="muted small">
              List what each format costs on each platform. The public page groups them by platform.
            </p>
          ) : (
            <ol className="kit-rows">
              {state.rates.map((row, index) => {
                const prefix = `Rate ${index + 1}`;
                const path = `rateCard.${index}`;
                return (
                  <li key={row.key} className="kit-row kit-row--rate">
                    <Field label="Platform" srPrefix={prefix} error={errors[`${path}.platform`]}>
                      {(p) => (
                        <select
                          {...p}
                          value={row.platform}
                          onChange={(e) => setRate(index, { platform: e.target.value as Platform })}
                        >
                          {PLATFORM_VALUES.map((v) => (
                            <option key={v} value={v}>
                              {PLATFORM_LABELS[v]}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <Field label="Format" srPrefix={prefix} error={errors[`${path}.format`]}>
                      {(p) => (
                        <select
                          {...p}
                          value={row.format}
                          onChange={(e) => setRate(index, { format: e.target.value as Format })}
                        >
                          {FORMATS.map((v) => (
                            <option key={v} value={v}>
                              {FORMAT_LABELS[v]}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <Field label="Price" srPrefix={prefix} error={errors[`${path}.priceCents`]}>
                      {(p) => (
                        <input
                          {...p}
                          type="text"
                          inputMode="decimal"
                          value={row.price}
                          onChange={(e) => setRate(index, { price: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field label="Currency" srPrefix={prefix} error={errors[`${path}.currency`]}>
                      {(p) => (
                        <select
                          {...p}
                          value={row.currency}
                          onChange={(e) => setRate(index, { currency: e.target.value })}
                        >
                          {[...new Set([row.currency, ...COMMON_CURRENCIES])].map((c) => (
                            <option key={c} value={c}>
                              {c}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <Field
                      label="Note"
                      srPrefix={prefix}
                      error={errors[`${path}.note`]}
                      className="kit-row__note"
                    >
                      {(p) => (
                        <input
                          {...p}
                          type="text"
                          value={row.note}
                          onChange={(e) => setRate(index, { note: e.target.value })}
                          placeholder="e.g. 30 days of usage"
                        />
                      )}
                    </Field>
                    <RemoveButton
                      label={`Remove rate ${index + 1}`}
                      onClick={() => set({ rates: state.rates.filter((_, i) => i !== index) })}
                    />
                  </li>
                );
              })}
            </ol>
          )}
        </section>

        <section className="card" aria-labelledby={`${formId}-studies`}>
          <div className="section-header">
            <h2 id={`${formId}-studies`} className="section-title">
              Case studies
            </h2>
            <span className="muted small">
              {state.caseStudyIds.length} of {MAX_CASE_STUDIES} picked
            </span>
          </div>
          {errors['caseStudyIds'] && <p className="field__error">{errors['caseStudyIds']}</p>}
          {studies.length === 0 ? (
            <p className="muted small">
              Published deliverables with metrics show up here. Enter views, likes and the other
              numbers on a published deliverable to use it as a case study.
            </p>
          ) : (
            <ul className="kit-studies">
              {studies.map((study) => {
                const index = state.caseStudyIds.indexOf(study.id);
                const picked = index >= 0;
                const error = picked ? errors[`caseStudyIds.${index}`] : undefined;
                return (
                  <li key={study.id} className={`kit-study${picked ? ' kit-study--picked' : ''}`}>
                    <label className="kit-study__label">
                      <input
                        type="checkbox"
                        checked={picked}
                        disabled={!picked && state.caseStudyIds.length >= MAX_CASE_STUDIES}
                        onChange={(e) => toggleStudy(study.id, e.target.checked)}
                      />
                      <span className="kit-study__text">
                        <span className="kit-study__title">{study.title}</span>
                        <span className="muted small">
                          {study.brandName} · {PLATFORM_LABELS[study.platform]}{' '}
                          {FORMAT_LABELS[study.format].toLowerCase()} ·{' '}
                          {formatMonth(study.publishAt)}
                        </span>
                      </span>
                      <span className="kit-study__numbers">
                        <span>
                          <strong>{formatNumber(study.metrics.views)}</strong>
                          <span className="muted small"> views</span>
                        </span>
                        <span>
                          <strong>{formatRate(study.engagementRate)}</strong>
                          <span className="muted small"> engagement</span>
                        </span>
                      </span>
                    </label>
                    {error && <p className="field__error">{error}</p>}
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby={`${formId}-publishing`}>
          <h2 id={`${formId}-publishing`} className="section-title">
            Publishing
          </h2>
          <Field
            label="Address"
            error={errors['slug']}
            hint={
              publicPath
                ? `The page will be at ${window.location.origin}${publicPath}`
                : KIT_SLUG_MESSAGE
            }
          >
            {(p) => (
              <div className="kit-slug">
                <span className="kit-slug__prefix" aria-hidden="true">
                  /kit/
                </span>
                <input
                  {...p}
                  type="text"
                  value={state.slug}
                  onChange={(e) => set({ slug: e.target.value.toLowerCase() })}
                  placeholder="your-name"
                  autoCapitalize="off"
                  spellCheck={false}
                />
              </div>
            )}
          </Field>
          <div className="setting-row">
            <div className="setting-row__text">
              <label htmlFor={`${formId}-published`} className="setting-row__label">
                Public page on
              </label>
              <p id={`${formId}-published-hint`} className="field__hint">
                Anyone with the link sees your profile, audience, rates and the picked case studies
                — never fees, deal details or anything else in Sponsorcal.
              </p>
              {errors['published'] && <p className="field__error">{errors['published']}</p>}
            </div>
            <Switch
              id={`${formId}-published`}
              checked={state.published}
              aria-describedby={`${formId}-published-hint`}
              onChange={(published) => set({ published })}
            />
          </div>
          {livePath ? (
            <p className="kit-live">
              <span className="kit-live__dot" aria-hidden="true" />
              <strong>Live</strong> ·{' '}
              <a href={livePath} target="_blank" rel="noopener">
                Open public page
              </a>
              <span className="muted small"> {kit.url}</span>
            </p>
          ) : (
            <p className="muted small">The public page is off: its address answers “not found”.</p>
          )}
        </section>
      </fieldset>
      {isOwner && (
        <div className="form__actions kit-editor__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save media kit'}
          </button>
        </div>
      )}
    </form>
  );
}
