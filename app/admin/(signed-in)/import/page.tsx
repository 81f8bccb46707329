import { getImportJob, listImportJobs, type ImportJobDTO } from '@/db/queries/admin/import-jobs';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ImportUploader } from '@/components/admin/import/ImportUploader.client';
import { ImportReportView } from '@/components/admin/import/ImportReportView';
import { adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { getSettings } from '@/services/reader';
import { config } from '@/domain/config.mjs';
import { formatDateTime } from '@/domain/i18n/format';
import type { ImportReport } from '@/domain/import/report';

export const generateMetadata = () => adminPageMetadata('import:run', ({ t }) => t('import'));

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db, locale } = await adminPage('import:run');
  const raw = (await searchParams).job;
  const [jobs, settings] = await Promise.all([listImportJobs(db), getSettings()]);
  const shown: ImportJobDTO | null = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? await getImportJob(db, Number(raw)) : (jobs[0] ?? null);
  const running = jobs.find((j) => j.status === 'running' || j.status === 'queued') ?? null;
  const maxMb = Math.round(config().IMPORT_MAX_BYTES / 1024 / 1024);
  return (
    <div className="space-y-6">
      <PageHeader title={t('import')} />
      <p className="text-sm text-neutral-700 dark:text-neutral-300">{mt('importIntro')}</p>
      <Card id="import-upload" title={mt('importStart')} titleClassName={CARD_TITLE.action}>
        <ImportUploader
          resume={running?.id ?? null}
          labels={{
            file: mt('importFile'),
            fileHint: mt('importFileHint', { max: maxMb }),
            start: mt('importStart'),
            uploading: mt('importUploading'),
            checking: mt('importChecking'),
            writing: mt('importWriting'),
          }}
        />
      </Card>
      {shown && shown.status !== 'running' && shown.status !== 'queued' ? (
        <Card id="import-report" title={`${mt('importReport')} · ${shown.fileName}`} titleClassName={CARD_TITLE.action}>
          {shown.status === 'done' && shown.report ? <p className="mb-3 text-sm font-medium">{mt('importDone')}</p> : null}
          {shown.status === 'failed' ? (
            <p role="alert" className="mb-3 text-sm text-red-700 dark:text-red-300">
              {mt('importFailed', { error: shown.error ?? '' })}
            </p>
          ) : null}
          {shown.status === 'interrupted' ? <p className="mb-3 text-sm text-amber-800 dark:text-amber-300">{mt('importInterrupted')}</p> : null}
          {shown.report ? <ImportReportView report={shown.report as unknown as ImportReport} mt={mt} locale={locale} /> : null}
        </Card>
      ) : null}
      {jobs.length ? (
        <Card id="import-history" title={mt('importHistory')} titleClassName={CARD_TITLE.action}>
          <ul className="space-y-1 text-sm">
            {jobs.map((job) => (
              <li key={job.id}>
                <a href={`/admin/import?job=${job.id}`} className="underline">
                  {job.fileName}
                </a>{' '}
                · {formatDateTime(job.createdAt, locale, settings.timeZone)} · {job.startedBy ?? '—'} · {job.status}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
