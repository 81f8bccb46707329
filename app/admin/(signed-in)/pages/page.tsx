import Link from 'next/link';
import { listPagesForAdmin, type AdminPageRowDTO } from '@/db/queries/admin/pages';
import { ButtonForm, ConfirmDelete } from '@/components/admin/kit/ButtonForm';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { actionsColumn, DataTable, EmptyNote, TitleLink, type Column } from '@/components/admin/kit/DataTable';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { RowActions, RowLink } from '@/components/admin/kit/RowActions';
import { StatusBadge } from '@/components/admin/kit/StatusBadge';
import { adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { formatDateTime } from '@/domain/i18n/format';
import { getSettings } from '@/services/reader';
import { pagePath } from '@/domain/urls';
import { deletePageForm, setPageStatusForm } from '../../../../actions/pages';

export const generateMetadata = () => adminPageMetadata('page:manage', ({ t }) => t('pages'));

export default async function PagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, locale, db } = await adminPage('page:manage');
  const [pages, settings, params] = await Promise.all([listPagesForAdmin(db), getSettings(), searchParams]);
  const columns: Column<AdminPageRowDTO>[] = [
    { key: 'title', header: t('title'), cell: (p) => <TitleLink href={`/admin/pages/${p.id}`}>{p.title}</TitleLink> },
    {
      key: 'address',
      header: mt('address'),
      cellClassName: 'py-2 font-mono text-xs',
      // A draft has no live page to link to yet.
      cell: (p) =>
        p.status === 'published' ? (
          <Link href={pagePath(p)} className="underline">
            {pagePath(p)}
          </Link>
        ) : (
          pagePath(p)
        ),
    },
    { key: 'status', header: t('status'), cell: (p) => <StatusBadge>{t(`status_${p.status}`)}</StatusBadge> },
    {
      key: 'updated',
      header: t('updated'),
      headerClassName: 'hidden py-2 md:table-cell',
      cellClassName: 'hidden whitespace-nowrap py-2 md:table-cell',
      cell: (p) => formatDateTime(p.updatedAt, locale, settings.timeZone),
    },
    actionsColumn(mt('actions'), (p) => (
      <RowActions>
        <RowLink href={`/admin/pages/${p.id}`} label={t('edit')} name={p.title} />
        <ButtonForm
          action={setPageStatusForm}
          idPrefix={`status-page-${p.id}`}
          values={{ id: p.id, status: p.status === 'published' ? 'draft' : 'published' }}
          label={p.status === 'published' ? mt('unpublish') : mt('publish')}
          objectName={p.title}
        />
        <ConfirmDelete action={deletePageForm} idPrefix={`delete-page-${p.id}`} id={p.id} confirmText={mt('confirmDelete', { name: p.title })} label={mt('delete')} objectName={p.title} />
      </RowActions>
    )),
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t('pages')} action={{ href: '/admin/pages/new', label: mt('newPage') }} />
      <FlashMessage show={params.deleted}>{mt('deleted')}</FlashMessage>
      <Card id="page-list" title={t('pages')} titleClassName={CARD_TITLE.hidden} className="admin-card overflow-x-auto">
        <DataTable rows={pages} columns={columns} empty={<EmptyNote>{t('nothingHere')}</EmptyNote>} />
      </Card>
    </div>
  );
}
