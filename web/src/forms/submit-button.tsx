import type { ButtonHTMLAttributes, ReactNode } from 'react';

export interface BusyButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'children'
> {
  /** The button's words, and its words while the write is on its way. */
  label: string;
  busyLabel?: string;
  /** The write is on its way: the button is disabled and says `busyLabel`. */
  busy: boolean;
  /** An icon before the words (a +). */
  icon?: ReactNode;
}

/** A button that starts a write: "Send test", then "Sending…" (disabled) while it is on its way. */
export function BusyButton(props: BusyButtonProps) {
  return <ActionButton type="button" className="button" {...props} />;
}

/** A form's primary button: "Save …", then "Saving…" (disabled) while the write is on its way. */
export function SubmitButton(props: BusyButtonProps) {
  return <ActionButton type="submit" className="button button--primary" {...props} />;
}

function ActionButton({
  label,
  busyLabel = 'Saving…',
  busy,
  icon,
  disabled,
  ...rest
}: BusyButtonProps & { type: 'button' | 'submit' }) {
  const words = busy ? busyLabel : label;
  return (
    <button {...rest} disabled={busy || disabled === true}>
      {icon ? (
        <>
          {icon} {words}
        </>
      ) : (
        words
      )}
    </button>
  );
}

/**
 * A brand's two answers on a public page (a review, a proposal): "Request changes"
 * beside the yes, both held while the answer is on its way.
 */
export function AnswerButtons<Yes extends string>({
  yes,
  yesLabel,
  busy,
  onAnswer,
}: {
  /** The decision the yes sends: "approve", "accept". */
  yes: Yes;
  yesLabel: string;
  busy: boolean;
  onAnswer: (decision: Yes | 'request_changes') => void;
}) {
  return (
    <div className="review__actions">
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => onAnswer('request_changes')}
      >
        Request changes
      </button>
      <BusyButton
        className="button button--primary"
        label={yesLabel}
        busyLabel="Sending…"
        busy={busy}
        onClick={() => onAnswer(yes)}
      />
    </div>
  );
}
