import { listBreakingNews } from '@/db/queries/admin/breaking-news';
import { getCurrentBreakingNews } from '@/db/queries/breaking-news';
import { ButtonForm } from '@/components/admin/kit/ButtonForm';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField, TextField } from '@/components/admin/forms/Field';
import { adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { getSettings } from '@/services/reader';
import { formatDateTime } from '@/domain/i18n/format';
import { BREAKING_HOURS, BREAKING_TEXT_MAX } from '@/domain/validation/breaking-news';
import { endBreakingNewsForm, setBreakingNewsForm } from '../../../../actions/breaking-news';

export const generateMetadata = () => adminPageMetadata('breaking:manage', ({ t }) => t('breakingNews'));

export default async function BreakingNewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db, locale } = await adminPage('breaking:manage');
  const [current, history, settings, query] = await Promise.all([getCurrentBreakingNews(db), listBreakingNews(db), getSettings(), searchParams]);
  const when = (iso: string) => formatDateTime(iso, locale, settings.timeZone);
  return (
    <div className="space-y-6">
      <PageHeader title={t('breakingNews')} />
      <p className="text-sm text-neutral-700 dark:text-neutral-300">{mt('breakingIntro')}</p>
      <FlashMessage show={query.ended}>{mt('breakingEnded')}</FlashMessage>
      <Card id="breaking-now" title={mt('breakingNow')} titleClassName={CARD_TITLE.action}>
        {current ? (
          <div className="space-y-2">
            <p className="font-medium" data-testid="breaking-current">
              {current.text}
            </p>
            {current.href ? <p className="break-all font-mono text-xs">{current.href}</p> : null}
            <p className="text-sm text-neutral-600 dark:text-neutral-400">{mt('breakingUntil', { time: when(current.expiresAt) })}</p>
            <ButtonForm action={endBreakingNewsForm} idPrefix="breaking-end" values={{}} label={mt('breakingEnd')} confirmText={mt('breakingConfirmEnd')} />
          </div>
        ) : (
          <p className="text-sm">{mt('breakingNone')}</p>
        )}
      </Card>
      <Card id="breaking-new" title={mt('breakingPut')}>
        <ActionForm action={setBreakingNewsForm} idPrefix="breaking" resetOnSuccess className="grid gap-4 md:grid-cols-2">
          <TextField form="breaking" name="text" label={mt('breakingText')} required maxLength={BREAKING_TEXT_MAX} className="md:col-span-2" />
          <TextField form="breaking" name="href" label={mt('breakingHref')} hint={mt('breakingHrefHint')} maxLength={2000} autoCapitalize="none" spellCheck={false} />
          <SelectField form="breaking" name="hours" label={mt('breakingHours')} defaultValue="4">
            {BREAKING_HOURS.map((hours) => (
              <option key={hours} value={hours}>
                {mt('breakingHoursOption', { hours })}
              </option>
            ))}
          </SelectField>
          <div className="md:col-span-2">
            <SubmitButton>{mt('breakingPut')}</SubmitButton>
          </div>
        </ActionForm>
      </Card>
      {history.length ? (
        <Card id="breaking-history" title={mt('breakingHistory')} titleClassName={CARD_TITLE.action}>
          <ul className="space-y-1 text-sm">
            {history.map((b) => (
              <li key={b.id}>
                <span className="font-medium">{b.text}</span> · {when(b.createdAt)} ·{' '}
                {b.endedAt ? mt('breakingEndedAt', { time: when(b.endedAt) }) : mt(b.id === current?.id ? 'breakingUntil' : 'breakingExpiredAt', { time: when(b.expiresAt) })}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
