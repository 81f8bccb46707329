import type { AdminSectionDTO } from '@/db/queries/admin/sections';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import type { AdminTranslator } from '@/domain/i18n/admin';
import { SelectField, TextAreaField, TextField } from './Field';
import { SeoFields } from './SeoFields';

interface Props {
  form: string;
  t: AdminTranslator;
  mt: ManageTranslator;
  sections: AdminSectionDTO[];
  /** The section being edited; absent on create. */
  section?: AdminSectionDTO;
}

/** Ids of a section and everything below it: none of them can become its parent. */
function subtreeIds(sections: AdminSectionDTO[], rootId: number): Set<number> {
  const ids = new Set([rootId]);
  for (const s of sections) if (s.parentId !== null && ids.has(s.parentId)) ids.add(s.id);
  return ids;
}

export function SectionFields({ form, t, mt, sections, section }: Props) {
  // `sections` is in tree order, so a parent is always seen before its children.
  const excluded = section ? subtreeIds(sections, section.id) : new Set<number>();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField form={form} name="title" label={t('title')} required maxLength={100} defaultValue={section?.title} />
      <TextField form={form} name="slug" label={mt('slug')} hint={section ? mt('slugHintEdit') : mt('slugHintNew')} maxLength={120} defaultValue={section?.slug} autoCapitalize="none" spellCheck={false} />
      <SelectField form={form} name="parentId" label={mt('parentSection')} defaultValue={section?.parentId ?? ''}>
        <option value="">{mt('noParent')}</option>
        {sections
          .filter((s) => !excluded.has(s.id))
          .map((s) => (
            <option key={s.id} value={s.id}>
              {'— '.repeat(s.depth)}
              {s.title}
            </option>
          ))}
      </SelectField>
      <TextField form={form} name="sortOrder" label={mt('sortOrder')} hint={mt('sortOrderHint')} type="number" inputMode="numeric" step={1} defaultValue={section?.sortOrder ?? 0} />
      <TextAreaField form={form} name="description" label={mt('description')} maxLength={1000} defaultValue={section?.description} className="md:col-span-2" />
      <SeoFields form={form} mt={mt} values={section} className="md:col-span-2" />
    </div>
  );
}
