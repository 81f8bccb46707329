import { getSensitiveWordRule } from '@/db/queries/admin/sensitive-words';
import { Card } from '@/components/admin/kit/Card';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { TextAreaField } from '@/components/admin/forms/Field';
import { adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { SENSITIVE_WORD_MAX_LENGTH, SENSITIVE_WORDS_MAX } from '@/domain/publishing/sensitive-words';
import { saveSensitiveWordsForm } from '../../../../actions/sensitive-words';

export const generateMetadata = () => adminPageMetadata('settings:manage', ({ t }) => t('sensitiveWords'));

/**
 * The sensitive-word list (敏感词): one word per line, imported from or exported to a text file;
 * checked on submit and publish, where a match blocks or only warns as chosen here.
 */
export default async function SensitiveWordsPage() {
  const { t, mt, db } = await adminPage('settings:manage');
  const rule = await getSensitiveWordRule(db);
  return (
    <div className="space-y-6">
      <PageHeader title={t('sensitiveWords')} />
      <p className="text-sm text-neutral-700 dark:text-neutral-300">{mt('sensitiveIntro', { max: SENSITIVE_WORDS_MAX, length: SENSITIVE_WORD_MAX_LENGTH })}</p>
      <Card id="sensitive-list" title={mt('sensitiveCount', { count: rule.words.length })}>
        <ActionForm action={saveSensitiveWordsForm} idPrefix="sensitive" className="space-y-4">
          <TextAreaField form="sensitive" name="words" label={mt('sensitiveWordsField')} hint={mt('sensitiveWordsHint')} rows={12} defaultValue={rule.words.join('\n')} spellCheck={false} />
          <div>
            <label htmlFor="sensitive-file" className="block text-sm font-medium">
              {mt('sensitiveImport')}
            </label>
            <input id="sensitive-file" name="file" type="file" accept=".txt,text/plain" className="mt-1 text-sm" aria-describedby="sensitive-file-hint" />
            <p id="sensitive-file-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
              {mt('sensitiveImportHint')}
            </p>
          </div>
          <label className="flex items-start gap-2 text-sm">
            <input id="sensitive-block" type="checkbox" name="block" defaultChecked={rule.block} className="mt-1" />
            <span>{mt('sensitiveBlock')}</span>
          </label>
          <div className="flex flex-wrap items-center gap-4">
            <SubmitButton>{t('save')}</SubmitButton>
            {/* A plain link: the browser downloads the list as a text file (Content-Disposition). */}
            <a className="text-sm underline" href="/admin/sensitive-words/export" download>
              {mt('sensitiveExport')}
            </a>
          </div>
        </ActionForm>
      </Card>
    </div>
  );
}
