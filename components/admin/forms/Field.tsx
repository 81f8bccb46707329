import { FieldErrors } from './ActionForm.client';

interface Common {
  /** The surrounding ActionForm's idPrefix. */
  form: string;
  name: string;
  label: string;
  hint?: string;
  className?: string;
}

function describedBy(id: string, hint?: string): string {
  return hint ? `${id}-hint ${id}-error` : `${id}-error`;
}

function Label({ id, label, hint }: { id: string; label: string; hint?: string }) {
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className="block text-xs text-neutral-600 dark:text-neutral-400">
          {hint}
        </span>
      ) : null}
    </>
  );
}

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'form'>;

export function TextField({ form, name, label, hint, className, ...input }: Common & InputProps) {
  const id = `${form}-${name}`;
  return (
    <div className={className}>
      <Label id={id} label={label} hint={hint} />
      <input id={id} name={name} aria-describedby={describedBy(id, hint)} className="admin-input mt-1" {...input} />
      <FieldErrors name={name} />
    </div>
  );
}

export function TextAreaField({ form, name, label, hint, className, ...area }: Common & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id' | 'form'>) {
  const id = `${form}-${name}`;
  return (
    <div className={className}>
      <Label id={id} label={label} hint={hint} />
      <textarea id={id} name={name} aria-describedby={describedBy(id, hint)} className="admin-input mt-1" rows={3} {...area} />
      <FieldErrors name={name} />
    </div>
  );
}

export function SelectField({ form, name, label, hint, className, children, ...select }: Common & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id' | 'form'>) {
  const id = `${form}-${name}`;
  return (
    <div className={className}>
      <Label id={id} label={label} hint={hint} />
      <select id={id} name={name} aria-describedby={describedBy(id, hint)} className="admin-input mt-1" {...select}>
        {children}
      </select>
      <FieldErrors name={name} />
    </div>
  );
}
