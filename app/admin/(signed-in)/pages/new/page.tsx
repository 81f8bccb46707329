import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { adminPage } from '@/services/admin/page-context';
import { PageFields } from '@/components/admin/forms/PageFields';
import { createPageForm } from '../../../../../actions/pages';
import { adminPageMetadata } from '@/services/admin/metadata';

export const generateMetadata = () => adminPageMetadata('page:manage', ({ mt }) => mt('newPage'));

export default async function NewPagePage() {
  const { t, mt, locale } = await adminPage('page:manage');
  return (
    <div className="space-y-6">
      <PageHeader title={mt('newPage')} back={{ href: '/admin/pages', label: t('pages'), navLabel: mt('breadcrumb') }} />
      <ActionForm action={createPageForm} idPrefix="page" className="admin-card" messagesAtEnd>
        <PageFields form="page" t={t} mt={mt} locale={locale} />
        <p className="mt-3 text-xs text-neutral-600 dark:text-neutral-400">{mt('newPageNote')}</p>
        <SubmitButton className="admin-button-primary mt-4">{mt('createDraft')}</SubmitButton>
      </ActionForm>
    </div>
  );
}
