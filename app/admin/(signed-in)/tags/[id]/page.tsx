import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTagForManage, listTagChoices } from '@/db/queries/admin/tags';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField, TextAreaField, TextField } from '@/components/admin/forms/Field';
import { idOr404, managePage } from '@/services/admin/page-context';
import { staffPageMetadata } from '@/services/admin/metadata';
import { tagPath } from '@/domain/urls';
import { deleteTagForm, mergeTagsForm, updateTagForm } from '../../../../../actions/tags';

export const generateMetadata = () => staffPageMetadata('tag:manage', ({ t }) => t('tags'));

export default async function EditTagPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db } = await managePage('tag:manage');
  const id = idOr404((await params).id);
  const [tag, choices, query] = await Promise.all([getTagForManage(db, id), listTagChoices(db), searchParams]);
  if (!tag) notFound();
  return (
    <div className="space-y-6">
      <nav aria-label={mt('breadcrumb')} className="text-sm">
        <Link href="/admin/tags" className="underline">
          {t('tags')}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{mt('editTag', { name: tag.name })}</h1>
      {query.merged ? (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          ✓ {mt('merged')}
        </p>
      ) : null}
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        {mt('tagUsage', { count: tag.articleCount })} ·{' '}
        <Link href={tagPath(tag)} className="font-mono underline">
          {tagPath(tag)}
        </Link>
      </p>
      <section aria-labelledby="edit-tag" className="admin-card">
        <h2 id="edit-tag" className="sr-only">
          {t('edit')}
        </h2>
        <ActionForm action={updateTagForm} idPrefix="tag">
          <input type="hidden" name="id" value={tag.id} />
          <div className="grid gap-4 md:grid-cols-2">
            <TextField form="tag" name="name" label={mt('name')} required maxLength={60} defaultValue={tag.name} />
            <TextField form="tag" name="slug" label={mt('slug')} hint={mt('tagSlugHintEdit')} maxLength={120} defaultValue={tag.slug} autoCapitalize="none" spellCheck={false} />
            <TextAreaField form="tag" name="description" label={mt('description')} maxLength={1000} defaultValue={tag.description} className="md:col-span-2" />
          </div>
          <SubmitButton className="admin-button-primary mt-4">{t('save')}</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="merge-tag" className="admin-card">
        <h2 id="merge-tag" className="mb-2 font-semibold">
          {mt('mergeTag')}
        </h2>
        <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">{mt('mergeExplain', { name: tag.name })}</p>
        <ActionForm action={mergeTagsForm} idPrefix="merge" confirmText={mt('confirmMerge', { name: tag.name })} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="sourceId" value={tag.id} />
          <SelectField form="merge" name="targetId" label={mt('mergeInto')} required defaultValue="">
            <option value="" disabled>
              {mt('chooseTag')}
            </option>
            {choices
              .filter((c) => c.id !== tag.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </SelectField>
          <SubmitButton className="admin-button">{mt('merge')}</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="delete-tag" className="admin-card">
        <h2 id="delete-tag" className="mb-2 font-semibold">
          {mt('deleteTag')}
        </h2>
        <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">{mt('deleteTagExplain', { count: tag.articleCount })}</p>
        <ActionForm action={deleteTagForm} idPrefix="delete-tag" confirmText={mt('confirmDeleteTag', { name: tag.name, count: tag.articleCount })}>
          <input type="hidden" name="id" value={tag.id} />
          <input type="hidden" name="then" value="list" />
          <SubmitButton className="admin-button">{mt('delete')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
