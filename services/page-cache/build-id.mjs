// @ts-check
import fs from 'node:fs';
import path from 'node:path';

/** @type {string | undefined} */
let buildId;

/**
 * The id of the build whose server folder Next names (by default the one in the working
 * directory): pages rendered by another build refer to scripts and styles this one does not have,
 * so the shared cache levels keep builds apart.
 * @param {string | undefined} [serverDistDir]
 */
export function buildIdOf(serverDistDir) {
  buildId ??= fs.readFileSync(path.join(serverDistDir ?? path.join(process.cwd(), '.next', 'server'), '..', 'BUILD_ID'), 'utf8').trim();
  return buildId;
}
