import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachingProxyConf } from '../../scripts/bench/nginx-cache';

/** docs/nginx/gazette.conf, the caching proxy of docs/scaling.md: what the bench runs, and nginx accepts it. */
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const documented = fs.readFileSync(path.join(root, 'docs/nginx/gazette.conf'), 'utf8');
const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-nginx-test-'));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the documented nginx caching proxy', () => {
  const conf = cachingProxyConf(documented, dir, 18123, 'http://127.0.0.1:3999');

  it('is the documented file with only the cache folder, listen address and upstream changed', () => {
    expect(conf).toContain(`proxy_cache_path ${path.join(dir, 'cache')} levels=1:2 keys_zone=gazette:50m`);
    expect(conf).toContain('listen 127.0.0.1:18123;');
    expect(conf).toContain('server 127.0.0.1:3999;');
    for (const directive of ['proxy_cache_use_stale updating', 'proxy_cache_background_update on', 'proxy_cache_bypass $gazette_private $gazette_refresh', 'location ^~ /admin', 'location ^~ /preview/', 'location ^~ /api/']) {
      expect(conf).toContain(directive);
    }
    expect(documented).not.toMatch(/proxy_cache_valid|proxy_ignore_headers/); // the app's Cache-Control decides
  });

  it.skipIf(!nginx)('passes nginx -t', () => {
    const file = path.join(dir, 'nginx.conf');
    fs.writeFileSync(file, conf);
    const out = execFileSync(nginx!, ['-t', '-e', path.join(dir, 'error.log'), '-c', file, '-p', `${dir}/`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });
});
