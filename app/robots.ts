import type { MetadataRoute } from 'next';
import { siteUrl } from '@/domain/env';

// Rendered per request: the sitemap's address depends on SITE_URL at run time, not at build time.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/preview/'] }], sitemap: `${siteUrl()}/sitemap.xml` };
}
