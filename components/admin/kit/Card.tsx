/** Heading styles of the cards: hidden (tables that need a name), forms, and the smaller action cards. */
export const CARD_TITLE = {
  hidden: 'sr-only',
  form: 'mb-3 text-lg font-semibold',
  action: 'mb-2 font-semibold',
  compact: 'mb-1 font-semibold',
  group: 'mb-3 font-semibold',
} as const;

interface Props {
  /** Id of the heading; the section is named by it (a landmark region for screen readers). */
  id: string;
  title: React.ReactNode;
  titleClassName?: string;
  /** A sentence under the heading explaining what the card does. */
  intro?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}

/** A white admin card: a named section with an h2, an optional explanation, then its content. */
export function Card({ id, title, titleClassName = CARD_TITLE.form, intro, className = 'admin-card', children }: Props) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={titleClassName}>
        {title}
      </h2>
      {intro ? <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">{intro}</p> : null}
      {children}
    </section>
  );
}
