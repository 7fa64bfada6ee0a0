/**
 * npm run advisory:new: ids, the file it writes, its flags and default dates. The file must be
 * refused by `npm run check` while a placeholder is left, and accepted once a person (here,
 * the test) has filled them in. The command runs in this process; one test spawns the script
 * for its exit status on the pinned Node.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAdvisory, readReleases } from '../../src/content/read-content.ts';
import { parseMarkdownFile } from '../../src/content/frontmatter.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { AdvisorySchema } from '../../src/schemas/advisory.ts';
import { advisoryText, orderLike } from '../../src/tools/advisory-writer.ts';
import { componentEntry, newAdvisory } from '../../src/tools/new-advisory.ts';
import { runCheck } from '../../src/commands/check.ts';
import { writeNewFile } from '../../src/commands/cli.ts';
import { nextId } from '../../src/tools/next-id.ts';
import { findPlaceholders, PLACEHOLDER, replacePlaceholders } from '../../src/tools/placeholders.ts';
import { announceFor, proposeDates } from '../../src/tools/schedule.ts';
import { run as advisoryNew } from '../../src/commands/advisory-new.ts';
import { cleanEnv, makeBareContentRoot, PROJECT_ROOT } from '../support/build-site.ts';
import { checkContent, runCommand } from '../support/run-command.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
/** A content root with the project's site.yaml and releases.yaml and only these advisories; removed after the tests. */
function tempRoot(advisories: Record<string, string>): string {
  const root = makeBareContentRoot(advisories);
  roots.push(root);
  return root;
}

const NOW = '2026-11-25T09:00:00Z'; // a Wednesday
const newFile = (root: string, ...args: string[]) =>
  runCommand(advisoryNew, ['--content-root', root, '--at', NOW, ...args], { env: { INIT_CWD: PROJECT_ROOT } });
