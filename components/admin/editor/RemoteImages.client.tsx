'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useState } from 'react';
import { rehostImagesAction } from '@/actions/media';
import type { MediaDTO } from '@/db/queries/media-dto';
import type { EditorKey, EditorTranslator } from '@/domain/i18n/admin-editor';
import type { Locale } from '@/domain/i18n/messages';
import { translateMessage } from '@/domain/i18n/server-messages';
import { isRemoteImageSrc } from '@/domain/media/alt';

/** The action takes a few images per call: each answer swaps what is done so far. */
const BATCH = 5;

interface Remote {
  url: string;
  alt: string;
}

/** Images whose src is on another site (pasted from WeChat or a web page), each address once. */
function remoteImages(editor: Editor): Remote[] {
  const seen = new Map<string, Remote>();
  editor.state.doc.descendants((node) => {
    const src = node.attrs.src as unknown;
    if (node.type.name === 'image' && !node.attrs.mediaId && isRemoteImageSrc(src, window.location.origin) && !seen.has(src)) {
      seen.set(src, { url: src, alt: String(node.attrs.alt ?? '') });
    }
  });
  return [...seen.values()];
}

/** Points every image of `url` at its library copy, keeping the alt and caption it had. */
function swapSource(editor: Editor, url: string, media: MediaDTO) {
  const { tr, doc } = editor.state;
  doc.descendants((node, pos) => {
    if (node.type.name !== 'image' || node.attrs.src !== url) return;
    tr.setNodeMarkup(pos, undefined, { ...node.attrs, src: media.url, mediaId: media.id, width: media.width, height: media.height, alt: node.attrs.alt || media.alt });
  });
  if (tr.docChanged) editor.view.dispatch(tr);
}

const sameList = (a: Remote[], b: Remote[] | null) => !!b && a.length === b.length && a.every((r, i) => r.url === b[i]!.url && r.alt === b[i]!.alt);

/**
 * "本地化远程图片（N）": shown while the body holds hot-linked images. Each is fetched by the server
 * through the SSRF guard and the upload pipeline; what failed keeps its address and says why.
 */
export function RemoteImages({ editor, t, locale }: { editor: Editor; t: EditorTranslator; locale: Locale }) {
  const remote = useEditorState({ editor, selector: ({ editor: e }) => remoteImages(e), equalityFn: sameList });
  const [progress, setProgress] = useState<{ done: number; count: number } | null>(null);
  const [report, setReport] = useState<{ copied: number; failures: string[] } | null>(null);

  const run = async () => {
    const list = remote;
    const failures: string[] = [];
    let copied = 0;
    setReport(null);
    for (let start = 0; start < list.length; start += BATCH) {
      setProgress({ done: start, count: list.length });
      const batch = list.slice(start, start + BATCH);
      const result = await rehostImagesAction({ images: batch }).catch(() => null);
      if (!result?.ok) {
        const reason = result ? translateMessage(locale, result.reason) : t('rehost_unreachable');
        failures.push(...batch.map((image) => t('rehostFailedItem', { url: image.url, reason })));
        continue;
      }
      for (const item of result.data) {
        if (item.ok) {
          swapSource(editor, item.url, item.media);
          copied++;
        } else {
          const reason = t(`rehost_${item.failure}` as EditorKey, { status: item.status ?? '' });
          failures.push(t('rehostFailedItem', { url: item.url, reason }));
        }
      }
    }
    setProgress(null);
    setReport({ copied, failures });
  };

  if (!remote.length && !report) return null;
  return (
    <div className="editor-banner m-2 space-y-2 text-sm" data-testid="remote-images">
      {remote.length ? (
        <div className="flex flex-wrap items-center gap-2">
          <span>{t('remoteImages', { count: remote.length })}</span>
          <button type="button" className="admin-button" disabled={progress !== null} onClick={() => void run()}>
            {t('rehostRemote', { count: remote.length })}
          </button>
        </div>
      ) : null}
      <div role="status" className="empty:hidden">
        {progress ? t('rehosting', { done: progress.done, count: progress.count }) : report?.copied ? t('rehostDone', { count: report.copied }) : ''}
      </div>
      {report?.failures.length ? (
        <ul role="alert" className="list-disc ps-5 text-red-700 dark:text-red-300">
          {report.failures.map((line) => (
            <li key={line} className="break-all">
              {line}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
