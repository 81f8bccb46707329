import Link from 'next/link';
import { listUsersForAdmin } from '@/db/queries/admin/users-admin';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField, TextField } from '@/components/admin/forms/Field';
import { managePage } from '@/services/admin/page-context';
import { UserStatus } from '@/components/admin/forms/UserStatus';
import { staffPageMetadata } from '@/services/admin/metadata';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/domain/auth/password-rules';
import { ROLES } from '@/domain/permissions';
import { inviteUserForm } from '../../../../actions/users';

export const generateMetadata = () => staffPageMetadata('user:manage', ({ t }) => t('users'));

export default async function UsersPage() {
  const { t, mt, db } = await managePage('user:manage');
  const people = await listUsersForAdmin(db);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('users')}</h1>
      <section aria-labelledby="user-list" className="admin-card overflow-x-auto">
        <h2 id="user-list" className="sr-only">
          {t('users')}
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-neutral-300 text-xs text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
            <tr>
              <th className="py-2">{mt('name')}</th>
              <th className="py-2">{t('email')}</th>
              <th className="py-2">{mt('role')}</th>
              <th className="py-2">{t('status')}</th>
              <th className="py-2">
                <span className="sr-only">{mt('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((u) => (
              <tr key={u.id} className="border-b border-neutral-200 dark:border-neutral-800">
                <td className="py-2">
                  <Link href={`/admin/users/${u.id}`} className="font-medium hover:underline">
                    {u.name}
                  </Link>
                  {u.isOwner ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">{mt('owner')}</span> : null}
                </td>
                <td className="py-2 break-all">{u.email}</td>
                <td className="py-2">{t(`role_${u.role}`)}</td>
                <td className="py-2">
                  <UserStatus user={u} mt={mt} />
                </td>
                <td className="py-2 text-right">
                  <Link href={`/admin/users/${u.id}`} className="admin-button">
                    {mt('manage')}
                    <span className="sr-only">: {u.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="invite-user" className="admin-card">
        <h2 id="invite-user" className="mb-1 text-lg font-semibold">
          {mt('inviteUser')}
        </h2>
        <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">{mt('inviteExplain')}</p>
        <ActionForm action={inviteUserForm} idPrefix="invite" resetOnSuccess>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField form="invite" name="name" label={mt('name')} required maxLength={100} autoComplete="off" />
            <TextField form="invite" name="email" label={t('email')} type="email" required maxLength={320} autoComplete="off" />
            <SelectField form="invite" name="role" label={mt('role')} defaultValue="author">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role_${role}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              form="invite"
              name="password"
              label={mt('initialPassword')}
              hint={mt('passwordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
              type="password"
              required
              minLength={PASSWORD_MIN}
              maxLength={PASSWORD_MAX}
              autoComplete="new-password"
            />
          </div>
          <SubmitButton className="admin-button-primary mt-4">{mt('createUser')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
