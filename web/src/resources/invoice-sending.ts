import { useQuery } from '@tanstack/react-query';
import type { InvoiceSend } from '../../../shared/schemas/getting-paid';
import { api, unwrap } from '../api';
import { useInvoiceWrite } from './invoices';

/**
 * An invoice's life after it is written: the send e-mail and its preview, the
 * timeline, its reminder previews, its payer link, and the payer's "we've paid"
 * notices. Keys sit under `invoices`, so every money change refreshes them too.
 */
export const invoiceKeys = {
  events: (id: string) => ['invoices', 'events', id] as const,
  sendPreview: (id: string) => ['invoices', 'send-preview', id] as const,
  reminderPreview: (id: string, offsetDays: number) =>
    ['invoices', 'reminder-preview', id, offsetDays] as const,
};

/** The invoice's timeline, newest first (asked only while shown). */
export function useInvoiceEvents(id: string, enabled = true) {
  return useQuery({
    queryKey: invoiceKeys.events(id),
    queryFn: async () => (await unwrap(api.invoices[':id'].events.$get({ param: { id } }))).items,
    enabled,
  });
}

/** What "Send invoice" would send now: recipients, subject, message, and whether it can. */
export function useSendPreview(id: string) {
  return useQuery({
    queryKey: invoiceKeys.sendPreview(id),
    queryFn: () => unwrap(api.invoices[':id']['send-preview'].$get({ param: { id } })),
    staleTime: 0,
    gcTime: 0,
  });
}

export function useSendInvoice(id: string) {
  return useInvoiceWrite(
    (json: InvoiceSend) => unwrap(api.invoices[':id'].send.$post({ param: { id }, json })),
    [409],
    () => undefined,
  );
}

/** A reminder step of the invoice's saved ladder, filled with its real values (asked when shown). */
export function useReminderPreview(id: string, offsetDays: number | null) {
  return useQuery({
    queryKey: invoiceKeys.reminderPreview(id, offsetDays ?? 0),
    queryFn: () =>
      unwrap(
        api.invoices[':id']['reminder-preview'].$get({
          param: { id },
          query: { offsetDays: String(offsetDays) },
        }),
      ),
    enabled: offsetDays !== null,
    staleTime: 0,
  });
}

/** Ends the payer's link: its page answers "not active"; the next send makes a new one. */
export function useRevokeInvoiceLink(id: string) {
  return useInvoiceWrite(
    () => unwrap(api.invoices[':id'].link.revoke.$post({ param: { id } })),
    [404],
    (saved) => saved,
  );
}

/** Confirms a payer's notice as a payment (one click), or dismisses it. */
export function useRemittanceAction(invoiceId: string) {
  return useInvoiceWrite(
    ({ remittanceId, action }: { remittanceId: string; action: 'confirm' | 'dismiss' }) => {
      const param = { id: invoiceId, remittanceId };
      const route = api.invoices[':id'].remittances[':remittanceId'];
      return unwrap(
        action === 'confirm' ? route.confirm.$post({ param }) : route.dismiss.$post({ param }),
      );
    },
    [409, 404],
    (saved) => saved,
  );
}
