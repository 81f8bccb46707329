import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge } from '../../scripts/check-audit.mjs';

/** Shapes of `npm audit --omit=dev --json` (npm 7+, report version 2). */
const advisory = (name: string, severity: string, ghsa: string) => ({
  source: 1_100_000,
  name,
  dependency: name,
  title: `${name} is vulnerable`,
  url: `https://github.com/advisories/${ghsa}`,
  severity,
  range: '<2.0.0',
});
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    'bad-lib': { name: 'bad-lib', severity: 'high', via: [advisory('bad-lib', 'high', 'GHSA-aaaa-bbbb-cccc')], effects: ['uses-bad-lib'] },
    'uses-bad-lib': { name: 'uses-bad-lib', severity: 'high', via: ['bad-lib'], effects: [] },
    'meh-lib': { name: 'meh-lib', severity: 'moderate', via: [advisory('meh-lib', 'moderate', 'GHSA-mmmm-mmmm-mmmm')], effects: [] },
  },
  metadata: { vulnerabilities: { high: 2, moderate: 1 } },
};
const unreachable = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 };
const now = new Date('2026-12-06T00:00:00Z');

describe('scripts/check-audit.mjs', () => {
  it('a high advisory in a runtime dependency fails, counted once (not again through the package that uses it); moderate ones do not', () => {
    const verdict = judge(report, [], now);
    expect(verdict.status).toBe('fail');
    expect(verdict.blocking).toEqual([{ id: 'GHSA-AAAA-BBBB-CCCC', package: 'bad-lib', severity: 'high', title: 'bad-lib is vulnerable', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc' }]);
  });

  it('a reviewed exception accepts it until its date; expired or for another package it does not', () => {
    const allow = { id: 'GHSA-aaaa-bbbb-cccc', package: 'bad-lib', reason: 'only reached from the build', until: '2027-01-01' };
    expect(judge(report, [allow], now)).toMatchObject({ status: 'pass', accepted: [{ id: 'GHSA-AAAA-BBBB-CCCC' }] });
    expect(judge(report, [{ ...allow, until: '2026-12-01' }], now)).toMatchObject({ status: 'fail', expired: [{ id: allow.id }] });
    expect(judge(report, [{ ...allow, package: 'other' }], now).status).toBe('fail');
  });

  it('an exception that matches nothing is reported as stale', () => {
    const stale = { id: 'GHSA-zzzz-zzzz-zzzz', reason: 'was in an old version', until: '2027-01-01' };
    expect(judge({ auditReportVersion: 2, vulnerabilities: {} }, [stale], now)).toMatchObject({ status: 'pass', stale: [stale] });
  });

  it('an advisory service that cannot be reached is "unavailable": a warning, or a failure with AUDIT_REQUIRED=1', () => {
    expect(judge(unreachable, [], now)).toMatchObject({ status: 'unavailable', problem: unreachable.message });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-'));
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, JSON.stringify(unreachable));
    const run = (env: Record<string, string>) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, ['scripts/check-audit.mjs', '--report', file], { env: { ...process.env, ...env }, encoding: 'utf8' }) };
      } catch (error) {
        const e = error as { status: number; stdout: string };
        return { code: e.status, out: e.stdout };
      }
    };
    expect(run({ AUDIT_REQUIRED: '0' })).toMatchObject({ code: 0, out: expect.stringContaining('WARNING: the advisory service could not be asked') });
    expect(run({ AUDIT_REQUIRED: '1' })).toMatchObject({ code: 1, out: expect.stringContaining('FAILED') });
    fs.writeFileSync(file, JSON.stringify(report));
    expect(run({})).toMatchObject({ code: 1, out: expect.stringContaining('GHSA-AAAA-BBBB-CCCC  bad-lib') });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
