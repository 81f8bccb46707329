import type { AdminRedirectDTO } from '@/db/queries/admin/redirects';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import { REDIRECT_PATH_MAX, REDIRECT_TARGET_MAX } from '@/domain/validation/redirect';
import { SelectField, TextField } from './Field';

interface Props {
  form: string;
  mt: ManageTranslator;
  /** The redirect being edited; absent on create. */
  redirect?: AdminRedirectDTO;
}

/** A redirect's fields, the same on the create card of the list and on the redirect's own screen. */
export function RedirectFields({ form, mt, redirect }: Props) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField form={form} name="fromPath" label={mt('redirectFrom')} hint={mt('redirectFromHint')} required maxLength={REDIRECT_PATH_MAX} defaultValue={redirect?.fromPath} autoCapitalize="none" spellCheck={false} className="font-mono" />
      <TextField form={form} name="toPath" label={mt('redirectTo')} hint={mt('redirectToHint')} required maxLength={REDIRECT_TARGET_MAX} defaultValue={redirect?.toPath} autoCapitalize="none" spellCheck={false} className="font-mono" />
      <SelectField form={form} name="statusCode" label={mt('redirectStatus')} defaultValue={String(redirect?.statusCode ?? 301)}>
        <option value="301">{mt('redirectPermanent')}</option>
        <option value="302">{mt('redirectTemporary')}</option>
      </SelectField>
    </div>
  );
}
