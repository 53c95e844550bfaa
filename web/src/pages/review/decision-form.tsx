import {
  REVIEW_COMMENT_MAX,
  reviewDecisionBodySchema,
  type ReviewDecision,
  type ReviewDecisionBody,
} from '../../../../shared/schemas/review';
import { AnswerCommentField, AnswerForm, failOrGone } from '../../forms/answer-form';
import { TextField } from '../../forms/fields';
import { AnswerButtons } from '../../forms/submit-button';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useReviewDecision } from '../../resources/review';

/** The brand's answer: a comment, a name, and approve or request changes. */
export function DecisionForm({
  token,
  onGone,
  onDecided,
}: {
  token: string;
  onGone: () => void;
  onDecided: (decision: ReviewDecision) => void;
}) {
  const form = useSchemaForm({ comment: '', name: '' });

  const decide = useReviewDecision(token, {
    onSuccess: (result) => onDecided(result.decision),
    onError: failOrGone(form, onGone),
  });

  const submit = (decision: ReviewDecision) => {
    const comment = form.values.comment.trim();
    const name = form.values.name.trim();
    const input: ReviewDecisionBody = {
      decision,
      ...(comment ? { comment } : {}),
      ...(name ? { name } : {}),
    };
    if (form.check(reviewDecisionBodySchema, input)) decide.mutate(input);
  };

  return (
    <AnswerForm title="Your answer" formError={form.formError}>
      <AnswerCommentField
        form={form}
        yesWord="approve"
        rows={4}
        maxLength={REVIEW_COMMENT_MAX}
        placeholder="What works, and what should change"
      />
      <TextField
        form={form}
        name="name"
        label="Your name"
        hint="Optional: so the team knows who answered."
        autoComplete="name"
        maxLength={200}
      />
      <AnswerButtons yes="approve" yesLabel="Approve" busy={decide.isPending} onAnswer={submit} />
    </AnswerForm>
  );
}
