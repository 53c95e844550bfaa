import { useState } from 'react';
import type { Deal } from '../../../shared/schemas/deal';
import {
  invoiceCreateSchema,
  invoicePatchSchema,
  type Invoice,
} from '../../../shared/schemas/invoice';
import { formatMoney } from '../format';
import { useBrand } from '../resources/brands';
import { useNextInvoiceNumber, useSaveInvoice } from '../resources/invoices';
import { useSettings } from '../resources/settings';
import { FormDialog } from '../forms/form-dialog';
import { useSchemaForm } from '../forms/use-schema-form';
import { parseDocument, type DocumentDraft } from '../invoice-draft';
import { Spinner } from './badges';
import { COMMON_CURRENCIES } from './deal-dialog';
import { brandPayer } from './deal-payment-fields';
import { Dialog } from './dialog';
import {
  autoDue,
  initialState,
  invoiceSaveOf,
  toWholeNumber,
  type FormState,
} from './invoice-form-state';
import { InvoiceLinesEditor } from './invoice-lines-editor';
import { InvoiceTermsFields, type SettableStatus } from './invoice-terms-fields';
import { PayerFields } from './payer-fields';
import { useToast } from './toast';
import { writeDialogProps } from '../forms/write-dialog';

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
  const toast = useToast();
  const brand = useBrand(deal.brandId);
  const [initial] = useState(() =>
    initialState(deal, invoice, timeZone, defaultTerms, defaultStatus),
  );
  const form = useSchemaForm<FormState>(initial.terms);
  const { values: state, errors } = form;
  const [doc, setDoc] = useState<DocumentDraft>(initial.doc);
  const [itemized, setItemized] = useState(
    () => initial.doc.lines.length !== 1 || initial.doc.lines[0]?.quantity !== '1',
  );

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
    onError: form.fail,
  });

  const submit = () => {
    const currency = state.currency.trim().toUpperCase();
    const parsed = parseDocument(doc, currency);
    const body = invoiceSaveOf(
      deal,
      invoice,
      {
        // An untouched suggestion is left to the server, which hands out the next free
        // number at save time (someone else may have taken this one meanwhile).
        ...(number.trim() && state.number !== null ? { number: number.trim() } : {}),
        currency,
        issuedOn: state.issuedOn,
        paymentTermsDays: toWholeNumber(state.terms),
        dueOn,
        notes: state.notes,
        status: state.status,
      },
      parsed,
    );
    const checked =
      'patch' in body
        ? form.check(invoicePatchSchema, body.patch, parsed.issues)
        : form.check(invoiceCreateSchema, body.create, parsed.issues);
    if (checked !== undefined) save.mutate(body);
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
    <FormDialog
      {...writeDialogProps(form, save, submit)}
      title={title}
      description={`${deal.title} · ${deal.brandName}`}
      onClose={onClose}
      size="large"
      submitLabel="Save invoice"
    >
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
          form={form}
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
    </FormDialog>
  );
}
