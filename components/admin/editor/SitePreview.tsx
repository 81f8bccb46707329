import type { ArticleDTO, SiteSettingsDTO } from '@/db/queries/dto';
import { WithMostRead } from '@/components/site/MostRead';
import { SiteChrome } from '@/components/site/SiteChrome';
import { PreviewArticle } from './PreviewArticle';

interface Props {
  settings: SiteSettingsDTO;
  article: ArticleDTO;
  banner: string;
}

/**
 * A draft exactly as the reader's article page lays it out: the site's header, breadcrumb,
 * "most read" sidebar and footer (the same components as app/(site)), none of the admin's chrome.
 * Staff previews and share links both render it.
 */
export function SitePreview({ settings, article, banner }: Props) {
  return (
    <SiteChrome>
      <WithMostRead locale={settings.locale}>
        <PreviewArticle settings={settings} article={article} banner={banner} />
      </WithMostRead>
    </SiteChrome>
  );
}
