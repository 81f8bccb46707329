/** A cache entry as Next stores a rendered page (APP_PAGE): HTML, RSC payload, per-segment data, tags. */
export function renderedPage(html: string, options: { tags?: string[]; status?: number; revalidate?: number; expire?: number } = {}) {
  return {
    lastModified: Date.now(),
    value: {
      kind: 'APP_PAGE',
      html,
      rscData: Buffer.from(`rsc of ${html}`),
      segmentData: new Map([['/_tree', Buffer.from('tree')]]),
      headers: { 'x-next-cache-tags': (options.tags ?? ['article:1', 'home']).join(',') },
      status: options.status ?? 200,
      postponed: undefined,
    },
    cacheControl: { revalidate: options.revalidate ?? 60, expire: options.expire ?? 3600 },
  };
}

export type RenderedPage = ReturnType<typeof renderedPage>;
