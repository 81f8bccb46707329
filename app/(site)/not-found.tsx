import { NotFoundView } from '@/components/site/NotFoundView';

export default function SiteNotFound() {
  return <NotFoundView />;
}
