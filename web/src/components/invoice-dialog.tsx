import { useId, useState, type FormEvent } from 'react';
import type { Deal } from '../../../shared/schemas/deal';
import {
  invoiceCreateSchema,
  invoicePatchSchema,
  type Invoice,
  type InvoiceCreate,
  type InvoicePatch,
} from '../../../shared/schemas/invoice';
import { formatMoney } from '../format';
import { useBrand } from '../resources/brands';
import { useNextInvoiceNumber, useSaveInvoice } from '../resources/invoices';
import { useSettings } from '../resources/settings';
import { useFormErrors } from '../hooks/use-form-errors';
import { parseDocument, type DocumentDraft } from '../invoice-draft';
import { Spinner } from './badges';
import { COMMON_CURRENCIES } from './deal-dialog';
import { brandPayer } from './deal-payment-fields';
import { Dialog } from './dialog';
import { FormBanner } from './field';
import {
  autoDue,
  initialState,
  invoicePatchOf,
  toWholeNumber,
  type FormState,
} from './invoice-form-state';
import { InvoiceLinesEditor } from './invoice-lines-editor';
import { InvoiceTermsFields, type SettableStatus } from './invoice-terms-fields';
import { PayerFields } from './payer-fields';
import { useToast } from './toast';

export interface InvoiceDialogProps {
  deal: Deal;
  /** null for a new invoice. */
  invoice: Invoice | null;
  timeZone: string;
  onClose: () => void;
}

/** Waits for the settings (default terms) and, for a new invoice, the suggested number. */
export function InvoiceDialog(props: InvoiceDialogProps) {
  const settings = useSettings();
  const creating = props.invoice === null;
  const nextNumber = useNextInvoiceNumber(creating);
  const title = creating ? 'New invoice' : `Edit invoice ${props.invoice?.number ?? ''}`;
  if (settings.isPending || (creating && nextNumber.isPending)) {
    return (
      <Dialog title={title} onClose={props.onClose}>
        <Spinner />
      </Dialog>
    );
  }
  return (
    <InvoiceForm
      {...props}
      title={title}
      suggestedNumber={nextNumber.data ?? ''}
      defaultTerms={settings.data?.defaultPaymentTermsDays ?? 30}
      // With e-mail set up a new invoice starts as a draft, to be sent from its card.
      defaultStatus={settings.data?.emailEnabled ? 'draft' : 'sent'}
    />
  );
}

