import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTopicForEdit } from '@/db/queries/admin/topics';
import { ConfirmDelete } from '@/components/admin/kit/ButtonForm';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { TopicFields } from '@/components/admin/forms/TopicFields';
import { idOr404, adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { topicPath } from '@/domain/urls';
import { deleteTopicForm, saveTopicForm } from '../../../../../actions/topics';

export const generateMetadata = () => adminPageMetadata('topic:manage', ({ t }) => t('topics'));

/** One topic: its fields, its stories in order (as ids, with their titles beside), delete. */
export default async function EditTopicPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db } = await adminPage('topic:manage');
  const id = idOr404((await params).id);
  const [topic, query] = await Promise.all([getTopicForEdit(db, id), searchParams]);
  if (!topic) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title={topic.title} back={{ href: '/admin/topics', label: t('topics'), navLabel: mt('breadcrumb') }} />
      <FlashMessage show={query.created}>{mt('topicSaved')}</FlashMessage>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        {topic.published ? (
          <Link href={topicPath(topic)} className="font-mono underline">
            {topicPath(topic)}
          </Link>
        ) : (
          mt('topicStateDraft')
        )}
      </p>
      <Card id="edit-topic" title={t('edit')} titleClassName={CARD_TITLE.hidden}>
        <ActionForm action={saveTopicForm} idPrefix="topic">
          <input type="hidden" name="id" value={topic.id} />
          <TopicFields form="topic" mt={mt} topic={topic} />
          <SubmitButton className="admin-button-primary mt-4">{t('save')}</SubmitButton>
        </ActionForm>
      </Card>
      <Card id="topic-stories" title={mt('topicStories')} titleClassName={CARD_TITLE.action}>
        {topic.stories.length ? (
          <ol className="list-decimal space-y-1 pl-6 text-sm" data-testid="topic-stories">
            {topic.stories.map((story) => (
              <li key={story.id}>
                <Link href={`/admin/articles/${story.id}`} className="underline">
                  {story.title}
                </Link>{' '}
                <span className="text-neutral-600 dark:text-neutral-400">
                  #{story.id} · {t(`status_${story.status as 'draft'}`)}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm">{mt('topicNoStories')}</p>
        )}
      </Card>
      <Card id="delete-topic" title={mt('topicDelete')} titleClassName={CARD_TITLE.action} intro={mt('topicDeleteExplain')}>
        <ConfirmDelete action={deleteTopicForm} idPrefix="delete-topic" id={topic.id} thenList confirmText={mt('topicConfirmDelete', { name: topic.title })} label={mt('delete')} />
      </Card>
    </div>
  );
}
