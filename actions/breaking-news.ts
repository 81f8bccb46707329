'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { endBreakingNews, setBreakingNews } from '@/db/queries/admin/breaking-news';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { defineAction } from '@/actions/define';
import { breakingNewsInput } from '@/domain/validation/breaking-news';

export const setBreakingNewsAction = defineAction({ name: 'breaking.set', input: breakingNewsInput, permission: 'breaking:manage' }, async (input, ctx) =>
  ctx.expire(await setBreakingNews(ctx.db, staffOf(ctx), input)),
);

export const endBreakingNewsAction = defineAction({ name: 'breaking.end', input: z.object({}), permission: 'breaking:manage' }, async (_input, ctx) =>
  ctx.expire(await endBreakingNews(ctx.db, staffOf(ctx))),
);

export async function setBreakingNewsForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await setBreakingNewsAction({ text: text(form, 'text'), href: text(form, 'href'), hours: text(form, 'hours') }), 'breakingSet');
}

/** The button goes with the banner it ends, so the answer is shown on the page it lands on. */
export async function endBreakingNewsForm(): Promise<FormState> {
  const result = await endBreakingNewsAction({});
  if (result.ok) redirect('/admin/breaking?ended=1');
  return formState(result, 'breakingEnded');
}
