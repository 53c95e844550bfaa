import './import-page.css';
import type { User } from '../../../shared/schemas/auth';
import { Link } from '../components/link';
import { CheckResult } from './import/check-result';
import { ChooseSection } from './import/choose-section';
import { ImportDone } from './import/import-done';
import { readProblems } from './import/import-rules';
import { Steps, type Step } from './import/import-steps';
import { MappingSection } from './import/mapping-section';
import { PreviewSection } from './import/preview-section';
import { useImportWizard } from './import/use-import-wizard';
import { BackLink } from '../components/ui/detail-states';
import { PageHeader } from '../components/ui/page-header';

/** CSV import of deliverables (editors and owners): choose a file, map its columns, check, import. */
export default function ImportPage({ user }: { user: User }) {
  if (user.role === 'viewer') {
    return (
      <div className="page">
        <div className="card empty-inline">
          <p className="empty-inline__title">Only editors and owners can import</p>
          <p className="muted">
            Importing adds brands, deals and deliverables. Ask your workspace owner if you need
            something imported.
          </p>
          <Link href="/" className="button button--primary">
            Back to the calendar
          </Link>
        </div>
      </div>
    );
  }
  return <ImportWizard user={user} />;
}

function ImportWizard({ user }: { user: User }) {
  const wizard = useImportWizard(user);
  const step: Step = wizard.imported ? 3 : wizard.preview && wizard.file ? 2 : 1;

  return (
    <div className="page page--import">
      <BackLink href="/deals">Deals</BackLink>
      <PageHeader
        title="Import deliverables"
        subtitle="From a spreadsheet saved as CSV: one row per post, with its brand and deal. Nothing is imported until every row is right."
      />
      <Steps current={step} />

      {wizard.imported ? (
        <ImportDone result={wizard.imported} onAgain={wizard.startOver} />
      ) : wizard.preview && wizard.file ? (
        <>
          <PreviewSection
            file={wizard.file}
            preview={wizard.preview}
            mapping={wizard.mapping}
            upload={wizard.upload}
            busy={wizard.check.isPending || wizard.run.isPending}
            onFile={(f) => void wizard.chooseFile(f)}
            onCancelUpload={wizard.cancelUpload}
          />
          <MappingSection
            preview={wizard.preview}
            mapping={wizard.mapping}
            errors={{
              ...readProblems(wizard.check.error ?? wizard.run.error).fields,
              ...wizard.mappingErrors,
            }}
            timeZone={wizard.timeZone}
            dateOrder={wizard.dateOrder}
            checking={wizard.check.isPending}
            disabled={wizard.upload !== null || wizard.run.isPending}
            onMapping={wizard.changeMapping}
            onTimeZone={wizard.changeTimeZone}
            onDateOrder={wizard.changeDateOrder}
            onSubmit={wizard.submitCheck}
          />
          {(wizard.check.isSuccess || wizard.check.isError || wizard.run.isError) && (
            <CheckResult
              headingRef={wizard.resultRef}
              ready={wizard.check.data ?? null}
              error={wizard.run.error ?? wizard.check.error}
              mapping={wizard.mapping}
              importing={wizard.run.isPending}
              uploading={wizard.upload !== null}
              onImport={() => wizard.run.mutate(wizard.formOf(false))}
              onFile={(f) => void wizard.chooseFile(f)}
            />
          )}
        </>
      ) : (
        <ChooseSection
          upload={wizard.upload}
          error={wizard.fileError}
          onFile={(f) => void wizard.chooseFile(f)}
          onCancelUpload={wizard.cancelUpload}
        />
      )}
    </div>
  );
}
