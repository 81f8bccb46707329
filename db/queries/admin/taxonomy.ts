import 'server-only';
import { asc } from 'drizzle-orm';
import type { Database } from '../../client';
import { tags } from '../../schema';

export interface AdminTagOptionDTO {
  id: number;
  name: string;
  slug: string;
}

export async function listTagsForAdmin(db: Database): Promise<AdminTagOptionDTO[]> {
  return db.select({ id: tags.id, name: tags.name, slug: tags.slug }).from(tags).orderBy(asc(tags.name));
}
