import { getSettingsForEdit } from '@/db/queries/admin/settings';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField, TextAreaField, TextField } from '@/components/admin/forms/Field';
import { NavEditor } from '@/components/admin/forms/NavEditor.client';
import { managePage } from '@/services/admin/page-context';
import { staffPageMetadata } from '@/services/admin/metadata';
import { NAV_MAX_ITEMS } from '@/domain/validation/settings';
import { saveSettingsForm } from '../../../../actions/settings';

export const generateMetadata = () => staffPageMetadata('settings:manage', ({ t }) => t('settings'));

function timeZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(current);
  return [...zones].sort();
}

export default async function SettingsPage() {
  const { t, mt, db } = await managePage('settings:manage');
  const settings = await getSettingsForEdit(db);
  const form = 'settings';
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('settings')}</h1>
      <ActionForm action={saveSettingsForm} idPrefix={form} className="space-y-6" messagesAtEnd>
        <input type="hidden" name="baseUpdatedAt" value={settings.updatedAt ?? ''} />
        <section aria-labelledby="settings-identity" className="admin-card grid gap-4 md:grid-cols-2">
          <h2 id="settings-identity" className="font-semibold md:col-span-2">
            {mt('identity')}
          </h2>
          <TextField form={form} name="name" label={mt('siteName')} required maxLength={100} defaultValue={settings.name} />
          <TextField form={form} name="tagline" label={mt('tagline')} maxLength={200} defaultValue={settings.tagline} />
          <TextField form={form} name="hotline" label={mt('hotline')} maxLength={60} defaultValue={settings.hotline} type="tel" />
          <TextField form={form} name="logoUrl" label={mt('logoUrl')} hint={mt('logoHint')} maxLength={2000} defaultValue={settings.logoUrl ?? ''} autoCapitalize="none" spellCheck={false} />
        </section>
        <section aria-labelledby="settings-region" className="admin-card grid gap-4 md:grid-cols-2">
          <h2 id="settings-region" className="font-semibold md:col-span-2">
            {mt('languageAndTime')}
          </h2>
          <SelectField form={form} name="locale" label={mt('siteLocale')} hint={mt('siteLocaleHint')} defaultValue={settings.locale}>
            <option value="zh-CN">简体中文 (zh-CN)</option>
            <option value="en">English (en)</option>
          </SelectField>
          <SelectField form={form} name="timeZone" label={mt('timeZone')} hint={mt('timeZoneHint')} defaultValue={settings.timeZone}>
            {timeZones(settings.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </SelectField>
        </section>
        <section aria-labelledby="settings-nav" className="admin-card">
          <h2 id="settings-nav" className="mb-3 font-semibold">
            {mt('navigation')}
          </h2>
          <NavEditor
            form={form}
            initial={settings.nav}
            max={NAV_MAX_ITEMS}
            labels={{
              legend: mt('navItems'),
              hint: mt('navHint', { max: NAV_MAX_ITEMS }),
              label: mt('navLabel'),
              href: mt('navHref'),
              row: mt('navRow'),
              moveUp: mt('moveUp'),
              moveDown: mt('moveDown'),
              remove: mt('remove'),
              add: mt('addNavItem'),
              empty: mt('navEmpty'),
            }}
          />
        </section>
        <section aria-labelledby="settings-footer" className="admin-card grid gap-4 md:grid-cols-2">
          <h2 id="settings-footer" className="font-semibold md:col-span-2">
            {mt('footerAndReprint')}
          </h2>
          <TextAreaField form={form} name="footerText" label={mt('footerText')} maxLength={2000} defaultValue={settings.footerText} className="md:col-span-2" />
          <TextField form={form} name="icp" label={mt('icp')} hint={mt('icpHint')} maxLength={100} defaultValue={settings.icp} />
          <TextField form={form} name="reprintTemplate" label={mt('reprintTemplate')} hint={mt('reprintHint')} required maxLength={300} defaultValue={settings.reprintTemplate} />
        </section>
        <SubmitButton>{t('save')}</SubmitButton>
      </ActionForm>
    </div>
  );
}
