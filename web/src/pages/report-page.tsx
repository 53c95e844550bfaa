import './review-page.css';
import './report-page.css';
import type { ReactNode } from 'react';
import type { ReportView } from '../../../shared/schemas/report';
import { InactiveLinkNote, PdfActions, PublicLinkView } from '../components/ui/public-link-view';
import { formatDay } from '../format';
import { reportPdfPath, useReportView } from '../resources/reports';
import { ReportBody } from './report/report-body';
import { TestimonialForm } from './report/testimonial-form';
import { ReviewLayout } from './review/review-layout';

function ReportLayout({ children }: { children: ReactNode }) {
  return (
    <ReviewLayout wide kind="report" tagline="A campaign report shared with you.">
      {children}
    </ReviewLayout>
  );
}

/**
 * `/report/:token`, opened signed out by the brand: one deal's results, a PDF
 * of them, and a place to leave a testimonial. A link that opens nothing says only that.
 */
export function ReportPage({ token }: { token: string }) {
  const report = useReportView(token);
  return (
    <PublicLinkView
      query={report}
      layout={ReportLayout}
      opening="Opening the report…"
      failed="Could not open this report"
      inactive={<InactiveLinkNote title="This report link is not active" />}
    >
      {(view) => <Report token={token} view={view} />}
    </PublicLinkView>
  );
}

function Report({ token, view }: { token: string; view: ReportView }) {
  return (
    <ReportLayout>
      <header className="review__header">
        <p className="review__eyebrow">
          {view.workspaceName} for {view.brandName}
        </p>
        <h1 className="auth__title">Campaign report: {view.dealTitle}</h1>
        <p className="muted small">Shared {formatDay(view.sharedOn)}</p>
      </header>
      <ReportBody view={view} />
      <PdfActions className="proposal__actions" href={reportPdfPath(token)} />
      <TestimonialForm token={token} workspaceName={view.workspaceName} />
    </ReportLayout>
  );
}
