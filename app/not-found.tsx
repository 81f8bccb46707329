import { NotFoundView } from '@/components/site/NotFoundView';

// Next sends the root not-found with every page of the app, reader pages included (its docs say so):
// keep it small. Reader 404s render app/(site)/not-found.tsx inside the site's header and footer;
// this one only shows for the admin's and previews' own notFound().
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4">
      <NotFoundView />
    </main>
  );
}
