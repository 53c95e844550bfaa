import {
  PROPOSAL_COMMENT_MAX,
  proposalDecisionBodySchema,
  type ProposalDecision,
  type ProposalDecisionBody,
} from '../../../../shared/schemas/proposal';
import { isApiError } from '../../api';
import { FormBanner } from '../../components/field';
import { TextAreaField, TextField } from '../../forms/fields';
import { AnswerButtons } from '../../forms/submit-button';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useProposalDecision } from '../../resources/proposals';

interface AnswerValues {
  name: string;
  title: string;
  comment: string;
  agree: boolean;
}

/** The brand's answer: name and title, then accept (with the tick) or ask for changes (with a comment). */
export function ProposalAnswer({ token, onGone }: { token: string; onGone: () => void }) {
  const form = useSchemaForm<AnswerValues>({ name: '', title: '', comment: '', agree: false });
  const decide = useProposalDecision(token, {
    onError: (error) => {
      if (isApiError(error, 404)) onGone();
      else form.fail(error);
    },
  });

  const submit = (decision: ProposalDecision) => {
    const { name, title, comment, agree } = form.values;
    const input: ProposalDecisionBody = {
      decision,
      name: name.trim(),
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(decision === 'accept' ? { agree } : {}),
    };
    if (form.check(proposalDecisionBodySchema, input)) decide.mutate(input);
  };

  return (
    // Enter in a field sends nothing: the answer is always one of the two buttons, on purpose.
    <form className="form review__decision" onSubmit={(event) => event.preventDefault()} noValidate>
      <h2 className="section-title">Your answer</h2>
      <FormBanner message={form.formError} />
      <TextField
        form={form}
        name="name"
        label="Your name"
        required
        autoComplete="name"
        maxLength={200}
      />
      <TextField
        form={form}
        name="title"
        label="Your title"
        hint="Optional, e.g. Partnerships lead."
        autoComplete="organization-title"
        maxLength={200}
      />
      <TextAreaField
        form={form}
        name="comment"
        label="Comment"
        hint="Required to request changes; optional when you accept."
        rows={3}
        maxLength={PROPOSAL_COMMENT_MAX}
      />
      <div className={form.errors['agree'] ? 'field field--invalid' : 'field'}>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.values.agree}
            aria-invalid={form.errors['agree'] ? true : undefined}
            aria-describedby={form.errors['agree'] ? 'proposal-agree-error' : undefined}
            onChange={(event) => form.set('agree', event.target.checked)}
          />
          <span>I agree to these terms</span>
        </label>
        {form.errors['agree'] && (
          <p id="proposal-agree-error" className="field__error">
            {form.errors['agree']}
          </p>
        )}
      </div>
      <AnswerButtons
        yesLabel="Accept proposal"
        busy={decide.isPending}
        onYes={() => submit('accept')}
        onRequestChanges={() => submit('request_changes')}
      />
    </form>
  );
}
