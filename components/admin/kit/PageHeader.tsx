import Link from 'next/link';

interface Props {
  title: React.ReactNode;
  /** The list this screen belongs to, as a one-link breadcrumb above the title. */
  back?: { href: string; label: string; navLabel: string };
  /** The screen's main call to action, beside the title (e.g. "New page"). */
  action?: { href: string; label: string };
}

/** The top of every admin screen: breadcrumb, the one h1, and the primary action. */
export function PageHeader({ title, back, action }: Props) {
  const heading = <h1 className="text-2xl font-bold">{title}</h1>;
  return (
    <>
      {back ? (
        <nav aria-label={back.navLabel} className="text-sm">
          <Link href={back.href} className="underline">
            {back.label}
          </Link>
        </nav>
      ) : null}
      {action ? (
        <div className="flex items-center justify-between">
          {heading}
          <Link href={action.href} className="admin-button-primary">
            {action.label}
          </Link>
        </div>
      ) : (
        heading
      )}
    </>
  );
}
