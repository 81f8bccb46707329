import type { BulkOutcome, BulkTransition } from '../bulk-actions';
import { adminT, type AdminKey } from './admin';
import type { Locale } from './messages';
import { translateMessage } from './server-messages';

const STATE_KEYS: Record<string, AdminKey> = {
  draft: 'status_draft',
  in_review: 'status_in_review',
  scheduled: 'status_scheduled',
  published: 'status_published',
  archived: 'status_archived',
  trash: 'trash',
};

/** A sentence as a clause of a longer one. */
const withoutFullStop = (sentence: string) => (sentence.endsWith('。') || sentence.endsWith('.') ? sentence.slice(0, -1) : sentence);

/**
 * The outcome of a bulk action in words, in the UI language: "已发布 3 篇，1 篇失败：状态为“已归档”的文章不能发布"
 * / "Published 3 articles; 1 failed: Archived articles cannot be published". Each distinct reason is named once.
 */
export function bulkSummary(locale: Locale, transition: BulkTransition, outcomes: BulkOutcome[]): string {
  const t = adminT(locale);
  const plural = (count: number) => ({ count, articles: count === 1 ? 'article' : 'articles' });
  const done = outcomes.filter((o) => o.ok).length;
  const failures = outcomes.filter((o) => !o.ok);
  const summary = t(`bulkDone_${transition}`, plural(done));
  if (!failures.length) return summary;
  const reasons = [
    ...new Set(
      failures.map((o) => {
        const stateKey = o.state ? STATE_KEYS[o.state] : undefined;
        if (stateKey) return t('bulkWrongState', { state: t(stateKey), verb: t(`bulkVerb_${transition}`) });
        return withoutFullStop(o.error ? translateMessage(locale, o.error) : '');
      }),
    ),
  ];
  return `${summary}${t('bulkJoin')}${t('bulkFailed', { count: failures.length, reasons: reasons.join(t('bulkReasonJoin')) })}`;
}
