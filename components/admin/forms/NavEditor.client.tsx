'use client';

import { useEffect, useRef, useState } from 'react';
import { FieldErrors } from './ActionForm.client';

interface NavRow {
  key: number;
  label: string;
  href: string;
}

export interface NavEditorLabels {
  legend: string;
  hint: string;
  label: string;
  href: string;
  /** `{row}` is replaced by the row number. */
  row: string;
  moveUp: string;
  moveDown: string;
  remove: string;
  add: string;
  empty: string;
}

interface Props {
  form: string;
  initial: { label: string; href: string }[];
  /** Sections, pages and tags the address box offers as it is typed; picking one with no label yet fills it. */
  targets: { label: string; href: string }[];
  max: number;
  labels: NavEditorLabels;
}

type Focus = { key: number; control: 'up' | 'down' | 'remove' | 'label' } | null;

/**
 * The site menu as editable rows. Rows post as parallel `navLabel`/`navHref` fields in order, so
 * the form also works before this island hydrates.
 */
export function NavEditor({ form, initial, targets, max, labels }: Props) {
  const nextKey = useRef(initial.length);
  const [rows, setRows] = useState<NavRow[]>(() => initial.map((item, i) => ({ key: i, ...item })));
  const pendingFocus = useRef<Focus>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const setFocus = (focus: Focus) => {
    pendingFocus.current = focus;
  };

  // Keyboard users keep their place after a row moves or disappears (applied after the re-render).
  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    document.getElementById(`${form}-nav-${focus.key}-${focus.control}`)?.focus();
  });

  const update = (key: number, patch: Partial<NavRow>) => setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const pickHref = (row: NavRow, href: string) => {
    const target = targets.find((t) => t.href === href);
    update(row.key, target && !row.label.trim() ? { href, label: target.label } : { href });
  };
  const listId = `${form}-nav-targets`;
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(target, 0, row!);
    setRows(next);
    const edge = target === 0 || target === next.length - 1;
    setFocus({ key: row!.key, control: edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down' });
  };
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    if (neighbour) setFocus({ key: neighbour.key, control: 'remove' });
    else addRef.current?.focus();
  };
  const add = () => {
    const key = nextKey.current++;
    setRows((current) => [...current, { key, label: '', href: '/' }]);
    setFocus({ key, control: 'label' });
  };

  return (
    <fieldset aria-describedby={`${form}-nav-hint ${form}-nav-error`}>
      <legend className="text-sm font-medium">{labels.legend}</legend>
      <p id={`${form}-nav-hint`} className="text-xs text-neutral-600 dark:text-neutral-400">
        {labels.hint}
      </p>
      {rows.length === 0 ? <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">{labels.empty}</p> : null}
      <ol className="mt-2 space-y-2">
        {rows.map((row, index) => {
          const rowName = labels.row.replace('{row}', String(index + 1));
          const id = `${form}-nav-${row.key}`;
          return (
            <li key={row.key} className="grid items-end gap-2 rounded border border-neutral-200 p-2 sm:grid-cols-[2rem_1fr_1.5fr_auto] dark:border-neutral-800">
              <span className="text-sm tabular-nums text-neutral-600 dark:text-neutral-400" aria-hidden="true">
                {index + 1}.
              </span>
              <div>
                <label htmlFor={`${id}-label`} className="block text-xs">
                  {labels.label} <span className="sr-only">({rowName})</span>
                </label>
                <input id={`${id}-label`} name="navLabel" value={row.label} onChange={(e) => update(row.key, { label: e.target.value })} maxLength={40} className="admin-input" />
              </div>
              <div>
                <label htmlFor={`${id}-href`} className="block text-xs">
                  {labels.href} <span className="sr-only">({rowName})</span>
                </label>
                <input id={`${id}-href`} name="navHref" value={row.href} onChange={(e) => pickHref(row, e.target.value)} list={listId} maxLength={2000} className="admin-input font-mono text-sm" autoCapitalize="none" spellCheck={false} />
              </div>
              <div className="flex gap-1">
                <button id={`${id}-up`} type="button" className="admin-button" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`${labels.moveUp} (${rowName})`}>
                  ↑
                </button>
                <button id={`${id}-down`} type="button" className="admin-button" onClick={() => move(index, 1)} disabled={index === rows.length - 1} aria-label={`${labels.moveDown} (${rowName})`}>
                  ↓
                </button>
                <button id={`${id}-remove`} type="button" className="admin-button" onClick={() => remove(index)} aria-label={`${labels.remove} (${rowName})`}>
                  ✕
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button ref={addRef} type="button" className="admin-button mt-2" onClick={add} disabled={rows.length >= max}>
        + {labels.add}
      </button>
      <datalist id={listId}>
        {targets.map((t) => (
          <option key={t.href} value={t.href}>
            {t.label}
          </option>
        ))}
      </datalist>
      <FieldErrors name="nav" />
    </fieldset>
  );
}
