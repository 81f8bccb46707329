'use client';

/** Shown when a reader page fails; bilingual because the settings may be what failed to load. */
export default function SiteError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="py-16 text-center" role="alert">
      <h1 className="text-2xl font-bold">出错了 · Something went wrong</h1>
      <p className="mt-2 text-neutral-700 dark:text-neutral-300">
        服务暂时不可用，请稍后再试。 The service is temporarily unavailable. Please try again shortly.
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded border border-neutral-400 px-4 py-2 hover:bg-neutral-100 dark:hover:bg-neutral-900">
        重试 · Try again
      </button>
    </section>
  );
}
