import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import type { Locale } from '@/domain/i18n/messages';
import { formatNumber } from '@/domain/i18n/format';
import { REPORT_KINDS, type ImportReport } from '@/domain/import/report';

/** What an import did, per kind, with the reasons for what it left out and the images it could not fetch. */
export function ImportReportView({ report, mt, locale }: { report: ImportReport; mt: ManageTranslator; locale: Locale }) {
  const n = (value: number) => formatNumber(value, locale);
  const kinds = REPORT_KINDS.filter((k) => {
    const r = report.kinds[k];
    return r && r.imported + r.updated + r.skipped > 0;
  });
  return (
    <div className="space-y-3 text-sm">
      <table className="w-full text-left" data-testid="import-report">
        <thead>
          <tr className="border-b border-neutral-300 text-xs text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
            <th className="py-1 pr-3">{mt('importKind')}</th>
            <th className="py-1 pr-3 text-right">{mt('importImported')}</th>
            <th className="py-1 pr-3 text-right">{mt('importUpdated')}</th>
            <th className="py-1 text-right">{mt('importSkipped')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k} data-kind={k} className="border-b border-neutral-200 dark:border-neutral-800">
              <th scope="row" className="py-1 pr-3 font-normal">
                {mt(`importKind_${k}`)}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">{n(report.kinds[k].imported)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{n(report.kinds[k].updated)}</td>
              <td className="py-1 text-right tabular-nums">{n(report.kinds[k].skipped)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{mt('importRedirectCount', { count: n(report.redirects) })}</p>
      {report.media.failed.length ? (
        <details>
          <summary>{mt('importMediaFailed', { count: n(report.media.failed.length) })}</summary>
          <ul className="mt-1 space-y-1 break-all font-mono text-xs">
            {report.media.failed.map((f) => (
              <li key={f.url}>
                {f.url} — {f.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {kinds.some((k) => report.kinds[k].skippedList.length) ? (
        <details>
          <summary>{mt('importSkippedWhy')}</summary>
          <ul className="mt-1 space-y-1 text-xs">
            {kinds.flatMap((k) =>
              report.kinds[k].skippedList.map((line) => (
                <li key={`${k}-${line.id}`}>
                  {mt(`importKind_${k}`)} #{line.id}: {line.text}
                </li>
              )),
            )}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
