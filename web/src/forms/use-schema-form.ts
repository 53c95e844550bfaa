import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api';
import { useFormErrors, type IssueLike } from '../hooks/use-form-errors';

export interface SchemaFormOptions {
  /**
   * What a 409 (someone else saved first) shows. The resource's write hook has already
   * reloaded what changed; the form says so in its banner. Default: the server's message.
   */
  conflictMessage?: string;
  /** Replaces the banner for a 409, for a form that shows conflicts its own way. */
  onConflict?: () => void;
}

/**
 * A form's values, its errors and the two ways they arrive: the shared zod schema's issues
 * before sending (`check`), the server's `issues` after (`fail`). A 409 is handled one way
 * everywhere: a banner that says the data was reloaded (or the form's own `onConflict`).
 */
export function useSchemaForm<V extends object>(
  initial: V | (() => V),
  { conflictMessage, onConflict }: SchemaFormOptions = {},
) {
  const [values, setValues] = useState<V>(initial);
  const { errors, formError, setFormError, clear, fromZod, fromError } = useFormErrors();

  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  }, []);

  /**
   * Clears old errors and parses `payload` with `schema`. On failure shows its issues,
   * with `extra` ones the schema cannot see (a money field that did not parse), and answers
   * undefined; `extra` alone also fails the check.
   */
  const check = <S extends z.ZodType>(
    schema: S,
    payload: unknown,
    extra: IssueLike[] = [],
  ): z.output<S> | undefined => {
    clear();
    const parsed = schema.safeParse(payload);
    // An extra issue replaces the schema's at its path (`amountCents`, `lines.0.unitCents`).
    const extraPaths = new Set(
      extra.map((issue) =>
        typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.'),
      ),
    );
    if (parsed.success && extra.length === 0) return parsed.data;
    const issues = parsed.success
      ? []
      : parsed.error.issues.filter(
          (issue) =>
            !extraPaths.has(String(issue.path[0])) &&
            !extraPaths.has(issue.path.map(String).join('.')),
        );
    fromZod([...issues, ...extra]);
    return undefined;
  };

  /** Shows what a failed write answered: field issues under their fields, else a banner. */
  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409 && error.issues.length === 0) {
      clear();
      if (onConflict) onConflict();
      else setFormError(conflictMessage ?? error.message);
      return;
    }
    fromError(error);
  };

  return { values, set, setValues, errors, formError, setFormError, clear, check, fail };
}

export type SchemaForm<V extends object> = ReturnType<typeof useSchemaForm<V>>;
