'use client';

import type { ReactNode } from 'react';

export interface FieldIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

interface FormFieldProps {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  className?: string;
  children: (ids: FieldIds) => ReactNode;
}

/** Label, control, hint and error, wired together with ids so screen readers read them all. */
export function FormField({ id, label, hint, errors, className, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(errorId) })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

interface TextInputFieldProps extends Omit<FormFieldProps, 'children'> {
  value: string;
  maxLength: number;
  placeholder?: string;
  onChange: (value: string) => void;
}

/** A one-line text field: FormField around an input bound to a string. */
export function TextInputField({ value, maxLength, placeholder, onChange, ...field }: TextInputFieldProps) {
  return (
    <FormField {...field}>
      {({ id, describedBy, invalid }) => (
        <input id={id} className="admin-input" value={value} maxLength={maxLength} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
      )}
    </FormField>
  );
}
