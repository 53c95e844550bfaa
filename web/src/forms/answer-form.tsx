import type { ReactNode } from 'react';
import { isApiError } from '../api';
import { FormBanner } from '../components/field';
import { RowTextAreaField, RowTextField } from './row-fields';
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

/** One of the form's text values as a row field takes it: the value, its change, its error. */
function textOf<N extends string, V extends Record<N, string>>(form: SchemaForm<V>, name: N) {
  return {
    value: form.values[name],
    error: form.errors[name],
    onChange: (value: string) => form.set(name, value as V[N]),
  };
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
      <RowTextField
        {...textOf(form, 'name')}
        label="Your name"
        required
        autoComplete="name"
        maxLength={maxLength}
      />
      <RowTextField
        {...textOf(form, 'title')}
        label="Your title"
        hint={titleHint}
        autoComplete="organization-title"
        maxLength={maxLength}
      />
    </>
  );
}

/** The brand's comment: required to ask for changes, optional with the yes. */
export function AnswerCommentField<V extends { comment: string }>({
  form,
  yesWord,
  rows,
  maxLength,
  placeholder,
}: {
  form: SchemaForm<V>;
  /** The yes, as the hint words it: "accept", "approve". */
  yesWord: string;
  rows: number;
  maxLength: number;
  placeholder?: string;
}) {
  return (
    <RowTextAreaField
      {...textOf(form, 'comment')}
      label="Comment"
      hint={`Required to request changes; optional when you ${yesWord}.`}
      rows={rows}
      maxLength={maxLength}
      placeholder={placeholder}
    />
  );
}

/** A write's failure on a public page: a 404 means the link stopped working, else the form shows it. */
export function failOrGone(form: { fail: (error: unknown) => void }, onGone: () => void) {
  return (error: unknown) => {
    if (isApiError(error, 404)) onGone();
    else form.fail(error);
  };
}
