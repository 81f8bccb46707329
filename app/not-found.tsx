import { SiteChrome } from '@/components/site/SiteChrome';
import { NotFoundView } from '@/components/site/NotFoundView';

export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundView />
    </SiteChrome>
  );
}
