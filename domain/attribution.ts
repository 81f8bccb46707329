/**
 * Who readers see as 发布者 (publisher): the one rule behind the article page, the preview, the
 * feeds' dc:creator and the JSON-LD author (domain/structured-data.ts).
 *
 * The byline, when set, is what the admin chose to print ("本报记者 王小明"), so it wins over
 * the staff authors (the editor always adds the story's creator as one; they stay linked to the
 * story for their author pages). Without a byline the staff authors are named; without either,
 * the publication itself.
 */
export type Publisher<A> = { kind: 'byline'; name: string } | { kind: 'authors'; authors: readonly A[] } | { kind: 'site'; name: string };

export function publisherOf<A>(story: { byline: string; authors: readonly A[] }, siteName: string): Publisher<A> {
  const byline = story.byline.trim();
  if (byline) return { kind: 'byline', name: byline };
  if (story.authors.length) return { kind: 'authors', authors: story.authors };
  return { kind: 'site', name: siteName };
}

/** The publisher as plain text (feeds, structured data): staff authors' names joined by 、. */
export function publisherName(story: { byline: string; authors: readonly { name: string }[] }, siteName: string): string {
  const publisher = publisherOf(story, siteName);
  return publisher.kind === 'authors' ? publisher.authors.map((a) => a.name).join('、') : publisher.name;
}

/**
 * The staff the editor offers as authors: active accounts, plus any disabled one the story already
 * credits (shown, so that saving keeps the credit visibly rather than dropping it unseen).
 */
export function selectableAuthors<S extends { id: number; disabled: boolean }>(staff: readonly S[], creditedIds: readonly number[]): S[] {
  return staff.filter((person) => !person.disabled || creditedIds.includes(person.id));
}

/** Case- and width-insensitive containment, spaces ignored: 王 finds 王小明, "lihua" and "ＬＩ" find "Li Hua". */
export function nameMatches(name: string, filter: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  return norm(name).includes(norm(filter));
}

/**
 * 责任编辑 / "Editor": the name typed for the story, else the staff member who published it (or
 * scheduled it to go out), as Chinese newsrooms credit the editor on duty. '' when neither is known
 * (an imported story nobody here published): no credit line rather than a wrong one.
 */
export function editorCredit(editorName: string, publishedByName: string | null | undefined): string {
  return editorName.trim() || publishedByName?.trim() || '';
}
