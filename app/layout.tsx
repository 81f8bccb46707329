import type { Metadata, Viewport } from 'next';
import './globals.css';
import { getSettings } from '@/services/reader';
import { siteUrl } from '@/domain/env';
import { siteOpenGraph } from '@/services/site-metadata';

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSettings();
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: settings.tagline ? `${settings.name} - ${settings.tagline}` : settings.name, template: `%s - ${settings.name}` },
    description: settings.tagline || undefined,
    openGraph: await siteOpenGraph(),
    twitter: { card: 'summary' },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0a0a0a' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const settings = await getSettings();
  return (
    <html lang={settings.locale}>
      <body>{children}</body>
    </html>
  );
}
