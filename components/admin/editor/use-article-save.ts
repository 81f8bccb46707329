'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { createArticleAction, saveArticleAction } from '@/actions/articles';
import type { ActionFailure } from '@/actions/define';
import type { EditorTranslator } from '@/domain/i18n/admin-editor';
import type { Locale } from '@/domain/i18n/messages';
import { translateRefusal } from '@/domain/i18n/server-messages';
import { parseRichText } from '@/domain/rich-text/schema';
import { fingerprint, toPayload, type EditorValues } from './form-model';
import { clearLocalDraft, storeLocalDraft } from './local-draft';

export type SaveStatus = 'new' | 'saved' | 'saving' | 'unsaved' | 'error' | 'conflict';
export type SaveMode = 'auto' | 'explicit';

export interface SaveError {
  message: string;
  fieldErrors: Record<string, string[]>;
  /** Worth retrying by itself (network, database briefly away). */
  transient: boolean;
}

interface Options {
  articleId: number | null;
  version: number;
  initialValues: EditorValues;
  timeZone: string;
  t: EditorTranslator;
  /** The server answers in codes; its messages are shown in this language. */
  uiLocale: Locale;
  /** Autosave runs only on drafts and articles in review the user may edit. */
  autosave: boolean;
  onCreated: (id: number, version: number) => void;
}

const AUTOSAVE_DELAY_MS = 3000;
const RETRY_DELAY_MS = 15000;
const LOCAL_COPY_DELAY_MS = 500;
// Server Actions accept 4 MB (next.config.mjs); leave room for the request's own framing.
const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024 - 64 * 1024;

function patchPrint(print: string, patch: Partial<EditorValues>): string {
  return fingerprint({ ...(JSON.parse(print) as EditorValues), ...patch });
}

/**
 * The editor's save loop: one save in flight at a time, autosave 3 s after the last change,
 * explicit saves on demand, optimistic locking through the version, and a local copy of
 * everything not yet on the server.
 */
