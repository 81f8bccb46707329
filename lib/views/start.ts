import { viewsEnabled } from './config';
import { startViewCounting } from './flush';
import { installPeerAddressHeader } from './peer';

/** Called once per server process from instrumentation: client addresses, the flush timer, the shutdown flush. */
export function startViewsAtBoot(): void {
  installPeerAddressHeader();
  if (viewsEnabled()) startViewCounting();
}
