'use client';

import { useRef, useState } from 'react';
import { transitionArticleAction } from '@/actions/articles';
import type { EditorKey, EditorTranslator } from '@/domain/i18n/admin-editor';
import type { Locale } from '@/domain/i18n/messages';
import { translateRefusal } from '@/domain/i18n/server-messages';
import type { ArticleTransition } from '@/domain/permissions';
import type { ChecklistItem } from '@/domain/publishing/checklist';
import { articlePath } from '@/domain/urls';
import { PublishDialog, type PublishMode } from './PublishDialog.client';
import type { ArticleState } from './types';

export interface WorkflowMeta {
  status: ArticleState;
  deleted: boolean;
  reviewNote: string;
  transitions: ArticleTransition[];
  slug: string;
  publishedAt: string | null;
}

interface Props {
  t: EditorTranslator;
  uiLocale: Locale;
  timeZone: string;
  articleId: number | null;
  meta: WorkflowMeta;
  canReview: boolean;
  /** The publish time typed in the form, on the site's wall clock ('' for none). */
  publishAtLocal: string;
  toIso: (local: string) => string;
  /** The publish checklist of the values in the form now. */
  checklist: ChecklistItem[];
  formatTime: (iso: string) => string;
  /** Saves pending edits first; false when the save failed. */
  ensureSaved: () => Promise<boolean>;
  baseVersion: () => number;
  onDone: (result: { version: number; status: ArticleState }) => void;
}

const CONFIRM: Partial<Record<ArticleTransition, EditorKey>> = { unpublish: 'confirmUnpublish', archive: 'confirmArchive', trash: 'confirmTrash' };
// Transitions that put content in front of someone: they go out only after the edits are saved,
// and only if nobody changed the article since this editor last saw it.
const CONTENT_BOUND: ArticleTransition[] = ['submit', 'publish', 'schedule'];

type Message = { kind: 'ok' | 'error'; text: string };

/**
 * The last outcome per article, outside React: a transition that revalidates the reader's pages
 * re-renders the route, and an editor opened at /admin/articles/new remounts as the [id] page.
 */
const lastMessage = new Map<number, Message & { at: number }>();
const REMOUNT_WINDOW_MS = 10_000;

function recentMessage(articleId: number | null): Message | null {
  const stored = articleId === null ? undefined : lastMessage.get(articleId);
  return stored && Date.now() - stored.at < REMOUNT_WINDOW_MS ? stored : null;
}

