'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { loadEditableArticleAction } from '@/actions/articles';
import { editorT } from '@/domain/i18n/admin-editor';
import { formatDateTime } from '@/domain/i18n/format';
import { ConflictDialog } from './ConflictDialog.client';
import { ArticleMainFields } from './ArticleMainFields.client';
import { ArticleSidebarFields } from './ArticleSidebarFields.client';
import { emptyValues, valuesFromSource, type EditorValues } from './form-model';
import { LocalDraftNotice } from './LocalDraftNotice.client';
import { PreviewLinks } from './PreviewLinks.client';
import { SaveStatus } from './SaveStatus.client';
import type { EditorArticle, EditorContext } from './types';
import { useArticleSave } from './use-article-save';
import { useLeaveGuard } from './use-leave-guard';
import { usePresence } from './use-presence';
import { WorkflowPanel, type WorkflowMeta } from './WorkflowPanel.client';
import { localInputToIso } from '@/domain/time-zone';
import { publishChecklist } from '@/domain/publishing/checklist';

interface Props {
  article: EditorArticle | null;
  context: EditorContext;
}

function metaOf(article: EditorArticle | null): WorkflowMeta {
  return {
    status: article?.status ?? 'draft',
    deleted: article?.deleted ?? false,
    reviewNote: article?.reviewNote ?? '',
    transitions: article?.permissions.transitions ?? [],
    slug: article?.values.slug ?? '',
    publishedAt: article?.publishedAt ?? null,
  };
}

