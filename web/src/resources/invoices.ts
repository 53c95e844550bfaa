import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LadderOverride } from '../../../shared/schemas/billing';
import type {
  Invoice,
  InvoiceCreate,
  InvoicePatch,
  Payment,
  PaymentCreate,
} from '../../../shared/schemas/invoice';
import { api, isApiError, unwrap } from '../api';
import { invalidateMoney, keys } from './keys';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

export function useInvoicesOfDeal(dealId: string) {
  return useQuery({
    queryKey: keys.invoicesOfDeal(dealId),
    queryFn: async () => (await unwrap(api.invoices.$get({ query: { dealId } }))).items,
  });
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: keys.invoice(id),
    queryFn: () => unwrap(api.invoices[':id'].$get({ param: { id } })),
  });
}

/** The number the server would give the next invoice; asked afresh each time a form opens. */
export function useNextInvoiceNumber(enabled: boolean) {
  return useQuery({
    queryKey: keys.nextInvoiceNumber,
    queryFn: async () => (await unwrap(api.invoices['next-number'].$get({ query: {} }))).number,
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

/** Invoices due in a range of days (the calendar fetches them itself, not through the cache). */
export async function fetchInvoicesDue(range: {
  dueFrom: string;
  dueTo: string;
  status: string;
  brandId: string[];
}) {
  const { items } = await unwrap(
    api.invoices.$get({
      query: {
        dueFrom: range.dueFrom,
        dueTo: range.dueTo,
        status: range.status,
        ...(range.brandId.length ? { brandId: range.brandId.join(',') } : {}),
      },
    }),
  );
  return items;
}

/** Where the invoice's PDF downloads from (a plain link: the browser saves it). */
export function invoicePdfPath(id: string): string {
  return api.invoices[':id'].pdf.$path({ param: { id } });
}

/** Puts an answered invoice in the cache and refreshes everything money-shaped. */
export function useInvoiceAnswered() {
  const queryClient = useQueryClient();
  return (invoice?: Invoice) => {
    if (invoice) queryClient.setQueryData(keys.invoice(invoice.id), invoice);
    invalidateMoney(queryClient);
  };
}

export type InvoiceSave = { create: InvoiceCreate } | { patch: InvoicePatch };

const saveInvoice = (invoice: Invoice | null, payload: InvoiceSave) =>
  'create' in payload
    ? unwrap(api.invoices.$post({ json: payload.create }))
    : unwrap(api.invoices[':id'].$patch({ param: { id: invoice!.id }, json: payload.patch }));

/** Refreshes everything money-shaped, then keeps `saved` as its invoice's answer. */
function useInvoiceSaved() {
  const queryClient = useQueryClient();
  return (saved: Invoice) => {
    invalidateMoney(queryClient);
    queryClient.setQueryData(keys.invoice(saved.id), saved);
  };
}

/** Creates an invoice, or patches `invoice`; a 409 other than a taken number refreshes the lists. */
export function useSaveInvoice(
  invoice: Invoice | null,
  options: WriteOptions<Answer<typeof saveInvoice>, InvoiceSave> = {},
) {
  const invalidate = useInvalidate();
  return useWrite(
    (payload: InvoiceSave) => saveInvoice(invoice, payload),
    {
      onSuccess: useInvoiceSaved(),
      onError: (error) => {
        if (isApiError(error, 409) && error.code !== 'duplicate') invalidate(keys.invoices);
      },
    },
    options,
  );
}

/** Voiding or deleting an invoice, or removing one of its payments. */
export type InvoiceAction =
  | { kind: 'void'; invoice: Invoice }
  | { kind: 'delete'; invoice: Invoice }
  | { kind: 'remove-payment'; invoice: Invoice; payment: Payment };

async function actOn(action: InvoiceAction) {
  if (action.kind === 'void') {
    return unwrap(
      api.invoices[':id'].$patch({
        param: { id: action.invoice.id },
        json: { version: action.invoice.version, status: 'void' },
      }),
    );
  }
  if (action.kind === 'delete') {
    return unwrap(api.invoices[':id'].$delete({ param: { id: action.invoice.id } }));
  }
  return unwrap(
    api.invoices[':id'].payments[':paymentId'].$delete({
      param: { id: action.invoice.id, paymentId: action.payment.id },
    }),
  );
}

/** Void, delete, remove a payment; a 409 or 404 refreshes the money too (it changed elsewhere). */
export function useInvoiceAction(options: WriteOptions<Answer<typeof actOn>, InvoiceAction> = {}) {
  const queryClient = useQueryClient();
  return useWrite(
    actOn,
    {
      onSuccess: () => invalidateMoney(queryClient),
      onError: (error) => {
        if (isApiError(error, 409) || isApiError(error, 404)) invalidateMoney(queryClient);
      },
    },
    options,
  );
}

const recordPayment = (invoiceId: string, json: PaymentCreate) =>
  unwrap(api.invoices[':id'].payments.$post({ param: { id: invoiceId }, json }));

/** Records money received against one invoice; answers the invoice with its new balance. */
export function useRecordPayment(
  invoiceId: string,
  options: WriteOptions<Answer<typeof recordPayment>, PaymentCreate> = {},
) {
  return useWrite(
    (json: PaymentCreate) => recordPayment(invoiceId, json),
    { onSuccess: useInvoiceSaved() },
    options,
  );
}

/**
 * A write on one invoice by its own route (send, pause, ladder, link, notices):
 * `cached` picks the invoice to keep from the answer, the money is refreshed,
 * and so it is after a refusal with one of the `staleOn` statuses (it changed
 * or went elsewhere).
 */
export function useInvoiceWrite<TData, TVars>(
  request: (vars: TVars) => Promise<TData>,
  staleOn: readonly number[],
  cached: (answer: TData) => Invoice | undefined,
) {
  const answered = useInvoiceAnswered();
  return useWrite(request, {
    onSuccess: (answer) => answered(cached(answer)),
    onError: (error) => {
      if (staleOn.some((status) => isApiError(error, status))) answered();
    },
  });
}

const itself = (invoice: Invoice) => invoice;

/** Pauses reminders (until a day, or until resumed), or resumes them. */
export function useRemindersPause() {
  return useInvoiceWrite(
    (pause: { invoice: Invoice; paused: boolean; until: string | null }) =>
      unwrap(
        api.invoices[':id'].$patch({
          param: { id: pause.invoice.id },
          json: {
            version: pause.invoice.version,
            remindersPaused: pause.paused,
            remindersPausedUntil: pause.paused ? pause.until : null,
          },
        }),
      ),
    [409],
    itself,
  );
}

/** Sets the invoice's own reminder ladder (null: the brand's, else the workspace's). */
export function useInvoiceLadder() {
  return useInvoiceWrite(
    ({ invoice, ladder }: { invoice: Invoice; ladder: LadderOverride }) =>
      unwrap(
        api.invoices[':id'].$patch({
          param: { id: invoice.id },
          json: { version: invoice.version, invoiceReminders: ladder },
        }),
      ),
    [409],
    itself,
  );
}
