/**
 * `npm run deploy-build`, the workflow's build step, outside the workflow: it builds at the
 * real clock when no instant is given (or the instant is past), writes the outputs the next
 * steps read and the record the next run's plan reads, and for a site under a path hands over
 * the host tree (the output under security/, security.txt at the top).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/deploy-build.ts';
import { planRun } from '../../src/deploy/plan.ts';
import { contentAt } from '../support/e2e-served.ts';
import { FIXTURE_SITE } from '../support/fixture-model.ts';
import { runCommand } from '../support/run-command.ts';

const COMMIT = 'c'.repeat(40);

async function deployBuild(contentRoot: string, extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'oex-deploy-build-'));
  const outputs = join(dir, 'outputs');
  writeFileSync(outputs, '');
  const record = join(dir, 'state/record.json');
  const r = await runCommand(run, ['--out', join(dir, 'dist'), '--record', record, ...extra], {
    env: { CONTENT_ROOT: contentRoot, GITHUB_OUTPUT: outputs, GITHUB_SHA: COMMIT, GITHUB_REF_NAME: '', BUILD_AT: '' },
  });
  const values = Object.fromEntries(
    readFileSync(outputs, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(/=(.*)/s).slice(0, 2)),
  ) as Record<string, string>;
  return { ...r, dir, values, record: existsSync(record) ? JSON.parse(readFileSync(record, 'utf8')) : null };
}

describe('npm run deploy-build', () => {
  it('builds now, and records what the next plan needs', async () => {
    const before = Date.now();
    const r = await deployBuild(FIXTURE_SITE, ['--at', '2020-01-01T00:00:00Z']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.values.publish_dir).toBe(join(r.dir, 'dist'));
    expect(Date.parse(r.values.clock!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(r.values.until!)).toBeGreaterThan(Date.parse(r.values.clock!));
    expect(r.values.site_url).toBe('https://security.openedx.org');
    expect(r.record).toEqual({ commit: COMMIT, at: r.values.clock, next: r.values.until });
    expect(existsSync(join(r.dir, 'dist/index.html'))).toBe(true);
    // The next scheduled run of the same commit stays idle until the lead window of `next`.
    expect(planRun({ event: 'schedule', commit: COMMIT, record: r.record, revealing: [], now: new Date(r.values.clock!) }).action).toMatch(
      /^(idle|reveal)$/,
    );
  });

  it('hands over the host tree of a site under a path', async () => {
    const r = await deployBuild(contentAt(FIXTURE_SITE, 'https://openedx.org/security'));
    expect(r.code, r.stderr).toBe(0);
    const tree = r.values.publish_dir!;
    expect(tree).toBe(join(r.dir, 'dist.host'));
    for (const file of ['security/index.html', 'security/.well-known/security.txt', '.well-known/security.txt', '_headers']) {
      expect(existsSync(join(tree, file)), file).toBe(true);
    }
    expect(existsSync(join(tree, 'security/_headers'))).toBe(false);
    expect(existsSync(join(tree, 'security/_domain-root'))).toBe(false);
    expect(readFileSync(join(tree, '_headers'), 'utf8')).toMatch(/^\/security\/feed\.json$/m);
  });
});
