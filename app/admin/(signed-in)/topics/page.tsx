import { listTopicsForAdmin, type AdminTopicRowDTO } from '@/db/queries/admin/topics';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { DataTable, EmptyNote, TitleLink, type Column } from '@/components/admin/kit/DataTable';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { TopicFields } from '@/components/admin/forms/TopicFields';
import { adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { topicPath } from '@/domain/urls';
import { createTopicForm } from '../../../../actions/topics';

export const generateMetadata = () => adminPageMetadata('topic:manage', ({ t }) => t('topics'));

/** 专题: the topics with their story counts, and the form for a new one. */
export default async function TopicsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db } = await adminPage('topic:manage');
  const [rows, query] = await Promise.all([listTopicsForAdmin(db), searchParams]);
  const columns: Column<AdminTopicRowDTO>[] = [
    { key: 'title', header: mt('topicName'), cell: (row) => <TitleLink href={`/admin/topics/${row.id}`}>{row.title}</TitleLink> },
    { key: 'path', header: mt('slug'), cellClassName: 'py-2 font-mono text-xs', cell: (row) => topicPath(row) },
    { key: 'stories', header: mt('topicStoryCount'), cell: (row) => row.stories },
    { key: 'state', header: t('status'), cell: (row) => (row.published ? mt('topicStatePublished') : mt('topicStateDraft')) },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t('topics')} />
      <FlashMessage show={query.deleted}>{mt('topicDeleted')}</FlashMessage>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">{mt('topicsIntro')}</p>
      <Card id="topic-list" title={t('topics')} titleClassName={CARD_TITLE.hidden} className="admin-card overflow-x-auto">
        {rows.length ? <DataTable rows={rows} columns={columns} /> : <EmptyNote>{mt('topicsNone')}</EmptyNote>}
      </Card>
      <Card id="new-topic" title={mt('topicNew')}>
        <ActionForm action={createTopicForm} idPrefix="new-topic">
          <TopicFields form="new-topic" mt={mt} />
          <SubmitButton className="admin-button-primary mt-4">{mt('topicCreate')}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