/** The article editor: form state, saving, workflow, conflicts and presence. */
export function ArticleEditor({ article, context }: Props) {
  const t = useMemo(() => editorT(context.uiLocale), [context.uiLocale]);
  const { timeZone } = context;
  const [initialValues] = useState<EditorValues>(() =>
    article ? valuesFromSource(article, timeZone) : emptyValues(context.siteLocale, null),
  );
  const [meta, setMeta] = useState<WorkflowMeta>(() => metaOf(article));
  const [canEdit, setCanEdit] = useState(article ? article.permissions.edit : true);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [server, setServer] = useState<{ version: number; values: EditorValues } | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);

  // onCreated is handed to the save hook, which returns adoptServerValues: a ref breaks the cycle.
  const adoptRef = useRef<(patch: Partial<EditorValues>) => void>(() => {});
  const refreshMeta = useCallback(async (id: number) => {
    const result = await loadEditableArticleAction({ id }).catch(() => null);
    if (!result?.ok) return null;
    setMeta(metaOf(result.data));
    setCanEdit(result.data.permissions.edit);
    return result.data;
  }, []);

  const onCreated = useCallback(
    (id: number) => {
      // Not router.replace: that would remount the editor under the cursor of someone typing.
      window.history.replaceState(null, '', `/admin/articles/${id}`);
      void refreshMeta(id).then((fresh) => {
        // The server made the creator the author; show it unless someone picked authors meanwhile.
        if (fresh) adoptRef.current({ authorIds: fresh.values.authorIds });
      });
    },
    [refreshMeta],
  );

  const autosave = canEdit && !meta.deleted && (meta.status === 'draft' || meta.status === 'in_review');
  const editor = useArticleSave({ articleId: article?.id ?? null, version: article?.version ?? 0, initialValues, timeZone, t, uiLocale: context.uiLocale, autosave, onCreated });
  const { values, setValues, status, error } = editor;
  useEffect(() => {
    adoptRef.current = editor.adoptServerValues;
  }, [editor.adoptServerValues]);
  const others = usePresence(editor.articleId);
  useLeaveGuard(editor.dirty || status === 'saving', t('leaveWarning'));

  const set = useCallback(<K extends keyof EditorValues>(key: K, value: EditorValues[K]) => setValues((current) => ({ ...current, [key]: value })), [setValues]);
  const formatTime = useCallback((iso: string) => formatDateTime(iso, context.uiLocale, timeZone), [context.uiLocale, timeZone]);

  const { save } = editor;
  const saveNow = useCallback(() => void save('explicit'), [save]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (canEdit) saveNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saveNow, canEdit]);

  const openConflict = async () => {
    setConflictOpen(true);
    setServer(null);
    setServerError(null);
    if (editor.articleId === null) return;
    const result = await loadEditableArticleAction({ id: editor.articleId }).catch(() => null);
    if (!result?.ok) return setServerError(result?.error ?? t('errorNetwork'));
    setServer({ version: result.data.version, values: valuesFromSource(result.data, timeZone) });
    setMeta(metaOf(result.data));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canEdit) saveNow();
  };

  const readOnly = !canEdit;
  const fieldErrors = error?.fieldErrors ?? {};
  // Errors the schema reports for the whole payload (not one field) have nowhere else to go.
  const formErrors = [...(fieldErrors.values ?? []), ...(fieldErrors._ ?? [])];
  const isLive = meta.status === 'published' || meta.status === 'scheduled';
  const base = useMemo(() => JSON.parse(editor.savedPrint) as EditorValues, [editor.savedPrint]);
  const checklist = useMemo(() => publishChecklist({ ...values, seoDescription: values.seoDescription || null, sensitiveWords: context.sensitiveWords }), [values, context.sensitiveWords]);
  const toIso = useCallback((local: string) => localInputToIso(local, timeZone), [timeZone]);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="editor-heading" className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="editor-heading" className="text-2xl font-bold">
          {editor.articleId === null ? t('newArticleTitle') : t('editArticleTitle')}
        </h1>
        <div className="flex flex-wrap items-center gap-3">
          <SaveStatus t={t} status={status} savedAt={editor.savedAt} uiLocale={context.uiLocale} />
          {canEdit ? (
            <button type="submit" className="admin-button-primary" disabled={status === 'saving'} title={t('saveShortcut')} aria-keyshortcuts="Control+S Meta+S">
              {isLive ? t('saveChanges') : t('save')}
            </button>
          ) : null}
        </div>
      </header>

      {readOnly ? <p className="editor-banner">{meta.deleted ? t('inTrash') : t('readOnly')}</p> : null}
      {canEdit && isLive ? <p className="editor-banner">{t('autosaveOff')}</p> : null}
      <p role="status" className="editor-banner editor-banner-info empty:hidden">
        {others.length ? t('alsoEditing', { names: others.join(context.uiLocale === 'zh-CN' ? '、' : ', ') }) : ''}
      </p>
      <div role="alert" className="empty:hidden">
        {status === 'conflict' ? (
          <div className="editor-banner editor-banner-error flex flex-wrap items-center gap-3">
            <span>{t('conflictMessage')}</span>
            <button type="button" className="admin-button" onClick={() => void openConflict()}>
              {t('compareAndMerge')}
            </button>
          </div>
        ) : status === 'error' && error ? (
          <p className="editor-banner editor-banner-error">{[error.message, ...formErrors].join(' ')}</p>
        ) : null}
      </div>
      <LocalDraftNotice t={t} articleId={editor.articleId} serverVersion={article?.version ?? 0} current={initialValues} formatTime={formatTime} onRestore={editor.restoreLocal} />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <ArticleMainFields t={t} values={values} set={set} errors={fieldErrors} readOnly={readOnly} locale={context.uiLocale} highlightWords={context.sensitiveWords.words} />
        <aside className="space-y-4" aria-label={t('groupDetails')}>
          <WorkflowPanel
            t={t}
            uiLocale={context.uiLocale}
            timeZone={timeZone}
            articleId={editor.articleId}
            meta={meta}
            canReview={context.canReview}
            publishAtLocal={values.publishedAtLocal}
            toIso={toIso}
            checklist={checklist}
            formatTime={formatTime}
            ensureSaved={() => (editor.dirty || editor.articleId === null ? editor.save('explicit') : Promise.resolve(true))}
            baseVersion={() => editor.versionRef.current}
            onDone={(result) => {
              editor.acceptVersion(result.version);
              if (editor.articleId !== null) {
                void refreshMeta(editor.articleId).then((fresh) => {
                  if (fresh) editor.adoptServerValues({ publishedAtLocal: valuesFromSource(fresh, timeZone).publishedAtLocal });
                });
              }
            }}
          />
          {editor.articleId !== null ? <PreviewLinks t={t} articleId={editor.articleId} formatTime={formatTime} /> : null}
          <ArticleSidebarFields values={values} set={set} errors={fieldErrors} context={context} readOnly={readOnly} t={t} />
        </aside>
      </div>

      {conflictOpen ? (
        <ConflictDialog
          t={t}
          context={context}
          mine={values}
          base={base}
          server={server}
          loadError={serverError}
          saving={status === 'saving'}
          onClose={() => setConflictOpen(false)}
          onSave={(merged, version) => {
            setConflictOpen(false);
            void editor.saveOnTopOf(merged, version);
          }}
        />
      ) : null}
    </form>
  );
}

