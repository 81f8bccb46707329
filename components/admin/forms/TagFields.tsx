import type { AdminTagDTO } from '@/db/queries/admin/tags';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import { TextAreaField, TextField } from './Field';

interface Props {
  form: string;
  mt: ManageTranslator;
  /** The tag being edited; absent on create. */
  tag?: AdminTagDTO;
}

/** A tag's fields, the same on the create card of the list and on the tag's own screen. */
export function TagFields({ form, mt, tag }: Props) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField form={form} name="name" label={mt('name')} required maxLength={60} defaultValue={tag?.name} />
      <TextField form={form} name="slug" label={mt('slug')} hint={tag ? mt('tagSlugHintEdit') : mt('slugHintNew')} maxLength={120} defaultValue={tag?.slug} autoCapitalize="none" spellCheck={false} />
      <TextAreaField form={form} name="description" label={mt('description')} maxLength={1000} defaultValue={tag?.description} className="md:col-span-2" />
    </div>
  );
}
