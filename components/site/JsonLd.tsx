import { jsonLdText } from '@/domain/structured-data';

/** schema.org data for search engines (domain/structured-data.ts). */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
