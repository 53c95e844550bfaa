import { useId, type FormEvent, type ReactNode } from 'react';

export interface TitledFormProps {
  /** The form's heading, which also names it. */
  title: string;
  className: string;
  /** The heading's level and class: an `h3.subsection-title` when absent. */
  heading?: 'h2' | 'h3';
  titleClassName?: string;
  /** The base of the ids inside, the heading's being `${id}-title`; a fresh one when absent. */
  id?: string;
  /** Called on submit, the browser's own submit (a page load) prevented. */
  onSubmit: () => void;
  children: ReactNode;
}

/** A `<form>` named by its own heading, checked by the schema rather than the browser. */
export function TitledForm({
  title,
  className,
  heading: Heading = 'h3',
  titleClassName = 'subsection-title',
  id,
  onSubmit,
  children,
}: TitledFormProps) {
  const freshId = useId();
  const titleId = `${id ?? freshId}-title`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className={className} onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Heading id={titleId} className={titleClassName}>
        {title}
      </Heading>
      {children}
    </form>
  );
}
