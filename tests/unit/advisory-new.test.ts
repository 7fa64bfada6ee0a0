import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/lib/content.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { defaultDates } from '../../src/tools/new-advisory.ts';
import { cleanEnv, makeBareContentRoot, PROJECT_ROOT } from '../support/build-site.ts';

const run = (root: string, ...args: string[]) =>
  execFileSync(process.execPath, ['scripts/advisory-new.ts', ...args], { cwd: PROJECT_ROOT, env: cleanEnv({ CONTENT_ROOT: root }), encoding: 'utf8' });

describe('npm run advisory:new', () => {
  it('numbers ids per year, writes every field, and check refuses it until the FILL-INs are gone', () => {
    const root = makeBareContentRoot({ 'advisories/2026/OEA-2026-041.md': '' });
    const args = ['--year', '2026', '--component', 'openedx/openedx-platform', '--release', 'verawood', '--cvss', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L', '--severity', 'high', '--publish-at', '2026-12-09T14:00:00Z'];
    expect(run(root, ...args)).toContain('content/advisories/2026/OEA-2026-042.md');
    expect(run(root, ...args)).toContain('OEA-2026-043.md');
    writeFileSync(join(root, 'content/advisories/2026/OEA-2026-041.md'), readFileSync(join(root, 'content/advisories/2026/OEA-2026-043.md'), 'utf8').replace(/OEA-2026-043/g, 'OEA-2026-041'));

    const file = join(root, 'content/advisories/2026/OEA-2026-042.md');
    const { problems } = readCorpus(root, ['content/advisories/2026/OEA-2026-042.md']);
    const messages = problems.map(formatProblem).join('\n');
    for (const field of ['title', 'summary', 'notice.text', 'affected[0].releases[0].tag', '(body)']) {
      expect(messages).toContain(`OEA-2026-042.md: ${field}: still holds a FILL-IN placeholder`);
    }

    const filled = readFileSync(file, 'utf8')
      .replace('title: FILL-IN', 'title: Learners could change course prices')
      .replace(/"FILL-IN: [^"]*"/g, '"Filled in by the test."')
      .replace('tag: FILL-IN', 'tag: open-release/verawood.3')
      .replace(/^FILL-IN.*$/gm, 'Filled in by the test.');
    writeFileSync(file, filled);
    expect(readCorpus(root, ['content/advisories/2026/OEA-2026-042.md']).problems.map(formatProblem)).toEqual([]);
  });

  it('--dry-run prints the file and writes nothing; an existing id is never overwritten', () => {
    const root = makeBareContentRoot({});
    expect(run(root, '--dry-run', '--year', '2027')).toContain('id: OEA-2027-001');
    expect(existsSync(join(root, 'content/advisories/2027'))).toBe(false);
    run(root, '--year', '2027');
    expect(() => run(root, '--id', 'OEA-2027-001')).toThrow(/already exists/);
  });
});

describe('defaultDates', () => {
  it('publishes on a weekday at 14:00 UTC at least a week ahead, announced at least 48 hours before on a weekday', () => {
    for (let day = 0; day < 14; day++) {
      const now = new Date(Date.UTC(2026, 10, 20 + day, 9));
      const { announceAt, publishAt } = defaultDates(now, 48);
      const publish = new Date(publishAt);
      const announce = new Date(announceAt);
      expect([0, 6]).not.toContain(publish.getUTCDay());
      expect([0, 6]).not.toContain(announce.getUTCDay());
      expect(publish.getUTCHours()).toBe(14);
      expect(publish.getTime() - now.getTime()).toBeGreaterThanOrEqual(6 * 86_400_000);
      expect(publish.getTime() - announce.getTime()).toBeGreaterThanOrEqual(48 * 3_600_000);
    }
  });
});
