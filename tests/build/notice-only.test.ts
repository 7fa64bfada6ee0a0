/**
 * A notice-only advisory file (src/schemas/notice-only.ts) through the real production build:
 * while announced it builds exactly the bytes the full file builds, every page, feed, export
 * and search file alike; once due it fails the build, naming the field, and leaves no output.
 */
import { existsSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.ts';
import { buildSite, makeContentRoot, PROJECT_ROOT, readTree } from '../support/build-site.ts';
import { FIXTURE_SITE } from '../support/e2e-site.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { ANNOUNCED_DATES, FIXTURE_CLOCK, FIXTURE_IDS } from '../fixtures/site/canaries.ts';

const FILE = `advisories/2026/${FIXTURE_IDS.announced}.md`;

/** What the public mirror holds for the fixture's announced advisory: the four keys, no body. */
const NOTICE_ONLY = `---
id: ${FIXTURE_IDS.announced}
announce_at: "${ANNOUNCED_DATES.announce_at}"
publish_at: "${ANNOUNCED_DATES.publish_at}"
notice:
  components: [openedx/openedx-platform]
  releases: [verawood]
  severity: high
  text: Authentication fix in the LMS; patch for Verawood.
---
`;

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const root = (extra: Record<string, string> = {}) => {
  const dir = makeContentRoot(extra, 'site');
  cleanup.push(dir);
  return dir;
};

function check(contentRoot: string, at: string): { status: number; out: string } {
  const lines: string[] = [];
  const env = { CONTENT_ROOT: contentRoot, INIT_CWD: PROJECT_ROOT, GITHUB_ACTIONS: '' };
  const status = runCheck(['--at', at], env, PROJECT_ROOT, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { status, out: lines.join('\n') };
}

describe('a notice-only advisory', () => {
  const noticeOnly = root({ [FILE]: NOTICE_ONLY });

  it('passes check while announced, and is refused at publish_at', () => {
    expect(check(noticeOnly, FIXTURE_CLOCK).status).toBe(0);
    const due = check(noticeOnly, ANNOUNCED_DATES.publish_at);
    expect(due.status).toBe(1);
    expect(due.out).toContain(
      `content/${FILE}:4: publish_at: has passed at the clock (${ANNOUNCED_DATES.publish_at}), and the file holds only the notice: a published advisory needs title, summary, affected and its Markdown body (add them, or move publish_at later)`,
    );
  });

  it('builds the same bytes as the full file while announced', () => {
    // The full file is the fixture site's own: its build is shared with other test files.
    const a = sharedBuild(FIXTURE_SITE, FIXTURE_CLOCK);
    const b = buildSite(noticeOnly, FIXTURE_CLOCK);
    cleanup.push(b.outDir);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const [one, two] = [readTree(a.outDir), readTree(b.outDir)];
    expect(one.size).toBeGreaterThan(50);
    expect([...two.keys()]).toEqual([...one.keys()]);
    const differ = [...one].filter(([file, text]) => two.get(file) !== text).map(([file]) => file);
    expect(differ).toEqual([]);
    // The notice is there, as announced advisories show it.
    expect(one.get('upcoming/index.html')).toContain(FIXTURE_IDS.announced);
  }, 120_000);

  it('fails the build at publish_at, naming the field, and leaves nothing to deploy', () => {
    const r = buildSite(noticeOnly, ANNOUNCED_DATES.publish_at);
    cleanup.push(r.outDir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`content/${FILE}:4: publish_at: has passed at the clock`);
    expect(existsSync(`${r.outDir}/index.html`)).toBe(false);
  }, 60_000);
});
