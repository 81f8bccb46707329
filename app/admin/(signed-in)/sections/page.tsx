import Link from 'next/link';
import { listSectionsForAdmin } from '@/db/queries/admin/sections';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { managePage } from '@/services/admin/page-context';
import { SectionFields } from '@/components/admin/forms/SectionFields';
import { staffPageMetadata } from '@/services/admin/metadata';
import { sectionPath } from '@/domain/urls';
import { createSectionForm, deleteSectionForm } from '../../../../actions/sections';

export const generateMetadata = () => staffPageMetadata('section:manage', ({ t }) => t('sections'));

export default async function SectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db } = await managePage('section:manage');
  const [sections, params] = await Promise.all([listSectionsForAdmin(db), searchParams]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('sections')}</h1>
      {params.deleted ? (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          ✓ {mt('deleted')}
        </p>
      ) : null}
      <section aria-labelledby="sections-list" className="admin-card overflow-x-auto">
        <h2 id="sections-list" className="sr-only">
          {mt('sectionTree')}
        </h2>
        {sections.length ? (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-neutral-300 text-xs text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
              <tr>
                <th className="py-2">{t('title')}</th>
                <th className="py-2">{mt('address')}</th>
                <th className="py-2 text-right">{mt('sortOrder')}</th>
                <th className="py-2 text-right">{t('articles')}</th>
                <th className="py-2">
                  <span className="sr-only">{mt('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sections.map((s) => (
                <tr key={s.id} className="border-b border-neutral-200 dark:border-neutral-800">
                  <td className="py-2" style={{ paddingInlineStart: `${s.depth * 1.5}rem` }}>
                    {s.depth ? <span aria-hidden="true">└ </span> : null}
                    <Link href={`/admin/sections/${s.id}`} className="font-medium hover:underline">
                      {s.title}
                    </Link>
                  </td>
                  <td className="py-2">
                    <Link href={sectionPath(s)} className="font-mono text-xs underline">
                      {sectionPath(s)}
                    </Link>
                  </td>
                  <td className="py-2 text-right tabular-nums">{s.sortOrder}</td>
                  <td className="py-2 text-right tabular-nums">{s.articleCount}</td>
                  <td className="py-2">
                    <div className="flex justify-end gap-2">
                      <Link href={`/admin/sections/${s.id}`} className="admin-button">
                        {t('edit')}
                        <span className="sr-only">: {s.title}</span>
                      </Link>
                      {s.articleCount === 0 && s.childCount === 0 ? (
                        <ActionForm action={deleteSectionForm} idPrefix={`delete-section-${s.id}`} confirmText={mt('confirmDelete', { name: s.title })}>
                          <input type="hidden" name="id" value={s.id} />
                          <SubmitButton className="admin-button">
                            {mt('delete')}
                            <span className="sr-only">: {s.title}</span>
                          </SubmitButton>
                        </ActionForm>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">{t('nothingHere')}</p>
        )}
      </section>
      <section aria-labelledby="new-section" className="admin-card">
        <h2 id="new-section" className="mb-3 text-lg font-semibold">
          {mt('newSection')}
        </h2>
        <ActionForm action={createSectionForm} idPrefix="new-section" resetOnSuccess>
          <SectionFields form="new-section" t={t} mt={mt} sections={sections} />
          <SubmitButton className="admin-button-primary mt-4">{mt('create')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
