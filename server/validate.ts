import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import type { ApiErrorIssue } from '../shared/schemas/common';
import { AppError } from './errors';

export function zodIssues(error: {
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>;
}): ApiErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }));
}

export function validationError(issues: ApiErrorIssue[]): AppError {
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  return new AppError(
    400,
    'validation_failed',
    `Invalid input — ${summary}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`,
    issues,
  );
}

/** `zValidator` answering in the one error shape: 400 naming each bad field. */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw validationError(zodIssues(result.error));
  });
}
