import { errorMessage } from '../../api';

export interface LoadFailedProps {
  error: unknown;
  onRetry: () => void;
  /** The banner's words when they are not the error's own. */
  message?: string;
  /** The Try again button's class: a plain button when absent. */
  buttonClassName?: string;
}

/** A read that failed: its error as a banner, and a Try again that reads it again. */
export function LoadFailed({
  error,
  onRetry,
  message,
  buttonClassName = 'button',
}: LoadFailedProps) {
  return (
    <>
      <p className="banner banner--error" role="alert">
        {message ?? errorMessage(error)}
      </p>
      <button type="button" className={buttonClassName} onClick={onRetry}>
        Try again
      </button>
    </>
  );
}
