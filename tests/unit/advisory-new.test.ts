/**
 * npm run advisory:new: ids, the file it writes, its flags and default dates. The file must be
 * refused by `npm run check` while a placeholder is left, and accepted once a person (here,
 * the test) has filled them in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAdvisory, readReleases } from '../../src/content/read-content.ts';
import { parseMarkdownFile } from '../../src/content/frontmatter.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { AdvisorySchema } from '../../src/schemas/advisory.ts';
import { advisoryText, orderLike } from '../../src/tools/advisory-writer.ts';
import { newAdvisory } from '../../src/tools/new-advisory.ts';
import { nextId } from '../../src/tools/next-id.ts';
import { findPlaceholders, PLACEHOLDER, replacePlaceholders } from '../../src/tools/placeholders.ts';
import { announceFor, proposeDates } from '../../src/tools/schedule.ts';
import { cleanEnv, makeBareContentRoot, PROJECT_ROOT } from '../support/build-site.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
/** A content root with the project's site.yaml and releases.yaml and only these advisories; removed after the tests. */
function tempRoot(advisories: Record<string, string>): string {
  const root = makeBareContentRoot(advisories);
  roots.push(root);
  return root;
}

const NOW = '2026-11-25T09:00:00Z'; // a Wednesday
const env = (extra: NodeJS.ProcessEnv = {}) => cleanEnv({ GITHUB_ACTIONS: '', INIT_CWD: PROJECT_ROOT, ...extra });
const node = (script: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [script, ...args], { cwd: PROJECT_ROOT, env: env(extra), encoding: 'utf8' });
const newFile = (root: string, ...args: string[]) => node('scripts/advisory-new.ts', ['--content-root', root, '--now', NOW, ...args]);
const check = (root: string, ...files: string[]) => node('scripts/check.ts', ['--format', 'human', ...files], { CONTENT_ROOT: root });
const releases = readReleases(PROJECT_ROOT, []) ?? [];

const SHA = 'a'.repeat(40);
/** What the working group writes in place of each placeholder. */
function fillIn(field: string): unknown {
  if (field.endsWith('.commit') || field.endsWith('master_fix')) return SHA;
  if (field.endsWith('.tag')) return 'open-release/verawood.3';
  if (field.endsWith('.release') || field === 'notice.releases[0]') return 'verawood';
  if (field.endsWith('.repository') || field === 'notice.components[0]') return 'openedx/openedx-platform';
  if (field === 'severity.cvss_v3') return 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L';
  if (field === 'notice.severity') return 'high';
  if (field.endsWith('.introduced')) return '1.0.0';
  if (field.endsWith('.fixed')) return '1.0.1';
  return 'Written by the working group.';
}

describe('next free id', () => {
  it('is one more than the highest sequence of the year, gaps kept, other years apart', () => {
    const root = tempRoot({
      'advisories/2026/OEA-2026-001.md': '',
      'advisories/2026/OEA-2026-041.md': '',
      'advisories/2025/OEA-2025-099.md': '',
    });
    expect(nextId(root, 2026)).toBe('OEA-2026-042');
    expect(nextId(root, 2025)).toBe('OEA-2025-100');
    expect(nextId(root, 2027)).toBe('OEA-2027-001');
  });
});

