import type { CaseStudy } from '../../../../shared/schemas/kit';
import { FORMAT_LABELS, PLATFORM_LABELS, formatNumber } from '../../format';
import { ListError } from './kit-section';
import { MAX_CASE_STUDIES, type KitPartProps } from './kit-state';
import { CardSection } from '../../components/lists/card-section';

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

/** The published deliverables with numbers, to pick the kit's case studies from. */
export function KitStudies({
  form,
  formId,
  studies,
}: KitPartProps & { studies: readonly CaseStudy[] }) {
  const { values, errors } = form;
  const pickedIds = values.caseStudyIds;
  const toggle = (studyId: string, on: boolean) =>
    form.setValues((s) => ({
      ...s,
      caseStudyIds: on
        ? [...s.caseStudyIds, studyId]
        : s.caseStudyIds.filter((picked) => picked !== studyId),
    }));
  return (
    <CardSection
      id={`${formId}-studies`}
      title="Case studies"
      actions={
        <span className="muted small">
          {pickedIds.length} of {MAX_CASE_STUDIES} picked
        </span>
      }
    >
      <ListError message={errors['caseStudyIds']} />
      {studies.length === 0 ? (
        <p className="muted small">
          Published deliverables with metrics show up here. Enter views, likes and the other numbers
          on a published deliverable to use it as a case study.
        </p>
      ) : (
        <ul className="kit-studies">
          {studies.map((study) => {
            const index = pickedIds.indexOf(study.id);
            const picked = index >= 0;
            const error = picked ? errors[`caseStudyIds.${index}`] : undefined;
            return (
              <li key={study.id} className={`kit-study${picked ? ' kit-study--picked' : ''}`}>
                <label className="kit-study__label">
                  <input
                    type="checkbox"
                    checked={picked}
                    disabled={!picked && pickedIds.length >= MAX_CASE_STUDIES}
                    onChange={(e) => toggle(study.id, e.target.checked)}
                  />
                  <span className="kit-study__text">
                    <span className="kit-study__title">{study.title}</span>
                    <span className="muted small">
                      {study.brandName} · {PLATFORM_LABELS[study.platform]}{' '}
                      {FORMAT_LABELS[study.format].toLowerCase()} · {formatMonth(study.publishAt)}
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
                <ListError message={error} />
              </li>
            );
          })}
        </ul>
      )}
    </CardSection>
  );
}
