import { useState } from 'react';
import {
  TESTIMONIAL_QUOTE_MAX,
  testimonialBodySchema,
  type TestimonialBody,
} from '../../../../shared/schemas/report';
import { FormBanner } from '../../components/field';
import { TextAreaField, TextField } from '../../forms/fields';
import { SubmitButton } from '../../forms/submit-button';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useLeaveTestimonial } from '../../resources/reports';

interface TestimonialValues {
  quote: string;
  name: string;
  title: string;
  mayPublish: boolean;
}

/** The brand's testimonial: a quote, who says it, and whether it may be published. */
export function TestimonialForm({
  token,
  workspaceName,
}: {
  token: string;
  workspaceName: string;
}) {
  const form = useSchemaForm<TestimonialValues>({
    quote: '',
    name: '',
    title: '',
    mayPublish: false,
  });
  const [sent, setSent] = useState(false);
  const leave = useLeaveTestimonial(token, { onSuccess: () => setSent(true), onError: form.fail });
  if (sent) {
    return (
      <p className="banner banner--success" role="status" data-testid="testimonial-sent">
        Thank you! {workspaceName} has your words.
      </p>
    );
  }
  const submit = () => {
    const input: TestimonialBody = {
      quote: form.values.quote,
      name: form.values.name,
      title: form.values.title,
      mayPublish: form.values.mayPublish,
    };
    if (form.check(testimonialBodySchema, input)) leave.mutate(input);
  };
  return (
    <form
      className="form review__decision"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <h2 className="section-title">Leave a testimonial</h2>
      <FormBanner message={form.formError} />
      <TextAreaField
        form={form}
        name="quote"
        label="How did the campaign go?"
        required
        rows={3}
        maxLength={TESTIMONIAL_QUOTE_MAX}
      />
      <TextField
        form={form}
        name="name"
        label="Your name"
        required
        autoComplete="name"
        maxLength={100}
      />
      <TextField
        form={form}
        name="title"
        label="Your title"
        hint="Optional, e.g. Head of marketing."
        autoComplete="organization-title"
        maxLength={100}
      />
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.values.mayPublish}
            onChange={(event) => form.set('mayPublish', event.target.checked)}
          />
          <span>{workspaceName} may publish this with my name and company</span>
        </label>
      </div>
      <div className="review__actions">
        <SubmitButton label="Send testimonial" busyLabel="Sending…" busy={leave.isPending} />
      </div>
    </form>
  );
}