export function WorkflowPanel({ t, uiLocale, timeZone, articleId, meta, canReview, publishAtLocal, toIso, checklist, formatTime, ensureSaved, baseVersion, onDone }: Props) {
  const [pending, setPending] = useState<ArticleTransition | null>(null);
  // 发布 and 定时发布 open the publish panel; the button that opened it gets the focus back.
  const [panel, setPanel] = useState<PublishMode | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const closePanel = () => {
    setPanel(null);
    opener.current?.focus();
  };
  const [note, setNote] = useState('');
  // A reviewer sending a story back says why; the author reads it in the conversation below.
  const [returnNote, setReturnNote] = useState('');
  const [message, setMessageState] = useState<Message | null>(() => recentMessage(articleId));
  const setMessage = (next: Message | null) => {
    if (articleId !== null) {
      if (next) lastMessage.set(articleId, { ...next, at: Date.now() });
      else lastMessage.delete(articleId);
    }
    setMessageState(next);
  };
  // A ref as well as state: two clicks in one frame both see `pending` still null.
  const busy = useRef(false);

  const stateLabel = meta.deleted ? t('state_trash') : t(`state_${meta.status}`);
  const isLive = meta.status === 'published' && !meta.deleted;
  const visible = meta.transitions.filter((tr) => !(tr === 'publish' && isLive));
  const returning = canReview && meta.status === 'in_review' && !meta.deleted && visible.includes('withdraw');

  /** `publishAtIso` is the panel's time for a schedule; a publish now keeps a back-dated form time. */
  const run = async (transition: ArticleTransition, publishAtIso = toIso(publishAtLocal)) => {
    if (busy.current || articleId === null) return;
    const confirmKey = CONFIRM[transition];
    if (confirmKey && !window.confirm(t(confirmKey))) return;
    const publishAt = publishAtIso ? new Date(publishAtIso) : null;
    busy.current = true;
    setPending(transition);
    setMessage(null);
    try {
      const bound = CONTENT_BOUND.includes(transition);
      if (bound && !(await ensureSaved())) return;
      const result = await transitionArticleAction({
        id: articleId,
        transition,
        baseVersion: bound ? baseVersion() : undefined,
        // "Publish now" keeps a back-dated time; a future one would turn it into a schedule.
        publishAt: transition === 'schedule' || (transition === 'publish' && publishAt && publishAt.getTime() <= Date.now()) ? publishAtIso : undefined,
        note: transition === 'submit' ? note : transition === 'withdraw' && returning ? returnNote : undefined,
      });
      if (!result.ok) {
        // Codes from the server, in the UI's language: the checklist's refusal lists each item.
        const refusal = translateRefusal(uiLocale, result);
        setMessage({ kind: 'error', text: [refusal.error, ...Object.values(refusal.fieldErrors).flat()].join(' ') });
        return;
      }
      if (transition === 'submit') setNote('');
      if (transition === 'withdraw') setReturnNote('');
      setMessage({ kind: 'ok', text: t('transitionDone', { status: transition === 'trash' ? t('state_trash') : t(`state_${result.data.status}`) }) });
      onDone({ version: result.data.version, status: result.data.status });
    } catch {
      setMessage({ kind: 'error', text: t('errorNetwork') });
    } finally {
      busy.current = false;
      setPending(null);
    }
  };

  const button = (transition: ArticleTransition, primary = false) =>
    visible.includes(transition) ? (
      <button
        key={transition}
        type="button"
        className={primary ? 'admin-button-primary' : 'admin-button'}
        disabled={pending !== null}
        aria-busy={pending === transition || undefined}
        onClick={(event) => {
          if (transition !== 'publish' && transition !== 'schedule') return void run(transition);
          opener.current = event.currentTarget;
          setPanel(transition === 'publish' ? 'now' : 'later');
        }}
      >
        {transition === 'withdraw' && returning ? t('returnToAuthor') : t(transition)}
      </button>
    ) : null;

  return (
    <section aria-labelledby="workflow-heading" className="admin-card space-y-3">
      <h2 id="workflow-heading" className="text-sm font-semibold">
        {t('workflow')}
      </h2>
      <p className="text-sm" data-testid="article-status">
        {t('currentStatus', { status: stateLabel })}
        {meta.status === 'scheduled' && meta.publishedAt ? ` · ${t('scheduledFor', { time: formatTime(meta.publishedAt) })}` : null}
      </p>
      {isLive ? (
        <p className="text-sm">
          <a href={articlePath({ id: articleId ?? 0, slug: meta.slug })} className="text-emerald-800 underline dark:text-emerald-300" target="_blank" rel="noreferrer">
            {t('viewLive')}
          </a>
        </p>
      ) : null}
      {canReview && meta.reviewNote && meta.status === 'in_review' ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-neutral-900 dark:border-amber-700 dark:bg-amber-950 dark:text-neutral-100">
          <p className="font-medium">{t('reviewNoteFromAuthor')}</p>
          <p className="whitespace-pre-wrap">{meta.reviewNote}</p>
        </div>
      ) : null}
      {articleId === null ? <p className="text-sm text-neutral-700 dark:text-neutral-300">{t('saveBeforeWorkflow')}</p> : null}
      {visible.includes('submit') ? (
        <div className="space-y-2">
          <label htmlFor="review-note" className="block text-sm font-medium">
            {t('reviewNoteLabel')}
          </label>
          <textarea id="review-note" className="admin-input" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          {button('submit', true)}
        </div>
      ) : null}
      {returning ? (
        <div className="space-y-1">
          <label htmlFor="return-note" className="block text-sm font-medium">
            {t('returnNoteLabel')}
          </label>
          <textarea id="return-note" className="admin-input" rows={2} maxLength={2000} value={returnNote} onChange={(e) => setReturnNote(e.target.value)} />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {button('publish', true)}
        {button('schedule')}
        {button('withdraw')}
        {button('unpublish')}
        {button('archive')}
        {button('restore', true)}
        {button('trash')}
      </div>
      {panel ? (
        <PublishDialog
          t={t}
          uiLocale={uiLocale}
          timeZone={timeZone}
          initialMode={panel}
          initialLocal={publishAtLocal}
          checklist={checklist}
          toIso={toIso}
          formatTime={formatTime}
          busy={pending !== null}
          // The outcome (done, or refused with the server's list) shows in this panel's live regions.
          onConfirm={(mode, iso) => void run(mode === 'now' ? 'publish' : 'schedule', mode === 'now' ? toIso(publishAtLocal) : iso).finally(closePanel)}
          onClose={closePanel}
        />
      ) : null}
      {/* Live regions stay in the DOM so that a new message is announced. */}
      <p role="status" className="text-sm text-emerald-800 empty:hidden dark:text-emerald-300">
        {message?.kind === 'ok' ? message.text : ''}
      </p>
      <p role="alert" className="text-sm text-red-700 empty:hidden dark:text-red-300">
        {message?.kind === 'error' ? message.text : ''}
      </p>
    </section>
  );
}
