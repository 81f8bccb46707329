import type { ArticleNoticeDTO } from '@/db/queries/dto';
import { formatDateTime, isoInZone } from '@/domain/i18n/format';
import { t, type Locale } from '@/domain/i18n/messages';

/**
 * The end of a story that was corrected or significantly updated: each notice with its time and
 * what it says, oldest first, as news sites print them (更正 / 更新). An update without a note
 * shows only as 更新时间 at the top.
 */
export function ArticleNotices({ notices, locale, timeZone }: { notices: ArticleNoticeDTO[]; locale: Locale; timeZone: string }) {
  const shown = notices.filter((n) => n.note);
  if (!shown.length) return null;
  const colon = t(locale, 'colon');
  const [open, close] = locale === 'zh-CN' ? ['（', '）'] : [' (', ')'];
  return (
    <section aria-labelledby="notices-heading" className="mt-6 border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm dark:bg-amber-950/40" lang={locale} data-testid="article-notices">
      <h2 id="notices-heading" className="font-bold">
        {t(locale, 'noticesHeading')}
      </h2>
      <ul className="mt-2 space-y-2">
        {shown.map((notice) => (
          <li key={notice.id}>
            <strong>{t(locale, notice.kind === 'correction' ? 'correction' : 'update')}</strong>
            {open}
            <time dateTime={isoInZone(notice.at, timeZone)}>{formatDateTime(notice.at, locale, timeZone)}</time>
            {close}
            {colon}
            {notice.note}
          </li>
        ))}
      </ul>
    </section>
  );
}
