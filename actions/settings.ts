'use server';

import { saveSettings } from '@/db/queries/admin/settings';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { defineAction } from '@/actions/define';
import { settingsInput } from '@/domain/validation/settings';

export const saveSettingsAction = defineAction(
  { name: 'settings.update', input: settingsInput, permission: 'settings:manage' },
  async (input, ctx) => ctx.expire(await saveSettings(ctx.db, staffOf(ctx), input)),
);

export async function saveSettingsForm(_state: FormState, form: FormData): Promise<FormState> {
  const labels = form.getAll('navLabel');
  const hrefs = form.getAll('navHref');
  const nav = labels.map((label, i) => ({ label: String(label), href: String(hrefs[i] ?? '') }));
  const result = await saveSettingsAction({
    name: text(form, 'name'),
    tagline: text(form, 'tagline'),
    hotline: text(form, 'hotline'),
    logoUrl: text(form, 'logoUrl'),
    locale: text(form, 'locale') as 'zh-CN',
    timeZone: text(form, 'timeZone'),
    footerText: text(form, 'footerText'),
    icp: text(form, 'icp'),
    policeFiling: text(form, 'policeFiling'),
    reprintTemplate: text(form, 'reprintTemplate'),
    feedFullText: (text(form, 'feedFullText') || 'full') as 'full',
    nav,
    baseUpdatedAt: text(form, 'baseUpdatedAt') || null,
  });
  return formState(result, 'settingsSaved');
}
