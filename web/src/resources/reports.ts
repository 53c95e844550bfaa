import { useQuery } from '@tanstack/react-query';
import type { ReportLinkCreate, TestimonialBody } from '../../../shared/schemas/report';
import { api, unwrap } from '../api';
import { keys } from './keys';
import { useLinkView } from './read';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

/** A deal's report links, newest first. */
export function useDealReportLinks(dealId: string) {
  return useQuery({
    queryKey: keys.reportLinks(dealId),
    queryFn: async () =>
      (await unwrap(api.deals[':id']['report-links'].$get({ param: { id: dealId } }))).items,
  });
}

const createLink = ({ dealId, ...json }: ReportLinkCreate & { dealId: string }) =>
  unwrap(api.deals[':id']['report-links'].$post({ param: { id: dealId }, json }));

/** Shares the deal's report on a new link; the answer carries its address, once. */
export function useShareReport(
  dealId: string,
  options: WriteOptions<Answer<typeof createLink>, ReportLinkCreate> = {},
) {
  const invalidate = useInvalidate();
  return useWrite(
    (json: ReportLinkCreate) => createLink({ ...json, dealId }),
    { onSuccess: () => invalidate(keys.reportLinks(dealId)) },
    options,
  );
}

const revoke = ({ dealId, linkId }: { dealId: string; linkId: string }) =>
  unwrap(
    api.deals[':id']['report-links'][':linkId'].revoke.$post({ param: { id: dealId, linkId } }),
  );

export function useRevokeReportLink(
  dealId: string,
  options: WriteOptions<Answer<typeof revoke>, string> = {},
) {
  const invalidate = useInvalidate();
  return useWrite(
    (linkId: string) => revoke({ dealId, linkId }),
    { onSettled: () => invalidate(keys.reportLinks(dealId)) },
    options,
  );
}

/** Testimonials brands left on this deal's reports. */
export function useDealTestimonials(dealId: string) {
  return useQuery({
    queryKey: keys.testimonials(dealId),
    queryFn: async () => (await unwrap(api.testimonials.$get({ query: { dealId } }))).items,
  });
}

const feature = ({ id, featured }: { id: string; featured: boolean }) =>
  unwrap(api.testimonials[':id'].$patch({ param: { id }, json: { featured } }));

/** The owner features a testimonial on the media kit, or takes it off. */
export function useFeatureTestimonial(
  dealId: string,
  options: WriteOptions<Answer<typeof feature>, { id: string; featured: boolean }> = {},
) {
  const invalidate = useInvalidate();
  return useWrite(feature, { onSettled: () => invalidate(keys.testimonials(dealId)) }, options);
}

/** The report behind a brand's link, asked without a session; null when the link opens none. */
export function useReportView(token: string) {
  return useLinkView(keys.reportView(token), () =>
    unwrap(api['report-links'][':token'].$get({ param: { token } })),
  );
}

/** The printable copy of a report, by its link's token. */
export const reportPdfPath = (token: string) =>
  `/api/report-links/${encodeURIComponent(token)}/pdf`;

const leave = (token: string, json: TestimonialBody) =>
  unwrap(api['report-links'][':token'].testimonial.$post({ param: { token }, json }));

/** The brand's testimonial, sent without a session. */
export function useLeaveTestimonial(
  token: string,
  options: WriteOptions<Answer<typeof leave>, TestimonialBody> = {},
) {
  return useWrite((json: TestimonialBody) => leave(token, json), {}, options);
}
