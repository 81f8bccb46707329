import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getRevisionSnapshot, listRevisions, type RevisionRowDTO } from '@/db/queries/admin/article-admin';
import type { ArticleSnapshot } from '@/db/queries/admin/article-current';
import { getArticleForEdit } from '@/db/queries/admin/article-for-edit';
import { listStaff } from '@/db/queries/admin/users';
import { articleIdOr404 } from '@/components/admin/editor/article-param';
import { DiffText } from '@/components/admin/editor/DiffText';
import { FIELD_LABELS } from '@/components/admin/editor/merge-fields';
import { RestoreRevisionButton } from '@/components/admin/editor/RestoreRevisionButton.client';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { actionsColumn, DataTable } from '@/components/admin/kit/DataTable';
import { adminLocale } from '@/services/admin/locale';
import { adminPageMetadata } from '@/services/admin/metadata';
import { requirePageUser } from '@/services/auth/session';
import { ActionError } from '@/domain/errors';
import { editorT, type EditorKey } from '@/domain/i18n/admin-editor';
import { formatDateTime } from '@/domain/i18n/format';
import { getSections, getSettings } from '@/services/reader';
import { diffSnapshots, type DiffField } from '@/domain/revision-diff';
import { renderRichText, richTextToPlainText } from '@/domain/rich-text/render';

/** The revision list's cells keep apart from their neighbours. */
const WIDE = { headerClassName: 'py-2 pr-3', cellClassName: 'py-2 pr-3' };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ rev?: string | string[] }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { ...(await adminPageMetadata(null, ({ et }) => et('revisions'))), robots: { index: false } };
}

async function snapshotOr404(...args: Parameters<typeof getRevisionSnapshot>): Promise<ArticleSnapshot> {
  try {
    return await getRevisionSnapshot(...args);
  } catch (error) {
    if (error instanceof ActionError && error.status === 404) notFound();
    throw error;
  }
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const id = articleIdOr404((await params).id);
  const rawRev = (await searchParams).rev;
  const revisionId = typeof rawRev === 'string' && /^\d{1,9}$/.test(rawRev) ? Number(rawRev) : null;
  const db = await getDb();
  const article = await getArticleForEdit(db, user, id);
  if (!article) notFound();
  const [locale, settings, revisions, sections, staff, snapshot] = await Promise.all([
    adminLocale(user),
    getSettings(),
    listRevisions(db, user, id),
    getSections(),
    listStaff(db),
    revisionId ? snapshotOr404(db, user, id, revisionId) : Promise.resolve(null),
  ]);
  const t = editorT(locale);
  const when = (iso: string) => formatDateTime(iso, locale, settings.timeZone);
  const fieldLabel = (field: string) => (field in FIELD_LABELS ? t(FIELD_LABELS[field as DiffField]) : field);
  const kindLabel = (kind: string) => (['save', 'autosave', 'publish', 'restore'].includes(kind) ? t(`kind_${kind}` as EditorKey) : kind);
  const selected = revisions.find((r) => r.id === revisionId) ?? null;
  const diffs = snapshot
    ? diffSnapshots(snapshot, article.values, {
        bodyText: richTextToPlainText,
        sectionName: (sectionId) => sections.find((s) => s.id === sectionId)?.title,
        authorName: (userId) => staff.find((s) => s.id === userId)?.name,
      }).filter((d) => d.changed)
    : [];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold" dir="auto">
          {t('revisionsTitle', { title: article.values.title || t('untitled') })}
        </h1>
        <Link href={`/admin/articles/${id}`} className="admin-button">
          {t('backToEditor')}
        </Link>
      </div>

      <Card id="revision-list-heading" title={t('revisions')} titleClassName={CARD_TITLE.hidden} className="admin-card overflow-x-auto">
        <DataTable
          rows={revisions}
          headClassName="border-b border-neutral-300 dark:border-neutral-700"
          rowClassName="border-b border-neutral-200 align-top dark:border-neutral-800"
          isCurrent={(r) => r.id === revisionId}
          empty={<p>{t('noRevisions')}</p>}
          columns={[
            { key: 'version', header: t('colVersion'), ...WIDE, cell: (r) => `v${r.version}` },
            { key: 'time', header: t('colTime'), headerClassName: WIDE.headerClassName, cellClassName: 'py-2 pr-3 whitespace-nowrap', cell: (r) => <time dateTime={r.updatedAt}>{when(r.updatedAt)}</time> },
            { key: 'author', header: t('colAuthor'), ...WIDE, cell: (r) => r.authorName ?? t('unknownAuthor') },
            { key: 'kind', header: t('colKind'), ...WIDE, cell: (r) => kindLabel(r.kind) },
            { key: 'changed', header: t('colChanged'), ...WIDE, cell: (r) => r.changedFields.map(fieldLabel).join(locale === 'zh-CN' ? '、' : ', ') },
            actionsColumn<RevisionRowDTO>(t('view'), (r) =>
              r.id === revisionId ? (
                <span className="font-medium">{t('viewing')}</span>
              ) : (
                <Link href={`/admin/articles/${id}/revisions?rev=${r.id}`} className="text-emerald-800 underline dark:text-emerald-300">
                  {t('view')}
                  <span className="sr-only"> v{r.version}</span>
                </Link>
              ),
            ),
          ]}
        />
      </Card>

      {selected && snapshot ? (
        <section aria-labelledby="revision-heading" className="space-y-4">
          <h2 id="revision-heading" className="text-xl font-semibold">
            {t('revisionHeading', { version: selected.version, time: when(selected.updatedAt), author: selected.authorName ?? t('unknownAuthor') })}
          </h2>
          {article.permissions.edit ? (
            <RestoreRevisionButton
              key={selected.id}
              articleId={id}
              revisionId={selected.id}
              baseVersion={article.version}
              labels={{ restore: t('restoreRevision'), confirm: t(article.status === 'published' ? 'restoreConfirmLive' : 'restoreConfirm'), restored: t('restored'), failed: t('errorNetwork') }}
            />
          ) : null}
          <div className="admin-card space-y-3">
            <h3 className="font-semibold">{t('diffHeading')}</h3>
            <p className="text-xs text-neutral-700 dark:text-neutral-300">{t('diffLegend')}</p>
            {diffs.length ? (
              <dl className="space-y-3">
                {diffs.map((d) => (
                  <div key={d.field}>
                    <dt className="text-sm font-medium">{fieldLabel(d.field)}</dt>
                    <dd>
                      {d.formattingOnly ? (
                        <p className="text-sm">{t('formattingOnly')}</p>
                      ) : (
                        <DiffText parts={d.parts} insertedLabel={t('inserted')} deletedLabel={t('deleted')} className="text-sm" />
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p>{t('noDiff')}</p>
            )}
          </div>
          <div className="admin-card">
            <h3 className="mb-2 font-semibold">{t('revisionBody')}</h3>
            <p className="mb-3 text-xl font-bold" dir="auto">
              {snapshot.title}
            </p>
            <div className="article-body" lang={article.locale} dangerouslySetInnerHTML={{ __html: renderRichText(snapshot.body, { locale: article.locale }) }} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
