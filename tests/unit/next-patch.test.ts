import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextServerFiles, patchSource } from '../../scripts/patch-next.mjs';

describe('the postinstall patch of Next.js (scripts/patch-next.mjs)', () => {
  it('stops IncrementalCache.set from stringifying every stored page', () => {
    const before = 'async set(e,t,r){let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler)';
    const { text, changed } = patchSource(before);
    expect(changed).toBe(1);
    expect(text).toContain('let i=r.fetchCache?JSON.stringify(t).length:0;if(r.fetchCache&&i>2097152');
    const again = patchSource(text);
    expect(again.changed).toBe(0);
    expect(again.alreadyPatched).toBe(true);
  });

  it('is applied to the installed Next.js (fails after an upgrade until the patch is updated or dropped)', () => {
    const files: string[] = nextServerFiles();
    const appPage = files.filter((file) => /app-page(-turbo)?\.runtime\.prod\.js$/.test(file));
    expect(appPage).toHaveLength(2);
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/let [a-z]=JSON\.stringify\(t\)\.length;if\(r\.fetchCache/);
    }
    for (const file of appPage) expect(fs.readFileSync(file, 'utf8'), file).toContain('=r.fetchCache?JSON.stringify(t).length:0;');
  });
});
