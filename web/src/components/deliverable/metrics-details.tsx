import { METRIC_KEYS, engagementRate } from '../../../../shared/schemas/deliverable';
import { METRIC_LABELS } from '../../format';
import type { SchemaForm } from '../../forms/use-schema-form';
import { metricNumbers, type DeliverableFormState } from './form-state';
import { RowTextField } from '../../forms/row-fields';

/**
 * The post's numbers after publishing and the engagement rate they give. Open once the
 * deliverable is published, has a number, or a number was refused.
 */
export function MetricsDetails({ form }: { form: SchemaForm<DeliverableFormState> }) {
  const { values, errors } = form;
  const rate = engagementRate(metricNumbers(values));
  const open =
    values.status === 'published' ||
    METRIC_KEYS.some((key) => values.metrics[key] !== '') ||
    Boolean(errors['metrics']);
  return (
    <details className="metrics" open={open}>
      <summary>Metrics after publishing</summary>
      <div className="metrics__grid">
        {METRIC_KEYS.map((key) => (
          <RowTextField
            key={key}
            label={METRIC_LABELS[key]}
            error={errors[`metrics.${key}`]}
            inputMode="numeric"
            value={values.metrics[key]}
            onChange={(text) =>
              form.setValues((s) => ({ ...s, metrics: { ...s.metrics, [key]: text } }))
            }
          />
        ))}
      </div>
      <p className="metrics__rate" data-testid="engagement-rate">
        Engagement rate: <strong>{rate === null ? '—' : `${(rate * 100).toFixed(2)} %`}</strong>{' '}
        <span className="muted">(likes + comments + shares + saves) ÷ views</span>
      </p>
    </details>
  );
}
