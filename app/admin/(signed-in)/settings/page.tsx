import { getSettingsForEdit } from '@/db/queries/admin/settings';
import { listNavTargets } from '@/db/queries/admin/nav-targets';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField, TextAreaField, TextField } from '@/components/admin/forms/Field';
import { LogoField } from '@/components/admin/forms/LogoField.client';
import { NavEditor } from '@/components/admin/forms/NavEditor.client';
import { adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { NAV_MAX_ITEMS } from '@/domain/validation/settings';
import { saveSettingsForm } from '../../../../actions/settings';

/** The headings of the settings groups span the two columns of their card. */
const GROUP_TITLE = 'font-semibold md:col-span-2';

export const generateMetadata = () => adminPageMetadata('settings:manage', ({ t }) => t('settings'));

function timeZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(current);
  return [...zones].sort();
}

export default async function SettingsPage() {
  const { t, mt, db, user, locale } = await adminPage('settings:manage');
  const [settings, navTargets] = await Promise.all([getSettingsForEdit(db), listNavTargets(db)]);
  const form = 'settings';
  return (
    <div className="space-y-6">
      <PageHeader title={t('settings')} />
      <ActionForm action={saveSettingsForm} idPrefix={form} className="space-y-6" messagesAtEnd>
        <input type="hidden" name="baseUpdatedAt" value={settings.updatedAt ?? ''} />
        <Card id="settings-identity" title={mt('identity')} titleClassName={GROUP_TITLE} className="admin-card grid gap-4 md:grid-cols-2">
          <TextField form={form} name="name" label={mt('siteName')} required maxLength={100} defaultValue={settings.name} />
          <TextField form={form} name="tagline" label={mt('tagline')} maxLength={200} defaultValue={settings.tagline} />
          <TextField form={form} name="hotline" label={mt('hotline')} hint={mt('hotlineHint')} maxLength={60} defaultValue={settings.hotline} type="tel" />
          <LogoField form={form} name="logoUrl" label={mt('logoUrl')} hint={mt('logoHint')} defaultValue={settings.logoUrl ?? ''} locale={locale} />
        </Card>
        <Card id="settings-region" title={mt('languageAndTime')} titleClassName={GROUP_TITLE} className="admin-card grid gap-4 md:grid-cols-2">
          <SelectField form={form} name="locale" label={mt('siteLocale')} hint={mt('siteLocaleHint')} defaultValue={settings.locale}>
            <option value="zh-CN">简体中文 (zh-CN)</option>
            <option value="en">English (en)</option>
          </SelectField>
          {/* Typing filters the 400-odd zones (Shang… → Asia/Shanghai); the server checks the name. */}
          <TextField form={form} name="timeZone" label={mt('timeZone')} hint={mt('timeZoneHint')} required maxLength={64} defaultValue={settings.timeZone} list="time-zones" autoCapitalize="none" spellCheck={false} autoComplete="off" />
          <datalist id="time-zones">
            {timeZones(settings.timeZone).map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </Card>
        <Card id="settings-nav" title={mt('navigation')} titleClassName={CARD_TITLE.group}>
          <NavEditor
            form={form}
            initial={settings.nav}
            targets={navTargets}
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
        </Card>
        <Card id="settings-footer" title={mt('footerAndReprint')} titleClassName={GROUP_TITLE} className="admin-card grid gap-4 md:grid-cols-2">
          <TextAreaField form={form} name="footerText" label={mt('footerText')} maxLength={2000} defaultValue={settings.footerText} className="md:col-span-2" />
          <TextField form={form} name="icp" label={mt('icp')} hint={mt('icpHint')} maxLength={100} defaultValue={settings.icp} />
          <TextField form={form} name="policeFiling" label={mt('policeFiling')} hint={mt('policeFilingHint')} maxLength={100} defaultValue={settings.policeFiling} />
          <TextField form={form} name="reprintTemplate" label={mt('reprintTemplate')} hint={mt('reprintHint')} required maxLength={300} defaultValue={settings.reprintTemplate} />
          <SelectField form={form} name="feedFullText" label={mt('feedContent')} hint={mt('feedContentHint')} defaultValue={settings.feedFullText ? 'full' : 'summary'}>
            <option value="full">{mt('feedFull')}</option>
            <option value="summary">{mt('feedSummary')}</option>
          </SelectField>
        </Card>
        <SubmitButton>{t('save')}</SubmitButton>
      </ActionForm>
      {user.isOwner ? (
        <p className="text-sm">
          {/* A download, not a page: a plain link, so the router does not prefetch it. */}
          <a href="/admin/export" download className="underline">
            {mt('exportSite')}
          </a>
          <span className="block text-gray-600">{mt('exportSiteHint')}</span>
        </p>
      ) : null}
    </div>
  );
}
