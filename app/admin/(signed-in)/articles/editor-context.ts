import 'server-only';
import { getDb } from '@/db/client';
import type { SectionDTO } from '@/db/queries/dto';
import type { EditableArticleDTO } from '@/db/queries/admin/article-for-edit';
import { listTagsForAdmin } from '@/db/queries/admin/taxonomy';
import { listStaff } from '@/db/queries/admin/users';
import { getSensitiveWordRule } from '@/db/queries/admin/sensitive-words';
import { adminLocale } from '@/services/admin/locale';
import type { CurrentUser } from '@/services/auth/session';
import { selectableAuthors } from '@/domain/attribution';
import { can } from '@/domain/permissions';
import { getSections, getSettings } from '@/services/reader';
import type { EditorArticle, EditorContext, SectionOption } from '../../../../components/admin/editor/types';

/** Sections in tree order, each with its depth, for an indented <select>. */
export function sectionOptions(sections: SectionDTO[]): SectionOption[] {
  const out: SectionOption[] = [];
  const byParent = (parentId: number | null) =>
    sections.filter((s) => s.parentId === parentId).sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title));
  const visit = (parentId: number | null, depth: number) => {
    if (depth > 10) return;
    for (const section of byParent(parentId)) {
      out.push({ id: section.id, title: section.title, depth });
      visit(section.id, depth + 1);
    }
  };
  visit(null, 0);
  // Sections whose parent is missing would otherwise vanish from the list.
  for (const s of sections) if (!out.some((o) => o.id === s.id)) out.push({ id: s.id, title: s.title, depth: 0 });
  return out;
}

/**
 * Everything the editor island needs besides the article, as plain props. Disabled accounts are
 * not offered as authors, except those the story already credits (`creditedIds`), who stay shown.
 */
export async function loadEditorContext(user: CurrentUser, creditedIds: readonly number[] = []): Promise<EditorContext> {
  const db = await getDb();
  const [uiLocale, settings, sections, staff, tags, sensitiveWords] = await Promise.all([
    adminLocale(user),
    getSettings(),
    getSections(),
    listStaff(db),
    listTagsForAdmin(db),
    getSensitiveWordRule(db),
  ]);
  return {
    uiLocale,
    timeZone: settings.timeZone,
    siteLocale: settings.locale,
    sections: sectionOptions(sections),
    staff: selectableAuthors(staff, creditedIds).map((s) => ({ id: s.id, name: s.name })),
    tagSuggestions: tags.map((t) => t.name),
    canEditAuthors: can(user.role, 'article:edit-any'),
    canFeature: can(user.role, 'article:publish-any'),
    canReview: can(user.role, 'article:review'),
    sensitiveWords,
  };
}

/** Only the fields the island uses cross the server/client boundary. */
export function toEditorArticle(dto: EditableArticleDTO): EditorArticle {
  return {
    id: dto.id,
    version: dto.version,
    status: dto.status,
    deleted: dto.deleted,
    reviewNote: dto.reviewNote,
    publishedAt: dto.publishedAt,
    featured: dto.featured,
    pinned: dto.pinned,
    pinnedUntil: dto.pinnedUntil,
    locale: dto.locale,
    values: dto.values,
    permissions: dto.permissions,
  };
}
