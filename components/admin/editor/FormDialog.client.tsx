'use client';

import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface FormDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  cancelLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  extraActions?: ReactNode;
}

/** A modal form on the native <dialog>: focus trapping and Escape come from the browser. */
export function FormDialog({ open, title, submitLabel, cancelLabel, onSubmit, onClose, children, extraActions }: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // React bubbles events through portals: keep an enclosing form from submitting too.
    event.stopPropagation();
    onSubmit();
  };

  // Portalled to <body>: the editor may sit inside a <form>, and forms cannot nest.
  return createPortal(
    <dialog ref={ref} className="editor-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit} className="space-y-3">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
        <div className="flex flex-wrap justify-end gap-2 pt-2">
          {extraActions}
          <button type="button" className="admin-button" onClick={onClose}>
            {cancelLabel}
          </button>
          <button type="submit" className="admin-button-primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
