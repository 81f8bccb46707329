import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { sensitiveWords, siteSettings } from '../../schema';
import { withTx } from '../../tx';
import { writeAudit } from './audit';
import type { StaffActor } from './sections';
import { ActionError, forbiddenError } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import { parseWordList, SENSITIVE_WORD_MAX_LENGTH, SENSITIVE_WORDS_MAX, type SensitiveWordRule } from '../../../domain/publishing/sensitive-words';

/** The list and whether it blocks, for the checklist (editor and DAL) and the list's page. */
export async function getSensitiveWordRule(db: Database): Promise<SensitiveWordRule> {
  const [words, [settings]] = await Promise.all([
    db.select({ word: sensitiveWords.word }).from(sensitiveWords).orderBy(asc(sensitiveWords.word)),
    db.select({ block: siteSettings.sensitiveWordsBlock }).from(siteSettings).where(eq(siteSettings.id, 1)),
  ]);
  return { words: words.map((w) => w.word), block: settings?.block ?? false };
}

/**
 * Replaces the list with `text` (one word per line, as typed or imported) and sets whether a
 * match blocks; all or nothing. Too many or too long words are a 422 on the field, naming them.
 */
export async function saveSensitiveWords(db: Database, actor: StaffActor, input: { text: string; block: boolean }): Promise<{ count: number; invalidate: string[] }> {
  if (!can(actor.role, 'settings:manage')) throw forbiddenError();
  const words = parseWordList(input.text);
  const tooLong = words.filter((w) => [...w].length > SENSITIVE_WORD_MAX_LENGTH);
  if (tooLong.length) throw ActionError.onField(422, 'words', { code: 'sensitiveWordTooLong', params: { max: SENSITIVE_WORD_MAX_LENGTH, words: tooLong.slice(0, 5).join('、') } });
  if (words.length > SENSITIVE_WORDS_MAX) throw ActionError.onField(422, 'words', { code: 'sensitiveWordsTooMany', params: { max: SENSITIVE_WORDS_MAX, count: words.length } });
  return withTx(db, async (t) => {
    const before = await getSensitiveWordRule(t);
    await t.delete(sensitiveWords);
    if (words.length) await t.insert(sensitiveWords).values(words.map((word) => ({ word })));
    await t.update(siteSettings).set({ sensitiveWordsBlock: input.block, updatedAt: sql`now()` }).where(eq(siteSettings.id, 1));
    const added = words.filter((w) => !before.words.includes(w));
    const removed = before.words.filter((w) => !words.includes(w));
    await writeAudit(t, {
      actorId: actor.id,
      ip: actor.ip,
      action: 'settings.sensitive-words',
      entityType: 'settings',
      entityId: 1,
      summary: `${words.length}`,
      data: { count: words.length, added: added.slice(0, 50), removed: removed.slice(0, 50), block: input.block },
    });
    // Readers see nothing of it.
    return { count: words.length, invalidate: [] };
  });
}