export function useArticleSave({ articleId: initialId, version: initialVersion, initialValues, timeZone, t, uiLocale, autosave, onCreated }: Options) {
  const [values, setValuesState] = useState(initialValues);
  const [articleId, setArticleId] = useState(initialId);
  const [savedPrint, setSavedPrint] = useState(() => fingerprint(initialValues));
  const [phase, setPhase] = useState<'idle' | 'saving' | 'error' | 'conflict'>('idle');
  const [error, setError] = useState<SaveError | null>(null);
  const [conflictVersion, setConflictVersion] = useState<number | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  const valuesRef = useRef(values);
  const savedPrintRef = useRef(savedPrint);
  const versionRef = useRef(initialVersion);
  const idRef = useRef(initialId);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const autosaveQueued = useRef(false);
  // Lets a save call the next one (queued or waiting) without the callback naming itself.
  const saveRef = useRef<(mode: SaveMode, force?: boolean) => Promise<boolean>>(async () => false);

  // The ref is the source of truth, updated at once, so a save started right after a change sends it.
  const setValues = useCallback((update: (current: EditorValues) => EditorValues) => {
    const next = update(valuesRef.current);
    valuesRef.current = next;
    setValuesState(next);
  }, []);

  const markSaved = (print: string) => {
    savedPrintRef.current = print;
    setSavedPrint(print);
  };

  /** Server-decided values (a generated slug, a publish time) that the user has not touched since. */
  const adoptServerValues = useCallback((patch: Partial<EditorValues>) => {
    const baseline = JSON.parse(savedPrintRef.current) as EditorValues;
    const untouched = Object.fromEntries(
      Object.entries(patch).filter(([key]) => JSON.stringify(valuesRef.current[key as keyof EditorValues]) === JSON.stringify(baseline[key as keyof EditorValues])),
    ) as Partial<EditorValues>;
    if (!Object.keys(untouched).length) return;
    setValues((current) => ({ ...current, ...untouched }));
    const print = patchPrint(savedPrintRef.current, untouched);
    savedPrintRef.current = print;
    setSavedPrint(print);
  }, [setValues]);

  /** An action's refusal, its codes translated into the UI's language. */
  const refused = (failure: ActionFailure) => {
    const { error, fieldErrors } = translateRefusal(uiLocale, failure);
    // "Some fields need attention" says less than the fields themselves, marked below.
    fail({ status: failure.status, error: failure.reason.code === 'fieldsNeedAttention' ? '' : error, fieldErrors });
  };

  const fail = (failure: Pick<ActionFailure, 'status' | 'error' | 'fieldErrors'>) => {
    const fieldErrors = { ...failure.fieldErrors };
    // The DAL speaks English; the one conflict every newsroom meets daily gets the UI's language.
    const slugTaken = failure.status === 409 && Boolean(fieldErrors.slug);
    if (slugTaken) fieldErrors.slug = [t('slugTaken')];
    const message =
      failure.status === 401
        ? t('errorSession')
        : failure.status === 413
          ? t('errorTooLarge')
          : slugTaken
            ? t('errorFields')
            : Object.keys(fieldErrors).length
              ? `${t('errorFields')} ${failure.error}`.trim()
              : failure.error;
    setError({ message, fieldErrors, transient: failure.status === 503 });
    setPhase('error');
  };

  const save = useCallback(
    async (mode: SaveMode, force = false): Promise<boolean> => {
      if (inFlight.current) {
        // An explicit save (Ctrl+S, a workflow button) waits its turn and reports its own outcome.
        if (mode === 'explicit') return inFlight.current.then(() => saveRef.current('explicit', force));
        autosaveQueued.current = true;
        return false;
      }
      const snapshot = valuesRef.current;
      const print = fingerprint(snapshot);
      if (print === savedPrintRef.current && idRef.current !== null && !force) return true;
      // The database files every story under a section, so a new one reaches the server once one
      // is chosen (never a silent default); until then the local copy keeps it. A saved story
      // always has one: its form cannot go back to "choose a section".
      if (!snapshot.title.trim() || !snapshot.sectionId) {
        if (mode === 'explicit') {
          const fieldErrors: Record<string, string[]> = {};
          if (!snapshot.title.trim()) fieldErrors.title = [t('needTitleToSave')];
          if (!snapshot.sectionId) fieldErrors.sectionId = [t('needSectionForFirstSave')];
          setError({ message: snapshot.title.trim() ? t('needSectionForFirstSave') : t('needTitleToSave'), fieldErrors, transient: false });
          setPhase('error');
        }
        return false;
      }
      // The server's own check, run here first so the error lands on the body field (and a body
      // the server would refuse is not uploaded every three seconds).
      const bodyCheck = parseRichText(snapshot.body);
      if (!bodyCheck.ok) {
        fail({ status: 422, error: bodyCheck.error, fieldErrors: { body: [bodyCheck.error] } });
        return false;
      }
      const payload = toPayload(snapshot, timeZone);
      // The limit is in bytes of UTF-8: a Chinese character is three of them.
      if (new TextEncoder().encode(JSON.stringify(payload)).length > MAX_PAYLOAD_BYTES) {
        fail({ status: 413, error: t('errorTooLarge'), fieldErrors: { body: [t('errorTooLarge')] } });
        return false;
      }

      let settle: (ok: boolean) => void = () => {};
      inFlight.current = new Promise<boolean>((resolve) => (settle = resolve));
      let ok = false;
      setPhase('saving');
      try {
        const id = idRef.current;
        const result = id === null ? await createArticleAction(payload) : await saveArticleAction({ id, baseVersion: versionRef.current, values: payload, autosave: mode === 'auto' });
        if (!result.ok) {
          const currentVersion = result.details?.currentVersion;
          if (result.status === 409 && typeof currentVersion === 'number') {
            setConflictVersion(currentVersion);
            setError(null);
            setPhase('conflict');
          } else {
            refused(result);
          }
          return false;
        }
        versionRef.current = result.data.version;
        let savedValues = snapshot;
        if (result.data.slug !== snapshot.slug) savedValues = { ...snapshot, slug: result.data.slug };
        markSaved(fingerprint(savedValues));
        if (savedValues !== snapshot && valuesRef.current.slug === snapshot.slug) {
          setValues((current) => ({ ...current, slug: result.data.slug }));
        }
        if (id === null) {
          idRef.current = result.data.id;
          setArticleId(result.data.id);
          clearLocalDraft(null);
          onCreated(result.data.id, result.data.version);
        }
        // Only once the server holds everything typed may the local copy go.
        if (fingerprint(valuesRef.current) === savedPrintRef.current) clearLocalDraft(idRef.current);
        setSavedAt(new Date());
        setError(null);
        setPhase('idle');
        ok = true;
        return true;
      } catch {
        // The request never got an answer (offline, server restarting, body refused by the framework).
        fail({ status: 503, error: t('errorNetwork') });
        return false;
      } finally {
        inFlight.current = null;
        settle(ok);
        if (autosaveQueued.current) {
          autosaveQueued.current = false;
          if (fingerprint(valuesRef.current) !== savedPrintRef.current) void saveRef.current('auto');
        }
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refs carry the changing state
    [timeZone, t, uiLocale, onCreated, setValues],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const dirty = fingerprint(values) !== savedPrint;

  useEffect(() => {
    if (!autosave || !dirty || phase === 'conflict' || phase === 'saving') return;
    const delay = phase === 'error' && error?.transient ? RETRY_DELAY_MS : AUTOSAVE_DELAY_MS;
    const timer = window.setTimeout(() => void save('auto'), delay);
    return () => window.clearTimeout(timer);
  }, [autosave, dirty, values, phase, error, save]);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (dirty) storeLocalDraft(articleId, versionRef.current, values);
    }, LOCAL_COPY_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [dirty, values, articleId]);

  /** After a 409: the merged values go on top of the version now on the server. */
  const saveOnTopOf = useCallback(
    async (merged: EditorValues, serverVersion: number) => {
      versionRef.current = serverVersion;
      setValues(() => merged);
      setConflictVersion(null);
      setPhase('idle');
      return save('explicit', true);
    },
    [save, setValues],
  );

  /** A transition bumped the version: later saves start from it. */
  const acceptVersion = useCallback((version: number) => {
    versionRef.current = version;
  }, []);

  /** Restoring a local copy made on an older version: the next save meets the 409 and the merge. */
  const restoreLocal = useCallback(
    (draftValues: EditorValues, baseVersion: number) => {
      versionRef.current = baseVersion;
      setValues(() => draftValues);
    },
    [setValues],
  );

  const status: SaveStatus =
    phase === 'saving' ? 'saving' : phase === 'conflict' ? 'conflict' : phase === 'error' ? 'error' : dirty ? 'unsaved' : articleId === null ? 'new' : 'saved';

  return {
    values,
    setValues,
    articleId,
    versionRef,
    status,
    dirty,
    savedPrint,
    error,
    conflictVersion,
    savedAt,
    save,
    saveOnTopOf,
    acceptVersion,
    adoptServerValues,
    restoreLocal,
  };
}