function InvoiceForm({
  deal,
  invoice,
  timeZone,
  onClose,
  title,
  suggestedNumber,
  defaultTerms,
  defaultStatus,
}: InvoiceDialogProps & {
  title: string;
  suggestedNumber: string;
  defaultTerms: number;
  defaultStatus: SettableStatus;
}) {
  const formId = useId();
  const toast = useToast();
  const brand = useBrand(deal.brandId);
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [initial] = useState(() =>
    initialState(deal, invoice, timeZone, defaultTerms, defaultStatus),
  );
  const [state, setState] = useState<FormState>(initial.terms);
  const [doc, setDoc] = useState<DocumentDraft>(initial.doc);
  const [itemized, setItemized] = useState(
    () => initial.doc.lines.length !== 1 || initial.doc.lines[0]?.quantity !== '1',
  );
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));

  const issueYear = state.issuedOn.slice(0, 4);
  // The suggestion is this year's; for an invoice dated in another year the server numbers it.
  const suggestionFits = !issueYear || suggestedNumber.includes(`-${issueYear}-`);
  const number = state.number ?? (suggestionFits ? suggestedNumber : '');
  const dueOn = state.dueOn ?? autoDue(state.issuedOn, state.terms);
  const hasPayments = (invoice?.paidCents ?? 0) > 0;
  const isPaid = invoice?.status === 'paid';
  const statusOptions: SettableStatus[] =
    invoice === null ? ['draft', 'sent'] : hasPayments ? ['sent'] : ['draft', 'sent', 'void'];

  const save = useSaveInvoice(invoice, {
    onSuccess: (saved) => {
      toast.success(invoice ? `Invoice ${saved.number} saved` : `Invoice ${saved.number} created`);
      onClose();
    },
    onError: fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const currency = state.currency.trim().toUpperCase();
    const parsed = parseDocument(doc, currency);
    const fields = {
      // An untouched suggestion is left to the server, which hands out the next free
      // number at save time (someone else may have taken this one meanwhile).
      ...(number.trim() && state.number !== null ? { number: number.trim() } : {}),
      currency,
      issuedOn: state.issuedOn,
      paymentTermsDays: toWholeNumber(state.terms),
      dueOn,
      notes: state.notes,
      status: state.status,
    };

    let payload: { create: InvoiceCreate } | { patch: InvoicePatch };
    let issues: ReadonlyArray<{ path: PropertyKey[] | string; message: string }>;
    if (invoice) {
      const patch = invoicePatchOf(invoice, fields, parsed);
      const result = invoicePatchSchema.safeParse(patch);
      issues = result.success ? [] : result.error.issues;
      payload = { patch };
    } else {
      const { payer, issues: _typed, ...document } = parsed;
      const create: InvoiceCreate = {
        dealId: deal.id,
        ...fields,
        ...document,
        ...(payer ? { payer } : {}),
      };
      const result = invoiceCreateSchema.safeParse(create);
      issues = result.success ? [] : result.error.issues;
      payload = { create };
    }
    if (parsed.issues.length > 0 || issues.length > 0) {
      const typed = new Set(parsed.issues.map((i) => i.path));
      const pathOf = (path: PropertyKey[] | string) =>
        typeof path === 'string' ? path : path.map(String).join('.');
      fromZod([...parsed.issues, ...issues.filter((i) => !typed.has(pathOf(i.path)))]);
      return;
    }
    save.mutate(payload);
  };

  const currencies = [...new Set([state.currency, deal.currency, ...COMMON_CURRENCIES])];
  const money = (cents: number) => formatMoney(cents, deal.currency);
  const amountHint = invoice
    ? hasPayments
      ? `${formatMoney(invoice.paidCents, invoice.currency)} paid so far`
      : undefined
    : `Deal fee ${money(deal.feeCents)}${
        deal.invoicedCents > 0 ? `, ${money(deal.invoicedCents)} invoiced already` : ''
      }`;

  return (
    <Dialog
      title={title}
      description={`${deal.title} · ${deal.brandName}`}
      onClose={onClose}
      size="large"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            disabled={save.isPending}
          >
            {save.isPending ? 'Saving…' : 'Save invoice'}
          </button>
        </>
      }
    >
      <FormBanner message={formError} />
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <InvoiceLinesEditor
            draft={doc}
            onChange={setDoc}
            currency={state.currency}
            errors={errors}
            itemized={itemized}
            onItemize={() => setItemized(true)}
            amountHint={amountHint}
          />
          <PayerFields
            payer={doc.payer}
            onChange={(payer) => setDoc((d) => ({ ...d, payer }))}
            inherited={
              invoice && invoice.payerSource !== 'invoice'
                ? invoice.payer
                : (deal.payer ?? brandPayer(brand.data))
            }
            inheritedFrom={
              (invoice ? invoice.payerSource === 'deal' : deal.payer !== null)
                ? 'the deal'
                : `the brand (${deal.brandName}) and its billing contacts`
            }
            errors={errors}
          />
          <InvoiceTermsFields
            state={state}
            set={set}
            errors={errors}
            number={number}
            numberHint={
              invoice || state.number !== null
                ? undefined
                : suggestionFits
                  ? 'The next number in sequence; change it if you need to.'
                  : `Left empty, it gets the next ${issueYear} number when saved.`
            }
            dueOn={dueOn}
            termsDays={toWholeNumber(state.terms)}
            isPaid={isPaid}
            hasPayments={hasPayments}
            statusOptions={statusOptions}
            currencies={currencies}
          />
        </div>
      </form>
    </Dialog>
  );
}
