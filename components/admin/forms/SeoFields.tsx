import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import { TextField } from './Field';

interface Props {
  form: string;
  mt: ManageTranslator;
  /** The saved values; absent on create. */
  values?: { seoTitle: string; seoDescription: string };
  className?: string;
}

/** The search-engine title and description, folded away unless one of them is filled in. */
export function SeoFields({ form, mt, values, className }: Props) {
  return (
    <details className={className} open={Boolean(values?.seoTitle || values?.seoDescription)}>
      <summary className="cursor-pointer text-sm font-medium">{mt('seo')}</summary>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <TextField form={form} name="seoTitle" label={mt('seoTitle')} maxLength={300} defaultValue={values?.seoTitle} />
        <TextField form={form} name="seoDescription" label={mt('seoDescription')} maxLength={500} defaultValue={values?.seoDescription} />
      </div>
    </details>
  );
}
