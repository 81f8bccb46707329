import Link from 'next/link';

interface Props {
  siteName: string;
  title: string;
  /** "Back to sign in", in the page's language. */
  backLabel: string;
  children: React.ReactNode;
}

/** The narrow page of the signed-out admin (password reset and links): the site, a heading, the way back to sign in. */
export function SignedOutPage({ siteName, title, backLabel, children }: Props) {
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">{siteName}</p>
      <h1 className="mb-4 text-center text-2xl font-bold">{title}</h1>
      {children}
      <p className="mt-6 text-center text-sm">
        <Link className="underline" href="/admin/login">
          {backLabel}
        </Link>
      </p>
    </main>
  );
}

/** A notice on such a page: `role` alert for a refusal, status for information. */
export function SignedOutNotice({ role, children }: { role: 'alert' | 'status'; children: React.ReactNode }) {
  return (
    <p role={role} className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
      {children}
    </p>
  );
}
