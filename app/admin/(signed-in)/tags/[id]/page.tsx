import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTagForManage, listTagChoices } from '@/db/queries/admin/tags';
import { ConfirmDelete } from '@/components/admin/kit/ButtonForm';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField } from '@/components/admin/forms/Field';
import { idOr404, adminPage } from '@/services/admin/page-context';
import { TagFields } from '@/components/admin/forms/TagFields';
import { adminPageMetadata } from '@/services/admin/metadata';
import { tagPath } from '@/domain/urls';
import { deleteTagForm, mergeTagsForm, updateTagForm } from '../../../../../actions/tags';

export const generateMetadata = () => adminPageMetadata('tag:manage', ({ t }) => t('tags'));

export default async function EditTagPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db } = await adminPage('tag:manage');
  const id = idOr404((await params).id);
  const [tag, choices, query] = await Promise.all([getTagForManage(db, id), listTagChoices(db), searchParams]);
  if (!tag) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title={mt('editTag', { name: tag.name })} back={{ href: '/admin/tags', label: t('tags'), navLabel: mt('breadcrumb') }} />
      <FlashMessage show={query.merged}>{mt('merged')}</FlashMessage>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        {mt('tagUsage', { count: tag.articleCount })} ·{' '}
        <Link href={tagPath(tag)} className="font-mono underline">
          {tagPath(tag)}
        </Link>
      </p>
      <Card id="edit-tag" title={t('edit')} titleClassName={CARD_TITLE.hidden}>
        <ActionForm action={updateTagForm} idPrefix="tag">
          <input type="hidden" name="id" value={tag.id} />
          <TagFields form="tag" mt={mt} tag={tag} />
          <SubmitButton className="admin-button-primary mt-4">{t('save')}</SubmitButton>
        </ActionForm>
      </Card>
      <Card id="merge-tag" title={mt('mergeTag')} titleClassName={CARD_TITLE.action} intro={mt('mergeExplain', { name: tag.name })}>
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
      </Card>
      <Card id="delete-tag" title={mt('deleteTag')} titleClassName={CARD_TITLE.action} intro={mt('deleteTagExplain', { count: tag.articleCount })}>
        <ConfirmDelete
          action={deleteTagForm}
          idPrefix="delete-tag"
          id={tag.id}
          thenList
          confirmText={mt('confirmDeleteTag', { name: tag.name, count: tag.articleCount })}
          label={mt('delete')}
        />
      </Card>
    </div>
  );
}
