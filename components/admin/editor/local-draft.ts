import type { EditorValues } from './form-model';

/**
 * A copy of unsaved edits in localStorage, so a crash, a closed tab or a lost conflict never
 * loses typing. Keyed by article id and the version the edits started from.
 */

const PREFIX = 'gazette:article-draft:';

export interface LocalDraft {
  articleId: number | null;
  baseVersion: number;
  values: EditorValues;
  savedAt: string;
}

const keyFor = (articleId: number | null, baseVersion: number) => `${PREFIX}${articleId ?? 'new'}:v${baseVersion}`;
const prefixFor = (articleId: number | null) => `${PREFIX}${articleId ?? 'new'}:`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // disabled storage (privacy mode) must not break the editor
  }
}

function keysOf(store: Storage, articleId: number | null): string[] {
  const prefix = prefixFor(articleId);
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

export function storeLocalDraft(articleId: number | null, baseVersion: number, values: EditorValues): void {
  const store = storage();
  if (!store) return;
  const key = keyFor(articleId, baseVersion);
  for (const old of keysOf(store, articleId)) if (old !== key) store.removeItem(old);
  try {
    store.setItem(key, JSON.stringify({ articleId, baseVersion, values, savedAt: new Date().toISOString() } satisfies LocalDraft));
  } catch {
    // Quota exceeded: the server copy and the open tab still hold the text.
  }
}

export function readLocalDraft(articleId: number | null): LocalDraft | null {
  const store = storage();
  if (!store) return null;
  const [key] = keysOf(store, articleId);
  if (!key) return null;
  try {
    const draft = JSON.parse(store.getItem(key) ?? 'null') as LocalDraft | null;
    return draft && typeof draft.baseVersion === 'number' && draft.values ? draft : null;
  } catch {
    return null;
  }
}

export function clearLocalDraft(articleId: number | null): void {
  const store = storage();
  if (!store) return;
  for (const key of keysOf(store, articleId)) store.removeItem(key);
}
