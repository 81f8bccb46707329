import type { ApiTokenDTO } from '@/db/queries/admin/api-tokens';
import { DataTable, EmptyNote, type Column } from '@/components/admin/kit/DataTable';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import type { Locale } from '@/domain/i18n/messages';
import { formatDateTime } from '@/domain/i18n/format';
import { revokeApiTokenForm } from '@/actions/api-tokens';

interface Props {
  tokens: ApiTokenDTO[];
  mt: ManageTranslator;
  locale: Locale;
  timeZone: string;
  /** The users page shows whose each token is. */
  showOwner?: boolean;
}

/** Personal API tokens: what identifies each (never the secret), its dates, and a revoke button. */
export function ApiTokenList({ tokens, mt, locale, timeZone, showOwner }: Props) {
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso, locale, timeZone)}</time> : mt('apiTokenNever'));
  const columns: (Column<ApiTokenDTO> | null)[] = [
    { key: 'name', header: mt('apiTokenName'), cell: (tk) => tk.name },
    showOwner ? { key: 'owner', header: mt('apiTokenOwner'), cell: (tk) => tk.userName } : null,
    { key: 'prefix', header: mt('apiTokenPrefix'), cell: (tk) => <code>{tk.prefix}…</code> },
    { key: 'created', header: mt('apiTokenCreatedAt'), cellClassName: 'whitespace-nowrap py-2', cell: (tk) => when(tk.createdAt) },
    { key: 'expires', header: mt('apiTokenExpires'), cellClassName: 'whitespace-nowrap py-2', cell: (tk) => (tk.expiresAt ? when(tk.expiresAt) : '—') },
    { key: 'used', header: mt('apiTokenLastUsed'), cellClassName: 'whitespace-nowrap py-2', cell: (tk) => when(tk.lastUsedAt) },
    {
      key: 'revoke',
      header: mt('actions'),
      cell: (tk) =>
        tk.revokedAt ? (
          mt('apiTokenRevokedState')
        ) : (
          <ActionForm action={revokeApiTokenForm} idPrefix={`revoke-token-${tk.id}`} confirmText={mt('apiTokenRevokeConfirm')}>
            <input type="hidden" name="id" value={tk.id} />
            <SubmitButton className="admin-button">{mt('apiTokenRevoke')}</SubmitButton>
          </ActionForm>
        ),
    },
  ];
  return <DataTable rows={tokens} columns={columns} empty={<EmptyNote>{mt('apiTokenNone')}</EmptyNote>} />;
}
