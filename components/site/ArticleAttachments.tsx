import type { ArticleDTO } from '@/db/queries/dto';
import { formatBytes } from '@/domain/i18n/format';
import { t, type Locale } from '@/domain/i18n/messages';

const KIND_LABEL: Record<ArticleDTO['attachments'][number]['kind'], string> = {
  pdf: 'PDF',
  doc: 'Word',
  docx: 'Word',
  xls: 'Excel',
  xlsx: 'Excel',
  ppt: 'PowerPoint',
  pptx: 'PowerPoint',
  zip: 'ZIP',
};

/** 附件下载 at the end of a story: each file by name, with its kind and size; links that download. */
export function ArticleAttachments({ attachments, locale }: { attachments: ArticleDTO['attachments']; locale: Locale }) {
  if (!attachments.length) return null;
  return (
    <section aria-labelledby="attachments-heading" className="mt-6 rounded border border-neutral-200 px-4 py-3 text-sm dark:border-neutral-800" lang={locale} data-testid="article-attachments">
      <h2 id="attachments-heading" className="font-bold">
        {t(locale, 'attachmentsHeading')}
      </h2>
      <ul className="mt-2 space-y-1">
        {attachments.map((a) => (
          <li key={a.id}>
            <a className="break-all underline" href={a.url} download>
              {a.fileName}
            </a>{' '}
            <span className="text-neutral-600 dark:text-neutral-400">
              {locale === 'zh-CN' ? `（${KIND_LABEL[a.kind]}，${formatBytes(a.bytes)}）` : `(${KIND_LABEL[a.kind]}, ${formatBytes(a.bytes)})`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
