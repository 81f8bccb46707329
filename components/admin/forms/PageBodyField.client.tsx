'use client';

import { useState } from 'react';
import { RichTextEditor } from '@/components/admin/editor/RichTextEditor.client';
import type { RichTextDoc } from '@/domain/rich-text/schema';
import { FieldErrors } from './ActionForm.client';

interface Props {
  /** The surrounding ActionForm's idPrefix. */
  form: string;
  initial: RichTextDoc;
  locale: 'zh-CN' | 'en';
  label: string;
}

/** The rich-text body of a form: the editor's document travels as JSON in a hidden field. */
export function PageBodyField({ form, initial, locale, label }: Props) {
  const [doc, setDoc] = useState(initial);
  const labelId = `${form}-body-label`;
  return (
    <div role="group" aria-labelledby={labelId}>
      <span id={labelId} className="mb-1 block text-sm font-medium">
        {label}
      </span>
      <input type="hidden" name="body" value={JSON.stringify(doc)} />
      <RichTextEditor value={doc} onChange={setDoc} locale={locale} ariaLabel={label} ariaDescribedBy={`${form}-body-error`} />
      <FieldErrors name="body" />
    </div>
  );
}