describe('npm run advisory:new', () => {
  it('writes the next id of the publication year, prints its path, and lists what to fill in', () => {
    const root = tempRoot({ 'advisories/2026/OEA-2026-041.md': '' });
    const run = newFile(root);
    expect(run.status, run.stderr).toBe(0);
    const printed = run.stdout.trim();
    expect(printed).toBe(join(root, 'content/advisories/2026/OEA-2026-042.md'));
    expect(run.stderr).toContain('title: one line naming the flaw');
    expect(run.stderr).toContain('notice.severity: none, low, medium, high or critical');
    expect(run.stderr).toMatch(/Proposed dates: pre-announcement 2026-11-30T14:00:00Z, publication 2026-12-02T14:00:00Z/);
    expect(newFile(root).stdout).toContain('OEA-2026-043.md');
  });

  it('has every required field, and check refuses the file until every FILL-IN is replaced', () => {
    const root = tempRoot({});
    expect(newFile(root).status).toBe(0);
    const rel = 'content/advisories/2026/OEA-2026-001.md';
    const file = join(root, rel);
    const { data, body } = parseMarkdownFile(readFileSync(file, 'utf8'));
    const required = Object.entries(AdvisorySchema.shape)
      .filter(([, s]) => !s.safeParse(undefined).success)
      .map(([k]) => k);
    expect(Object.keys(data)).toEqual(expect.arrayContaining(required));
    expect(body).toMatch(/## Impact[\s\S]*## Patches[\s\S]*## Workarounds[\s\S]*## References/);

    const refused = check(root, rel);
    expect(refused.status).toBe(1);
    for (const p of findPlaceholders(data, body).filter((p) => !p.field.startsWith('(body)'))) {
      expect(refused.stdout).toContain(`${rel}: ${p.field}: still holds a FILL-IN placeholder`);
    }

    const filled = replacePlaceholders(data, body, fillIn);
    writeFileSync(file, advisoryText(filled.data, filled.body));
    const accepted = check(root, rel);
    expect(accepted.stdout + accepted.stderr).toContain('content OK');
    expect(accepted.status).toBe(0);
  });

  it('takes the common fields as flags: title, components, repeated releases, a CVSS vector whose level it computes', () => {
    const root = tempRoot({});
    const run = newFile(
      root,
      '--dry-run',
      '--title',
      'Learners could change course prices',
      '--component',
      'openedx/openedx-platform',
      '--component',
      'lti-consumer-xblock',
      '--release',
      'verawood',
      '--release',
      'ulmo',
      '--cvss',
      'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L',
    );
    expect(run.status, run.stderr).toBe(0);
    const { data } = parseMarkdownFile(run.stdout);
    expect(data.title).toBe('Learners could change course prices');
    expect(data.notice).toMatchObject({
      components: ['openedx/openedx-platform', 'lti-consumer-xblock'],
      releases: ['verawood', 'ulmo'],
      severity: 'high',
    });
    expect(data.severity).toEqual({ cvss_v3: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L' });
    const [repo, pkg] = data.affected as Array<Record<string, unknown>>;
    expect(repo).toMatchObject({
      repository: 'openedx/openedx-platform',
      releases: [
        { release: 'verawood', status: 'fixed' },
        { release: 'ulmo', status: 'fixed' },
      ],
    });
    expect(pkg).toMatchObject({ package: { ecosystem: 'PyPI', name: 'lti-consumer-xblock' } });
    // --dry-run wrote nothing.
    expect(existsSync(join(root, 'content/advisories/2026'))).toBe(false);
  });

  it('takes a CVSS 4.0 vector under cvss_v4, and --publish-at with the notice period before it on a weekday', () => {
    const run = newFile(
      tempRoot({}),
      '--dry-run',
      '--cvss',
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N',
      '--publish-at',
      '2027-01-05T14:00:00Z',
    );
    expect(run.status, run.stderr).toBe(0);
    const { data } = parseMarkdownFile(run.stdout);
    expect(data.severity).toEqual({ cvss_v4: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N' });
    expect((data.notice as { severity: string }).severity).toBe('high');
    expect(data.id).toBe('OEA-2027-001'); // the publication's year
    // 48 hours before Tuesday 14:00 is Sunday 14:00; the notice moves back to Friday.
    expect(data.announce_at).toBe('2027-01-01T14:00:00Z');
  });

  it.each([
    [['--severity', 'low', '--cvss', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L'], '--severity: the vector scores 7.6 (high), not low'],
    [['--cvss', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H'], '--cvss: not a valid CVSS 3.1 vector: incomplete: missing base metric(s) A'],
    [
      ['--cvss', 'CVSS:3.1/AV:N/AC:Q/PR:L/UI:N/S:U/C:L/I:H/A:L'],
      '--cvss: not a valid CVSS 3.1 vector: at character 15: AC must be one of L, H (found "Q")',
    ],
    [['--release', 'zebra'], '--release: unknown named release (expected one of palm,'],
    [['--component', 'openedx/bad name'], '--component: a repository is written owner/name'],
    [['--publish-at', '2026-12-02 14:00'], '--publish-at: must be an ISO 8601 date-time'],
    [['--announce-at', '2026-12-01T14:00:00Z', '--publish-at', '2026-12-02T14:00:00Z'], '--announce-at: must be at least 48 hours'],
    [['--id', 'OEA-26-1'], '--id: must be an advisory id like "OEA-2026-007"'],
    [['--sevrity', 'high'], "Unknown option '--sevrity'"],
    [['--title', 'Two\nlines'], '--title: expected one line of text, without line breaks or control characters'],
    [['--summary', ' '], '--summary: expected one line of text'],
  ])('a usage mistake %j exits 2 and says: %s', (args, message) => {
    const root = tempRoot({});
    const run = newFile(root, ...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(root, 'content/advisories/2026'))).toBe(false);
  });

  it('says so when --publish-at is not in the future (backfilling an old advisory)', () => {
    const run = newFile(tempRoot({}), '--dry-run', '--publish-at', '2026-11-20T14:00:00Z');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Note: 2026-11-20T14:00:00Z is not in the future');
    expect(newFile(tempRoot({}), '--dry-run').stderr).not.toContain('Note:');
  });

  it('prints a check command that checks the new file, even in a content root outside the project', () => {
    const root = tempRoot({});
    const run = newFile(root, '--id', 'OEA-2026-001'); // the project has an OEA-2026-001.md of its own
    const command = /`npm run check -- ([^`]+)`/.exec(run.stderr)?.[1];
    expect(command).toContain(`--content-root ${root}`);
    const checked = node('scripts/check.ts', command!.split(' '));
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain('still holds a FILL-IN placeholder');
  });

  it('never replaces an existing file (exit 1, file unchanged)', () => {
    const root = tempRoot({ 'advisories/2026/OEA-2026-005.md': 'kept' });
    const run = newFile(root, '--id', 'OEA-2026-005');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/OEA-2026-005\.md already exists; nothing was written/);
    expect(readFileSync(join(root, 'content/advisories/2026/OEA-2026-005.md'), 'utf8')).toBe('kept');
  });

  it('reads the content root from CONTENT_ROOT when --content-root is not given', () => {
    const root = tempRoot({ 'advisories/2026/OEA-2026-009.md': '' });
    const run = node('scripts/advisory-new.ts', ['--now', NOW], { CONTENT_ROOT: root });
    expect(run.stdout.trim()).toBe(join(root, 'content/advisories/2026/OEA-2026-010.md'));
  });
});

describe('proposed dates', () => {
  const day = 86_400_000;
  it('publish on a weekday at 14:00 UTC at least a week ahead; announce at least 48 hours before, on a weekday, not in the past', () => {
    for (let hour = 0; hour < 24 * 21; hour += 5) {
      const now = new Date(Date.UTC(2026, 11, 20) + hour * 3_600_000);
      for (const [notice, lead] of [
        [48, 7],
        [48, 0],
        [120, 1],
      ] as const) {
        const { announceAt, publishAt } = proposeDates(now, notice, lead);
        const publish = new Date(publishAt);
        const announce = new Date(announceAt);
        expect([0, 6]).not.toContain(publish.getUTCDay());
        expect([0, 6]).not.toContain(announce.getUTCDay());
        expect(publishAt).toMatch(/T14:00:00Z$/);
        expect(publish.getTime() - now.getTime()).toBeGreaterThanOrEqual(lead * day);
        expect(publish.getTime() - now.getTime()).toBeLessThan((Math.max(lead, notice / 24) + 5) * day);
        expect(publish.getTime() - announce.getTime()).toBeGreaterThanOrEqual(notice * 3_600_000);
        expect(announce.getTime()).toBeGreaterThanOrEqual(now.getTime());
      }
    }
  });

  it('keeps exactly the notice period when it already lands on a weekday', () => {
    expect(announceFor(new Date('2026-12-03T14:00:00Z'), 48).toISOString()).toBe('2026-12-01T14:00:00.000Z');
  });
});

describe('the advisory writer', () => {
  const { data, body } = newAdvisory({
    id: 'OEA-2026-050',
    title: 'A title',
    announceAt: '2026-11-30T14:00:00Z',
    publishAt: '2026-12-02T14:00:00Z',
    components: ['openedx/openedx-platform'],
  });

  it('writes keys in the schema order whatever order it was given', () => {
    const shuffled = Object.fromEntries(Object.entries(data).reverse());
    const text = advisoryText(shuffled, body);
    const keys = [...text.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(Object.keys(AdvisorySchema.shape).filter((k) => k in data));
    expect(Object.keys(orderLike({ releases: [], repository: 'x/y' }, AdvisorySchema.shape.affected.element) as object)).toEqual([
      'repository',
      'releases',
    ]);
  });

  it('reads back as exactly the data given, instants quoted, a long summary folded', () => {
    const summary = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const text = advisoryText({ ...data, summary }, body);
    expect(text).toMatch(/^summary: >-\n {2}word0 word1/m);
    expect(text).toContain('publish_at: "2026-12-02T14:00:00Z"');
    expect(parseMarkdownFile(text).data).toEqual({ ...data, summary });
  });

  it('fills placeholders through replacePlaceholders, and the result passes the check', () => {
    expect(findPlaceholders(data, body).length).toBeGreaterThan(5);
    const filled = replacePlaceholders(data, body, fillIn);
    const text = advisoryText(filled.data, filled.body);
    expect(text).not.toContain(PLACEHOLDER);
    expect(parseAdvisory('content/advisories/2026/OEA-2026-050.md', text, releases).problems.map(formatProblem)).toEqual([]);
  });
});
