import type { EditablePageDTO } from '@/db/queries/admin/pages';
import type { AdminTranslator } from '@/domain/i18n/admin';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import type { Locale } from '@/domain/i18n/messages';
import type { RichTextDoc } from '@/domain/rich-text/schema';
import { TextField } from './Field';
import { SeoFields } from './SeoFields';
import { PageBodyField } from './PageBodyField.client';

const EMPTY_DOC: RichTextDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

interface Props {
  form: string;
  t: AdminTranslator;
  mt: ManageTranslator;
  locale: Locale;
  page?: EditablePageDTO;
}

export function PageFields({ form, t, mt, locale, page }: Props) {
  return (
    <div className="space-y-4">
      <TextField form={form} name="title" label={t('title')} required maxLength={200} defaultValue={page?.title} />
      <div className="grid gap-4 md:grid-cols-[1fr_10rem]">
        <TextField form={form} name="slug" label={mt('slug')} hint={page ? mt('pageSlugHintEdit') : mt('slugHintNew')} maxLength={120} defaultValue={page?.slug} autoCapitalize="none" spellCheck={false} />
        <TextField form={form} name="sortOrder" label={mt('sortOrder')} type="number" inputMode="numeric" step={1} defaultValue={page?.sortOrder ?? 0} />
      </div>
      <PageBodyField form={form} initial={page?.body ?? EMPTY_DOC} locale={locale} label={mt('body')} />
      <SeoFields form={form} mt={mt} values={page} />
    </div>
  );
}
