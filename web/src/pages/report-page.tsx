import './review-page.css';
import './report-page.css';
import type { ReactNode } from 'react';
import { errorMessage } from '../api';
import { Spinner } from '../components/badges';
import { DownloadIcon } from '../components/icons';
import { PublicFrame } from '../components/ui/public-frame';
import { formatDay } from '../format';
import { reportPdfPath, useReportView } from '../resources/reports';
import { ReportBody } from './report/report-body';
import { TestimonialForm } from './report/testimonial-form';

function ReportLayout({ children }: { children: ReactNode }) {
  return (
    <PublicFrame
      className="review report"
      logoSize={30}
      cardClassName="review__card report__card"
      tagline="A campaign report shared with you."
    >
      {children}
    </PublicFrame>
  );
}

/**
 * `/report/:token`, opened signed out by the brand: one deal's results, a PDF
 * of them, and a place to leave a testimonial. A link that opens nothing says only that.
 */
export function ReportPage({ token }: { token: string }) {
  const report = useReportView(token);
  if (report.isPending) {
    return (
      <ReportLayout>
        <Spinner label="Opening the report…" />
      </ReportLayout>
    );
  }
  if (report.error) {
    return (
      <ReportLayout>
        <h1 className="auth__title">Could not open this report</h1>
        <p className="banner banner--error" role="alert">
          {errorMessage(report.error)}
        </p>
        <button
          type="button"
          className="button button--primary button--block"
          onClick={() => void report.refetch()}
        >
          Try again
        </button>
      </ReportLayout>
    );
  }
  if (report.data === null) {
    return (
      <ReportLayout>
        <h1 className="auth__title">This report link is not active</h1>
        <p className="muted">Ask the person who sent it to you for a new link.</p>
      </ReportLayout>
    );
  }
  const view = report.data;
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
      <div className="proposal__actions">
        <a className="button" href={reportPdfPath(token)} download>
          <DownloadIcon /> Download PDF
        </a>
      </div>
      <TestimonialForm token={token} workspaceName={view.workspaceName} />
    </ReportLayout>
  );
}
