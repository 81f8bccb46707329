import { PASSWORD_MAX, PASSWORD_MIN } from '@/domain/auth/password-rules';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import { TextField } from './Field';

interface Props {
  form: string;
  name: string;
  label: string;
  mt: ManageTranslator;
  /** May be left empty (an invitation by mail sets it instead). */
  optional?: boolean;
}

/** A password being set (invite, reset, change): the length rule is said and enforced by the browser too. */
export function NewPasswordField({ form, name, label, mt, optional }: Props) {
  return (
    <TextField
      form={form}
      name={name}
      label={label}
      hint={mt('passwordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
      type="password"
      required={!optional}
      minLength={PASSWORD_MIN}
      maxLength={PASSWORD_MAX}
      autoComplete="new-password"
    />
  );
}
