import { useCallback, useState } from 'react';
import { ApiError, errorMessage } from '../api';

export type FieldErrors = Record<string, string>;

export interface IssueLike {
  path: string | ReadonlyArray<PropertyKey>;
  message: string;
}

/** Keeps the first message per field path (`title`, `contacts.0.email`). */
export function issuesToErrors(issues: ReadonlyArray<IssueLike>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    const key = path || '(body)';
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/**
 * Field errors and a form-level message. `fromZod` takes client-side issues;
 * `fromError` takes whatever a mutation threw, mapping the server's `issues`.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const clear = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  const fromZod = useCallback((issues: ReadonlyArray<IssueLike>) => {
    setErrors(issuesToErrors(issues));
    setFormError('Check the highlighted fields.');
  }, []);

  const fromError = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.issues.length > 0) {
      setErrors(issuesToErrors(error.issues));
      setFormError(error.status === 400 ? 'Check the highlighted fields.' : error.message);
    } else {
      setErrors({});
      setFormError(errorMessage(error));
    }
  }, []);

  return { errors, formError, setFormError, clear, fromZod, fromError };
}
