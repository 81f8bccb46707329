import { listUsersForAdmin, type AdminUserRowDTO } from '@/db/queries/admin/users-admin';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { actionsColumn, DataTable, TitleLink, type Column } from '@/components/admin/kit/DataTable';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { RowLink } from '@/components/admin/kit/RowActions';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField, TextField } from '@/components/admin/forms/Field';
import { NewPasswordField } from '@/components/admin/forms/NewPasswordField';
import { adminPage } from '@/services/admin/page-context';
import { RoleGuide } from '@/components/admin/forms/RoleGuide';
import { RoleOptions } from '@/components/admin/forms/RoleOptions';
import { UserStatus } from '@/components/admin/forms/UserStatus';
import { adminPageMetadata } from '@/services/admin/metadata';
import { inviteUserForm } from '../../../../actions/users';
import { listApiTokens } from '@/db/queries/admin/api-tokens';
import { ApiTokenList } from '@/components/admin/ApiTokenList';
import { getSettings } from '@/services/reader';
import { can } from '@/domain/permissions';
import { mailEnabled } from '@/domain/env';

export const generateMetadata = () => adminPageMetadata('user:manage', ({ t }) => t('users'));

export default async function UsersPage() {
  const { user, t, mt, db, locale } = await adminPage('user:manage');
  const mayRevoke = can(user.role, 'api-token:revoke-any');
  const byMail = mailEnabled();
  const [people, tokens, settings] = await Promise.all([listUsersForAdmin(db), mayRevoke ? listApiTokens(db) : [], getSettings()]);
  const columns: Column<AdminUserRowDTO>[] = [
    {
      key: 'name',
      header: mt('name'),
      cell: (u) => (
        <>
          <TitleLink href={`/admin/users/${u.id}`}>{u.name}</TitleLink>
          {u.isOwner ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">{mt('owner')}</span> : null}
        </>
      ),
    },
    { key: 'email', header: t('email'), cellClassName: 'py-2 break-all', cell: (u) => u.email },
    { key: 'role', header: mt('role'), cell: (u) => t(`role_${u.role}`) },
    { key: 'status', header: t('status'), cell: (u) => <UserStatus user={u} mt={mt} /> },
    actionsColumn(mt('actions'), (u) => <RowLink href={`/admin/users/${u.id}`} label={mt('manage')} name={u.name} />, 'py-2 text-right'),
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t('users')} />
      <Card id="user-list" title={t('users')} titleClassName={CARD_TITLE.hidden} className="admin-card overflow-x-auto">
        <DataTable rows={people} columns={columns} />
      </Card>
      <Card id="invite-user" title={mt('inviteUser')} titleClassName="mb-1 text-lg font-semibold" intro={mt(byMail ? 'inviteExplainMail' : 'inviteExplain')}>
        <ActionForm action={inviteUserForm} idPrefix="invite" resetOnSuccess>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField form="invite" name="name" label={mt('name')} required maxLength={100} autoComplete="off" />
            <TextField form="invite" name="email" label={t('email')} type="email" required maxLength={320} autoComplete="off" />
            <SelectField form="invite" name="role" label={mt('role')} defaultValue="author">
              <RoleOptions t={t} />
            </SelectField>
            <NewPasswordField form="invite" name="password" label={mt(byMail ? 'initialPasswordOptional' : 'initialPassword')} mt={mt} optional={byMail} />
          </div>
          <RoleGuide t={t} />
          <SubmitButton className="admin-button-primary mt-4">{mt('createUser')}</SubmitButton>
        </ActionForm>
      </Card>
      {mayRevoke ? (
        <Card id="all-api-tokens" title={mt('apiTokensAll')} titleClassName="mb-1 text-lg font-semibold" className="admin-card overflow-x-auto">
          <ApiTokenList tokens={tokens} mt={mt} locale={locale} timeZone={settings.timeZone} showOwner />
        </Card>
      ) : null}
    </div>
  );
}
