import { useState } from 'react';
import {
  TESTIMONIAL_QUOTE_MAX,
  testimonialBodySchema,
  type TestimonialBody,
} from '../../../../shared/schemas/report';
import { AnswerForm, SignerFields } from '../../forms/answer-form';
import { CheckboxField, TextAreaField } from '../../forms/fields';
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
    <AnswerForm title="Leave a testimonial" formError={form.formError} onSubmit={submit}>
      <TextAreaField
        form={form}
        name="quote"
        label="How did the campaign go?"
        required
        rows={3}
        maxLength={TESTIMONIAL_QUOTE_MAX}
      />
      <SignerFields form={form} maxLength={100} titleHint="Optional, e.g. Head of marketing." />
      <CheckboxField
        form={form}
        name="mayPublish"
        label={`${workspaceName} may publish this with my name and company`}
      />
      <div className="review__actions">
        <SubmitButton label="Send testimonial" busyLabel="Sending…" busy={leave.isPending} />
      </div>
    </AnswerForm>
  );
}
