/**
 * The props of a form's frame (`FormDialog`, `CreateForm`) that a schema form and its
 * write decide: busy while the write is on its way, the form's banner, and what Submit runs.
 */
export function writeDialogProps(
  form: { formError: string | null },
  write: { isPending: boolean },
  onSubmit: () => void,
) {
  return { busy: write.isPending, formError: form.formError, onSubmit };
}