const check = checkContent;
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
  it('writes the next id of the publication year, prints its path, and lists what to fill in', async () => {
    const root = tempRoot({ 'advisories/2026/OEA-2026-041.md': '' });
    const run = await newFile(root);
    expect(run.code, run.stderr).toBe(0);
    const printed = run.stdout.trim();
    expect(printed).toBe(join(root, 'content/advisories/2026/OEA-2026-042.md'));
    expect(run.stderr).toContain('title: one line naming the flaw');
    expect(run.stderr).toContain('notice.severity: none, low, medium, high or critical');
    expect(run.stderr).toMatch(/Proposed dates: pre-announcement 2026-11-30T14:00:00Z, publication 2026-12-02T14:00:00Z/);
    expect((await newFile(root)).stdout).toContain('OEA-2026-043.md');
  });

  it('has every required field, and check refuses the file until every FILL-IN is replaced', async () => {
    const root = tempRoot({});
    expect((await newFile(root)).code).toBe(0);
    const rel = 'content/advisories/2026/OEA-2026-001.md';
    const file = join(root, rel);
    const { data, body } = parseMarkdownFile(readFileSync(file, 'utf8'));
    const required = Object.entries(AdvisorySchema.shape)
      .filter(([, s]) => !s.safeParse(undefined).success)
      .map(([k]) => k);
    expect(Object.keys(data)).toEqual(expect.arrayContaining(required));
    expect(body).toMatch(/## Impact[\s\S]*## Patches[\s\S]*## Workarounds[\s\S]*## References/);

    const refused = await check(root, rel);
    expect(refused.code).toBe(1);
    for (const p of findPlaceholders(data, body).filter((p) => !p.field.startsWith('(body)'))) {
      expect(refused.stdout).toContain(`${rel}: ${p.field}: still holds a FILL-IN placeholder`);
    }

    const filled = replacePlaceholders(data, body, fillIn);
    writeFileSync(file, advisoryText(filled.data, filled.body));
    const accepted = await check(root, rel);
    expect(accepted.stdout + accepted.stderr).toContain('content OK');
    expect(accepted.code).toBe(0);
  });

  it('takes the common fields as flags: title, components, repeated releases, a CVSS vector whose level it computes', async () => {
    const root = tempRoot({});
    const run = await newFile(
      root,
      '--dry-run',
      '--title',
      'Learners could change course prices',
      '--component',
      'openedx/openedx-platform',
      '--component',
      'pypi:lti-consumer-xblock',
      '--release',
      'verawood',
      '--release',
      'ulmo',
      '--cvss',
      'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L',
    );
    expect(run.code, run.stderr).toBe(0);
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

  it('takes a CVSS 4.0 vector under cvss_v4, and --publish-at with the notice period before it on a weekday', async () => {
    const run = await newFile(
      tempRoot({}),
      '--dry-run',
      '--cvss',
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N',
      '--publish-at',
      '2027-01-05T14:00:00Z',
    );
    expect(run.code, run.stderr).toBe(0);
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
  ])('a usage mistake %j exits 2 and says: %s', async (args, message) => {
    const root = tempRoot({});
    const run = await newFile(root, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(root, 'content/advisories/2026'))).toBe(false);
  });

  it('says so when --publish-at is not in the future (backfilling an old advisory)', async () => {
    const run = await newFile(tempRoot({}), '--dry-run', '--publish-at', '2026-11-20T14:00:00Z');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Note: 2026-11-20T14:00:00Z is not in the future');
    expect((await newFile(tempRoot({}), '--dry-run')).stderr).not.toContain('Note:');
  });

  it('prints a check command that checks the new file, even in a content root outside the project', async () => {
    const root = tempRoot({});
    const run = await newFile(root, '--id', 'OEA-2026-001'); // the project has an OEA-2026-001.md of its own
    const command = /`npm run check -- ([^`]+)`/.exec(run.stderr)?.[1];
    expect(command).toContain(`--content-root ${root}`);
    const checked = await runCommand((argv, io) => runCheck(argv, io.env, PROJECT_ROOT, io), command!.split(' '), {
      env: { INIT_CWD: PROJECT_ROOT },
    });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('still holds a FILL-IN placeholder');
  });

  it('never hands out or writes into an id in use (exit 1, file unchanged)', async () => {
    const root = tempRoot({ 'advisories/2026/OEA-2026-005.md': 'kept' });
    const run = await newFile(root, '--id', 'OEA-2026-005');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('OEA-2026-005 is already used by content/advisories/2026/OEA-2026-005.md; nothing was written');
    expect(readFileSync(join(root, 'content/advisories/2026/OEA-2026-005.md'), 'utf8')).toBe('kept');
    // The last guard, for a file that appears between the check and the write: it is never replaced.
    expect(() => writeNewFile(root, 'content/advisories/2026/OEA-2026-005.md', 'new')).toThrow(/already exists; nothing was written/);
    expect(readFileSync(join(root, 'content/advisories/2026/OEA-2026-005.md'), 'utf8')).toBe('kept');
  });

  it('counts an id wherever it is used: a file in the wrong year folder, a file whose id field differs from its name', async () => {
    const root = tempRoot({
      'advisories/2025/OEA-2026-003.md': '---\nid: OEA-2026-003\n---\n',
      'advisories/2026/renamed-by-hand.md': '---\ntitle: x\nid: "OEA-2026-007"\n---\n',
    });
    expect(nextId(root, 2026)).toBe('OEA-2026-008');
    const taken = await newFile(root, '--id', 'OEA-2026-007', '--dry-run');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('OEA-2026-007 is already used by content/advisories/2026/renamed-by-hand.md');
    expect(taken.stdout).toBe('');
    const wrongYear = await newFile(root, '--id', 'OEA-2026-003');
    expect(wrongYear.stderr).toContain('OEA-2026-003 is already used by content/advisories/2025/OEA-2026-003.md');
    expect(existsSync(join(root, 'content/advisories/2026/OEA-2026-003.md'))).toBe(false);
  });

  it.each([
    ['an empty folder', [], 'content/releases.yaml, content/site.yaml, content/advisories/'],
    ['a folder with only site.yaml', ['content/site.yaml'], 'content/releases.yaml, content/advisories/'],
    ['a content folder without advisories/', ['content/site.yaml', 'content/releases.yaml'], 'content/advisories/ ('],
  ])('refuses %s as the content root, naming it, and writes nothing', async (_, files, missing) => {
    const root = mkdtempSync(join(tmpdir(), 'oex-not-content-'));
    roots.push(root);
    for (const f of files) {
      mkdirSync(join(root, 'content'), { recursive: true });
      writeFileSync(join(root, f), readFileSync(join(PROJECT_ROOT, f)));
    }
    const before = readdirSync(root, { recursive: true });
    for (const extra of [[], ['--dry-run']]) {
      const run = await newFile(root, ...extra);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${root} is not a content root: it has no ${missing}`);
      expect(run.stderr).toContain('Nothing was written.');
      expect(run.stdout).toBe('');
    }
    expect(readdirSync(root, { recursive: true })).toEqual(before);
  });

  it('refuses a component without an owner unless its registry is named, and writes a renamed repository under its current name', async () => {
    const root = tempRoot({});
    const bare = await newFile(root, '--component', 'edx-platform');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--component: "edx-platform" names no owner');
    expect(bare.stderr).toContain(
      'like openedx/edx-platform (today openedx/openedx-platform), or a package with its registry, pypi:edx-platform',
    );
    expect(existsSync(join(root, 'content/advisories/2026'))).toBe(false);

    expect(componentEntry('pypi:edx-platform').entry).toMatchObject({ package: { ecosystem: 'PyPI', name: 'edx-platform' } });
    expect(componentEntry('npm:frontend-platform').entry).toMatchObject({ package: { ecosystem: 'npm', name: 'frontend-platform' } });
    expect(componentEntry('@edx/frontend-platform').entry).toMatchObject({ package: { ecosystem: 'npm' } });

    const renamed = await newFile(root, '--dry-run', '--component', 'openedx/edx-platform');
    expect(renamed.code, renamed.stderr).toBe(0);
    const { data } = parseMarkdownFile(renamed.stdout);
    expect(data.affected).toEqual([expect.objectContaining({ repository: 'openedx/openedx-platform' })]);
    expect(data.notice).toMatchObject({ components: ['openedx/openedx-platform'] });
    expect(renamed.stderr).toContain('--component: openedx/edx-platform is now openedx/openedx-platform');
  });

  it("exits with the command's code as a process, on the pinned Node", () => {
    const root = tempRoot({});
    const child = spawnSync(process.execPath, ['scripts/advisory-new.ts', '--content-root', root, '--at', NOW, '--sevrity', 'x'], {
      cwd: PROJECT_ROOT,
      env: cleanEnv({ INIT_CWD: PROJECT_ROOT }),
      encoding: 'utf8',
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain("Unknown option '--sevrity'");
    const made = spawnSync(process.execPath, ['scripts/advisory-new.ts', '--content-root', root, '--at', NOW], {
      cwd: PROJECT_ROOT,
      env: cleanEnv({ INIT_CWD: PROJECT_ROOT }),
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toBe(`${join(root, 'content/advisories/2026/OEA-2026-001.md')}\n`);
  });

  it('reads the content root from CONTENT_ROOT when --content-root is not given', async () => {
    const root = tempRoot({ 'advisories/2026/OEA-2026-009.md': '' });
    const run = await runCommand(advisoryNew, ['--at', NOW], { env: { CONTENT_ROOT: root } });
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
