import { z } from 'zod';

/**
 * zod for the modules the browser loads too (forms validate as the server will). zod compiles
 * object parsers with `new Function` when it may, and tries it once to find out: under the
 * admin's Content-Security-Policy (no 'unsafe-eval', domain/security-headers.mjs) that try is a
 * reported violation. In the browser it parses without compiling; the server keeps the fast path.
 * Every schema the browser builds must come through here, so this runs before the first one.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
