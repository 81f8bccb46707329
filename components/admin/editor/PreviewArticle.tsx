import type { ArticleDTO, SiteSettingsDTO } from '@/db/queries/dto';
import { ArticleView } from '@/components/site/ArticleView';
import { siteUrl } from '@/domain/env';
import { getSections, sectionTrail } from '@/services/reader';
import { absoluteUrl, articlePath } from '@/domain/urls';

interface Props {
  settings: SiteSettingsDTO;
  article: ArticleDTO;
  banner: string;
}

/** The reader's article view around a draft, under a banner that says it is a preview. */
export async function PreviewArticle({ settings, article, banner }: Props) {
  const sections = await getSections();
  return (
    <>
      <p role="note" className="mx-auto mb-4 max-w-3xl rounded border border-amber-400 bg-amber-50 px-4 py-2 text-sm text-neutral-900 dark:border-amber-700 dark:bg-amber-950 dark:text-neutral-100">
        {banner}
      </p>
      <ArticleView countViews={false}
        settings={settings}
        article={article}
        trail={sectionTrail(sections, article.sectionId)}
        // Neighbours and related stories depend on where the story lands once published.
        neighbours={{ previous: null, next: null }}
        related={[]}
        canonicalUrl={absoluteUrl(siteUrl(), articlePath(article))}
      />
    </>
  );
}
