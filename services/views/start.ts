import { viewsEnabled } from '../../domain/views/config';
import { startViewCounting } from './flush';

/** Called once per server process from instrumentation: the flush timer, the shutdown flush. */
export function startViewsAtBoot(): void {
  if (viewsEnabled()) startViewCounting();
}
