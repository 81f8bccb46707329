/**
 * What an import did, per kind of record: how many came in new, how many were updated, and each
 * one left out with its source id and the reason; plus the files that could not be fetched (their
 * old URLs are kept in the stories) and what the old site had that Gazette does not keep.
 */

export const REPORT_KINDS = ['author', 'category', 'tag', 'post', 'page', 'attachment', 'other'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Long lists are cut here in the report; the counts stay exact. */
export const REPORT_LIST_LIMIT = 1000;

export interface ReportLine {
  id: string;
  text: string;
}

export interface KindReport {
  imported: number;
  updated: number;
  skipped: number;
  /** Skips by reason, for the summary ("already imported, unchanged: 4,998"). */
  skippedBecause: Record<string, number>;
  skippedList: ReportLine[];
  notes: ReportLine[];
}

export interface ImportReport {
  site: string;
  dryRun: boolean;
  kinds: Record<ReportKind, KindReport>;
  redirects: number;
  media: { fetched: number; reused: number; failed: { url: string; reason: string; sourceIds: string[] }[] };
  /** Approved comments on the imported stories and pages: Gazette has no comments, so they are counted, not kept. */
  approvedComments: number;
  /** Images in imported bodies without alt text (the editor asks for it at the next save). */
  imagesWithoutAlt: number;
}

export function emptyReport(site: string, dryRun: boolean): ImportReport {
  const kinds = Object.fromEntries(REPORT_KINDS.map((k) => [k, { imported: 0, updated: 0, skipped: 0, skippedBecause: {}, skippedList: [], notes: [] }])) as unknown as Record<ReportKind, KindReport>;
  return { site, dryRun, kinds, redirects: 0, media: { fetched: 0, reused: 0, failed: [] }, approvedComments: 0, imagesWithoutAlt: 0 };
}

/** Skips that are the import working as meant (a second run), not something to look at. */
const ROUTINE = /^(already imported|already in the library|matched the existing)/;

export function countOutcome(report: ImportReport, kind: ReportKind, id: string, outcome: 'imported' | 'updated' | 'skipped', text?: string): void {
  const entry = report.kinds[kind];
  entry[outcome]++;
  if (outcome === 'skipped') {
    // Free text (a failure's message) would make a key per record: only the reason's first clause counts.
    const reason = (text ?? '').split(':')[0]!.slice(0, 100);
    if (reason in entry.skippedBecause || Object.keys(entry.skippedBecause).length < 100) entry.skippedBecause[reason] = (entry.skippedBecause[reason] ?? 0) + 1;
  }
  // Records a second run finds already there are only counted: the list keeps room for the others.
  if (outcome === 'skipped' && !ROUTINE.test(text ?? '') && entry.skippedList.length < REPORT_LIST_LIMIT) entry.skippedList.push({ id, text: text ?? '' });
  else if (outcome !== 'skipped' && text && entry.notes.length < REPORT_LIST_LIMIT) entry.notes.push({ id, text });
}

export function noteFailedMedia(report: ImportReport, url: string, reason: string, sourceId: string): void {
  const known = report.media.failed.find((f) => f.url === url);
  if (known) {
    if (!known.sourceIds.includes(sourceId) && known.sourceIds.length < 50) known.sourceIds.push(sourceId);
  } else if (report.media.failed.length < REPORT_LIST_LIMIT) report.media.failed.push({ url, reason, sourceIds: [sourceId] });
}

const LABELS: Record<ReportKind, string> = { author: 'Authors', category: 'Categories → sections', tag: 'Tags', post: 'Posts → stories', page: 'Pages', attachment: 'Attachments → media', other: 'Other records' };

/** The report as plain text, for the command line. */
export function formatReport(report: ImportReport): string {
  const out: string[] = [`WordPress import from ${report.site}${report.dryRun ? ' (dry run: nothing was written)' : ''}`, ''];
  const verb = report.dryRun ? 'would import' : 'imported';
  for (const kind of REPORT_KINDS) {
    const k = report.kinds[kind];
    if (!k.imported && !k.updated && !k.skipped) continue;
    out.push(`${LABELS[kind]}: ${k.imported} ${verb}, ${k.updated} updated, ${k.skipped} skipped`);
    // What a second run skips because it is already there is a count; anything else is listed by id.
    const routine = Object.entries(k.skippedBecause).filter(([reason]) => ROUTINE.test(reason));
    for (const [reason, n] of routine) out.push(`  skipped, ${reason}: ${n}`);
    for (const line of k.skippedList) out.push(`  skipped #${line.id}: ${line.text}`);
    const unlisted = k.skipped - k.skippedList.length - routine.reduce((sum, [, n]) => sum + n, 0);
    if (unlisted > 0) out.push(`  … and ${unlisted} more`);
    for (const line of k.notes) out.push(`  note #${line.id}: ${line.text}`);
  }
  out.push('', `Redirects from old addresses: ${report.redirects}`);
  out.push(`Media: ${report.media.fetched} fetched, ${report.media.reused} already in the library, ${report.media.failed.length} could not be fetched`);
  for (const f of report.media.failed) out.push(`  ${f.url}: ${f.reason} (kept as a link in #${f.sourceIds.join(', #')})`);
  if (report.approvedComments) out.push(`Approved comments not imported (Gazette has no comments): ${report.approvedComments}`);
  if (report.imagesWithoutAlt) out.push(`Images without alt text: ${report.imagesWithoutAlt} (the editor asks for it at the next save)`);
  return out.join('\n');
}
