import { viewsEnabled } from '@/domain/views/config';

/**
 * Records a view of the article and refreshes its count, while the page itself stays cached.
 *
 * An async script (`/api/views?id=…&f=js`, no-store) rather than an inline one: React 19 runs an
 * async script it renders on the client too, once per src, so a reader arriving through a client-side
 * navigation (a link on the home page, 上一篇/下一篇) is counted as well; an inline <script> rendered
 * that way never runs. The response is a one-line script that writes the fresh count into
 * `[data-view-count]`. Without JavaScript the <noscript> pixel counts instead.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  if (!viewsEnabled()) return null;
  return (
    <>
      <script async src={`/api/views?id=${articleId}&f=js`} />
      <noscript>
        {/* eslint-disable-next-line @next/next/no-img-element -- a counting pixel, not content */}
        <img src={`/api/views?id=${articleId}`} alt="" aria-hidden="true" width={1} height={1} className="absolute h-px w-px opacity-0" />
      </noscript>
    </>
  );
}
