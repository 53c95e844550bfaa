import { useQueryClient } from '@tanstack/react-query';
import type { PublicInvoice, RemittanceCreate } from '../../../shared/schemas/getting-paid';
import { api, unwrap } from '../api';
import { useLinkView } from './read';
import { useWrite } from './write';

/** The payer's page: asked without a session, by the token in the e-mailed link. */
export const publicInvoiceKey = (token: string) => ['invoice-link', token] as const;

/** The invoice behind a payer's link; null when the link opens nothing (unknown, revoked, void). */
export function usePublicInvoice(token: string) {
  return useLinkView(publicInvoiceKey(token), () =>
    unwrap(api['invoice-links'][':token'].$get({ param: { token } })),
  );
}

/** "We've paid": a notice for the team to confirm, not a payment. */
export function useReportPaid(token: string) {
  const queryClient = useQueryClient();
  return useWrite(
    (json: RemittanceCreate) =>
      unwrap(api['invoice-links'][':token'].paid.$post({ param: { token }, json })),
    {
      onSuccess: () => {
        queryClient.setQueryData(
          publicInvoiceKey(token),
          (current: PublicInvoice | null | undefined) =>
            current ? { ...current, remittancePending: true } : current,
        );
      },
    },
  );
}

export function publicInvoicePdfPath(token: string): string {
  return api['invoice-links'][':token'].pdf.$path({ param: { token } });
}
