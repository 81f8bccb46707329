import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import type { FormAction } from '@/domain/form-state';

interface Props {
  action: FormAction;
  /** Unique on the page: the form's answer and fields are found by it. */
  idPrefix: string;
  /** Posted as hidden fields with the button (the item's id, the state it moves to…). */
  values: Record<string, string | number>;
  label: React.ReactNode;
  /** The row's name for screen readers, when the same button repeats down a list ("Delete: Sports"). */
  objectName?: string;
  /** Asked before posting: for what cannot be undone. */
  confirmText?: string;
  /** A sentence above the button saying what it does. */
  explain?: React.ReactNode;
}

/** One button that posts a server action about one item, with the answer shown in place. */
export function ButtonForm({ action, idPrefix, values, label, objectName, confirmText, explain }: Props) {
  return (
    <ActionForm action={action} idPrefix={idPrefix} confirmText={confirmText}>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {explain ? <p className="mb-2 text-sm text-neutral-700 dark:text-neutral-300">{explain}</p> : null}
      <SubmitButton className="admin-button">
        {label}
        {objectName ? <span className="sr-only">: {objectName}</span> : null}
      </SubmitButton>
    </ActionForm>
  );
}

interface DeleteProps extends Omit<Props, 'values' | 'confirmText'> {
  id: number;
  confirmText: string;
  /** From an edit screen: the action sends the browser back to the list (`then=list`) once the item is gone. */
  thenList?: boolean;
}

/** Delete with a confirmation first; from a list row or from the item's own screen. */
export function ConfirmDelete({ id, thenList, ...rest }: DeleteProps) {
  return <ButtonForm values={thenList ? { id, then: 'list' } : { id }} {...rest} />;
}
