'use client';

import { useEffect, useRef } from 'react';

/**
 * Checks or clears every `ids` checkbox of the surrounding form, and follows them: checked when
 * all are, mixed (indeterminate) when some are.
 */
export function SelectAllCheckbox({ label }: { label: string }) {
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const box = ref.current;
    const form = box?.form;
    if (!box || !form) return;
    const sync = () => {
      const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="ids"]')];
      const checked = boxes.filter((b) => b.checked).length;
      box.checked = boxes.length > 0 && checked === boxes.length;
      box.indeterminate = checked > 0 && checked < boxes.length;
    };
    // `reset` fires before the fields are reset: read them once it is done.
    const afterReset = () => setTimeout(sync, 0);
    sync();
    form.addEventListener('change', sync);
    form.addEventListener('reset', afterReset);
    return () => {
      form.removeEventListener('change', sync);
      form.removeEventListener('reset', afterReset);
    };
  }, []);

  const toggle = (on: boolean) => {
    for (const b of ref.current?.form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="ids"]') ?? []) b.checked = on;
  };

  return <input ref={ref} type="checkbox" aria-label={label} onChange={(e) => toggle(e.currentTarget.checked)} />;
}
