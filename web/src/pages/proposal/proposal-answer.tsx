import {
  PROPOSAL_COMMENT_MAX,
  proposalDecisionBodySchema,
  type ProposalDecision,
  type ProposalDecisionBody,
} from '../../../../shared/schemas/proposal';
import { AnswerCommentField, AnswerForm, failOrGone, SignerFields } from '../../forms/answer-form';
import { CheckboxField } from '../../forms/fields';
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
  const decide = useProposalDecision(token, { onError: failOrGone(form, onGone) });

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
    <AnswerForm title="Your answer" formError={form.formError}>
      <SignerFields form={form} maxLength={200} titleHint="Optional, e.g. Partnerships lead." />
      <AnswerCommentField form={form} yesWord="accept" rows={3} maxLength={PROPOSAL_COMMENT_MAX} />
      <CheckboxField form={form} name="agree" label="I agree to these terms" />
      <AnswerButtons
        yes="accept"
        yesLabel="Accept proposal"
        busy={decide.isPending}
        onAnswer={submit}
      />
    </AnswerForm>
  );
}
