'use client';

import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';

interface TagInputProps {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  disabled?: boolean;
  describedBy?: string;
  invalid?: boolean;
  removeLabel: (name: string) => string;
}

const MAX_TAGS = 30;

function addAll(current: string[], raw: string[]): string[] {
  const next = [...current];
  for (const piece of raw) {
    const name = piece.trim().replace(/\s+/g, ' ').slice(0, 60);
    if (name && !next.some((t) => t.toLocaleLowerCase() === name.toLocaleLowerCase()) && next.length < MAX_TAGS) next.push(name);
  }
  return next;
}

/** Tags as removable chips; typing a name that does not exist yet creates it on save. */
export function TagInput({ id, value, onChange, suggestions, disabled, describedBy, invalid, removeLabel }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const listId = useId();

  const commit = () => {
    if (!draft.trim()) return;
    onChange(addAll(value, draft.split(/[,，、]/)));
    setDraft('');
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',' || event.key === '，') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && !draft && value.length) {
      onChange(value.slice(0, -1));
    }
  };

  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (!/[,，、\n]/.test(text)) return;
    event.preventDefault();
    onChange(addAll(value, text.split(/[,，、\n]/)));
  };

  return (
    <div className="editor-tags admin-input" data-invalid={invalid ? 'true' : undefined}>
      <ul className="contents">
        {value.map((name) => (
          <li key={name} className="editor-chip">
            <span>{name}</span>
            {disabled ? null : (
              <button type="button" className="editor-chip-remove" aria-label={removeLabel(name)} onClick={() => onChange(value.filter((t) => t !== name))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <input
        id={id}
        className="editor-tags-input"
        value={draft}
        list={listId}
        disabled={disabled || value.length >= MAX_TAGS}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={keyDown}
        onPaste={paste}
        onBlur={commit}
        enterKeyHint="done"
        maxLength={60}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !value.includes(s))
          .slice(0, 500)
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
