import type { ReactNode } from 'react';
import { isApiError } from '../api';
import { FormBanner } from '../components/field';
import { TextField } from './fields';
import type { SchemaForm } from './use-schema-form';

export interface AnswerFormProps {
  /** "Your answer", "Leave a testimonial". */
  title: string;
  formError: string | null;
  /** Enter's submit; absent, Enter sends nothing and the form's buttons answer. */
  onSubmit?: () => void;
  children: ReactNode;
}

/** The form a brand answers in on a page a link opened: a heading, a banner, the fields. */
export function AnswerForm({ title, formError, onSubmit, children }: AnswerFormProps) {
  return (
    <form
      className="form review__decision"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit?.();
      }}
      noValidate
    >
      <h2 className="section-title">{title}</h2>
      <FormBanner message={formError} />
      {children}
    </form>
  );
}

/** Who answers: their name (required) and, optionally, their title. */
export function SignerFields<V extends { name: string; title: string }>({
  form,
  maxLength,
  titleHint,
}: {
  form: SchemaForm<V>;
  maxLength: number;
  titleHint: string;
}) {
  return (
    <>
      <TextField
        form={form}
        name="name"
        label="Your name"
        required
        autoComplete="name"
        maxLength={maxLength}
      />
      <TextField
        form={form}
        name="title"
        label="Your title"
        hint={titleHint}
        autoComplete="organization-title"
        maxLength={maxLength}
      />
    </>
  );
}

/** A write's failure on a public page: a 404 means the link stopped working, else the form shows it. */
export function failOrGone(form: { fail: (error: unknown) => void }, onGone: () => void) {
  return (error: unknown) => {
    if (isApiError(error, 404)) onGone();
    else form.fail(error);
  };
}
