interface FieldProps {
  label: string;
  /** With an id the label sits in its own element pointing at the control; without, it wraps the control. */
  id?: string;
  children: React.ReactNode;
}

/** One control of a list's filter bar, with its small label above it. */
export function FilterField({ label, id, children }: FieldProps) {
  if (id) {
    return (
      <div>
        <label htmlFor={id} className="block text-xs">
          {label}
        </label>
        {children}
      </div>
    );
  }
  return (
    <label>
      <span className="block text-xs">{label}</span>
      {children}
    </label>
  );
}

interface SelectProps {
  label: string;
  id?: string;
  name: string;
  defaultValue: string | number;
  /** The first choice, value "", that does not filter ("All"). */
  allLabel?: string;
  options: readonly { value: string | number; label: string }[];
}

/** A filter as a drop-down list of choices. */
export function FilterSelect({ label, id, name, defaultValue, allLabel, options }: SelectProps) {
  return (
    <FilterField label={label} id={id}>
      <select id={id} name={name} defaultValue={defaultValue} className="admin-input">
        {allLabel === undefined ? null : <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

interface FormProps {
  submitLabel: React.ReactNode;
  className: string;
  children: React.ReactNode;
  /** After the submit button (a link to another view of the list). */
  after?: React.ReactNode;
}

/** A list's filter bar: a GET form, so every filtered view has its own address. */
export function FilterForm({ submitLabel, className, children, after }: FormProps) {
  return (
    <form method="get" role="search" className={className}>
      {children}
      <button type="submit" className="admin-button">
        {submitLabel}
      </button>
      {after}
    </form>
  );
}
