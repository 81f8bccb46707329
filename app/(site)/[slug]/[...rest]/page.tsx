import { followRedirectOr404 } from '@/services/route-params';

/** Deeper paths exist only as recorded redirects (old URLs from an import); the rest is a 404. */
export default async function DeepPath({ params }: { params: Promise<{ slug: string; rest: string[] }> }) {
  const { slug, rest } = await params;
  return followRedirectOr404(`/${[slug, ...rest].join('/')}`);
}
