/**
 * npm run check as a command: `runCheck` (what scripts/check.ts calls) against temporary
 * content roots (CONTENT_ROOT), in-process, and once as a child process for the script
 * itself. It pins what authors and CI see: exit codes, one line per problem as
 * `path:line: field: message`, warnings, GitHub annotations with file and line, files and
 * folders as arguments, the clock (`--at`), and `--changed` in a real git repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.ts';
import { formatAnnotation } from '../../src/content/problems.ts';
import { cleanEnv, FIXTURES, PROJECT_ROOT } from '../support/build-site.ts';

const VALID = join(FIXTURES, 'valid/content');
const TEMPLATE = readFileSync(join(FIXTURES, 'invalid/_base/advisories/2026/OEA-2026-201.md'), 'utf8');
const T = 'content/advisories/2026/OEA-2026-201.md';

/** The valid fixture content plus the template advisory, with `edit` applied to the template. */
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  roots.push(dir);
  return dir;
};

function contentRoot(edit: (text: string) => string = (t) => t, extra: Record<string, string> = {}): string {
  const root = tempDir('oex-check-');
  cpSync(VALID, join(root, 'content'), { recursive: true });
  for (const [path, text] of Object.entries({ [T]: edit(TEMPLATE), ...extra })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A copy of the template under another id, with aliases of its own. */
function another(id: string): string {
  const seq = id.slice(-3);
  const ghsa = `GHSA-2345-6789-${[...seq].map((d) => 'cfghjmpqrv'[Number(d)]).join('')}w`;
  return TEMPLATE.replace(/OEA-2026-201/g, id)
    .replace('CVE-2026-98201', `CVE-2026-9${seq}01`)
    .replace('GHSA-2345-6789-cfgh', ghsa);
}

/** A clock at which the fixture release calendar is quiet (Verawood supported until 2026-12-31). */
const AT = '2026-11-01T00:00:00Z';

type Run = { status: number | null; stdout: string; stderr: string };
/** `npm run check -- <args>` at AT (unless the arguments name a clock), in this process. */
function check(root: string, args: string[] = [], extra: NodeJS.ProcessEnv = {}): Run {
  const env = { CONTENT_ROOT: root, INIT_CWD: PROJECT_ROOT, GITHUB_ACTIONS: '', GITHUB_BASE_REF: '', ...extra };
  const out: string[] = [];
  const err: string[] = [];
  const clock = args.some((a) => a.startsWith('--at')) || args.includes('--help') ? [] : ['--at', AT];
  const status = runCheck([...args, ...clock], env, PROJECT_ROOT, { out: (l) => out.push(`${l}\n`), err: (l) => err.push(`${l}\n`) });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

describe('exit codes and messages', () => {
  it('refuses a folder that is not a content root, naming it and what it lacks', () => {
    const root = tempDir('oex-check-empty-');
    mkdirSync(join(root, 'content/advisories'), { recursive: true });
    writeFileSync(join(root, 'content/site.yaml'), 'url: https://example.org\n');
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `check: ${root} is not a content root: it has no content/releases.yaml (a content root holds content/releases.yaml, content/site.yaml and content/advisories/; check --content-root or CONTENT_ROOT)\n`,
    );
  });

  it('exits 0 and says so on valid content', () => {
    const r = check(contentRoot());
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^content OK: 10 advisories, \d+ named releases checked in \d+ ms\n$/);
    expect(r.status).toBe(0);
  });

  it('the script itself: same output, its exit code, the pinned Node', () => {
    const env = cleanEnv({
      CONTENT_ROOT: contentRoot((t) => t.replace('cwe: [CWE-284]', 'cwe: [CWE284]')),
      INIT_CWD: PROJECT_ROOT,
      GITHUB_ACTIONS: '',
    });
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/check.ts'), '--at', AT], {
      cwd: PROJECT_ROOT,
      env,
      encoding: 'utf8',
    });
    expect(r.stdout).toBe(`${T}:23: cwe[0]: must be a CWE id like "CWE-284" (found "CWE284")\n`);
    expect(r.stderr).toContain('1 problem in 1 file.');
    expect(r.status).toBe(1);
  });

  it('prints every problem as `path:line: field: message` (sorted by line), a count, and exits 1', () => {
    const root = contentRoot((t) => t.replace('severity: medium', 'severity: severe').replace('cwe: [CWE-284]', 'cwe: [CWE284]'));
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${T}:12: notice.severity: must be one of none, low, medium, high, critical (found "severe")`,
      `${T}:23: cwe[0]: must be a CWE id like "CWE-284" (found "CWE284")`,
    ]);
    expect(r.stderr).toContain('2 problems in 1 file.');
  });

  it('reports every kind of mistake in one file in one run, with suggestions (no error hides another)', () => {
    const root = contentRoot((t) =>
      t
        .replace('cwe: [CWE-284]', 'cwe_ids: [CWE-284]')
        .replace('reported_at: "2026-09-01T09:00:00Z"', 'reported_at: "2026-09-01 09:00:00Z"')
        .replace('cvss_v3: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N', 'cvss_v3: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L')
        .replace('{ release: ulmo, status: wont_fix }', '{ release: ulmo, status: wontfix }')
        .replace('releases: [verawood]', 'releases: [verawod]')
        .replace('{ name: Template Finder, type: finder }', '{ name: Template Finder, type: findr }')
        .replace('{ type: fix, url:', '{ type: fixx, url:')
        .replace('What an attacker can do, and to whom.', 'What an attacker can do, <b>and to whom</b>.'),
    );
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${T}:11: notice.releases[0]: unknown named release (expected one of palm, quince, redwood, sumac, teak, ulmo, verawood from content/releases.yaml, found "verawod"); did you mean "verawood"?`,
      `${T}:15: severity.cvss_v3: not a valid CVSS 3.1 vector: incomplete: missing base metric(s) A`,
      `${T}:21: affected[0].releases[1].status: must be one of affected, fixed, not_affected, wont_fix (found "wontfix"); did you mean "wont_fix"?`,
      `${T}:23: cwe_ids: unknown field (not in the schema; did you mean "cwe"?)`,
      `${T}:25: credits[0].type: must be one of finder, reporter, analyst, coordinator, remediation_developer, remediation_reviewer, remediation_verifier, tool, sponsor, other (found "findr"); did you mean "finder"?`,
      `${T}:27: references[0].type: must be one of advisory, article, detection, discussion, report, fix, introduced, package, evidence, web (found "fixx"); did you mean "fix"?`,
      `${T}:28: reported_at: must be an ISO 8601 date-time with seconds and an explicit offset, like "2026-12-02T14:00:00Z" or "2026-12-02T19:30:00+05:30" (found "2026-09-01 09:00:00Z")`,
      `${T}:36: (body) line 36: raw HTML is not allowed in advisories (found "<b>"); write Markdown, or put code in backticks`,
      `${T}:36: (body) line 36: raw HTML is not allowed in advisories (found "</b>"); write Markdown, or put code in backticks`,
    ]);
    expect(r.stderr).toContain('9 problems in 1 file.');
  });

  it('reports FILL-IN placeholders in fields the schema refuses, all at once', () => {
    const root = contentRoot((t) =>
      t
        .replace('publish_at: "2026-10-03T14:00:00Z"', 'publish_at: "FILL-IN: the date"')
        .replace('title: Template advisory for the invalid fixtures', 'title: "FILL-IN"'),
    );
    const r = check(root);
    expect(r.stdout).toContain(`${T}:3: title: still holds a FILL-IN placeholder (replace it with the real value)`);
    expect(r.stdout).toContain(
      `${T}:8: publish_at: still holds a FILL-IN placeholder (replace it with the real value; the field must be an ISO 8601 date-time`,
    );
    expect(r.stdout.match(/FILL-IN/g)).toHaveLength(2); // each placeholder once, whichever rule finds it
  });

  it.each([
    [['--formt', 'github'], "Unknown option '--formt'"],
    [['--format', 'xml'], '--format: expected human or github (found "xml")'],
    [['--at', 'tomorrow'], '--at: must be an ISO 8601 date-time with seconds and an explicit offset'],
    [['--at', '0000-01-01T00:00:00Z'], '--at: must lie between 1995-01-01 and 2100-12-31 (UTC) (found "0000-01-01T00:00:00Z")'],
    [['--base', 'main'], '--base only makes sense with --changed'],
    [['--changed', T], 'give files or --changed, not both'],
  ])('a usage mistake %j exits 2: %s', (args, message) => {
    const r = check(contentRoot(), args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: npm run check');
  });

  it('reports the problems of the body in the same run as a refused frontmatter', () => {
    const r = check(
      contentRoot((t) => t.replace('severity: medium', 'severity: severe').replace('Where the fix is.', 'FILL-IN: where the fix is.')),
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${T}:12: notice.severity: must be one of`);
    expect(r.stdout).toContain(`${T}:40: (body): still holds a FILL-IN placeholder`);
  });

  it('prints its usage for --help and checks nothing', () => {
    const r = check(
      contentRoot((t) => t.replace('severity: medium', 'severity: severe')),
      ['--help'],
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: npm run check');
    expect(r.stdout).not.toContain('severity');
  });
});

describe('--format github', () => {
  const broken = (t: string) => t.replace('severity: medium', 'severity: severe');

  it('prints one annotation per problem with the file, the line of the field, and the field as title', () => {
    const r = check(contentRoot(broken), ['--format', 'github']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      `::error file=${T},line=12,title=notice.severity::notice.severity: must be one of none, low, medium, high, critical (found "severe")\n`,
    );
  });

  it('finds the line of a placeholder in the body', () => {
    const r = check(
      contentRoot((t) => t.replace('Where the fix is.', 'FILL-IN: where the fix is.')),
      ['--format', 'github'],
    );
    const line = TEMPLATE.split('\n').indexOf('Where the fix is.') + 1;
    expect(r.stdout).toBe(
      `::error file=${T},line=${line},title=(body)::(body): still holds a FILL-IN placeholder (replace it with the real text)\n`,
    );
  });

  it('is the default under GitHub Actions', () => {
    expect(check(contentRoot(broken), [], { GITHUB_ACTIONS: 'true' }).stdout).toMatch(/^::error file=/);
  });

  it('escapes what would end a property or the message (workflow-command syntax)', () => {
    expect(formatAnnotation({ file: 'a,b:c.md', field: 'x:y', message: '50% done\nnext', line: 3 })).toBe(
      '::error file=a%2Cb%3Ac.md,line=3,title=x%3Ay::x:y: 50%25 done%0Anext',
    );
  });
});

describe('files and folders as arguments', () => {
  it('checks only the files named; the others only for clashing ids and aliases', () => {
    const root = contentRoot((t) => t, { 'content/advisories/2025/OEA-2025-001.md': 'not an advisory' });
    expect(check(root).status).toBe(1);
    const one = check(root, [T]);
    expect(one.stdout).toMatch(/^content OK: 1 advisory file\(s\) \(and site.yaml, releases.yaml\) checked in \d+ ms/);
    expect(one.status).toBe(0);

    writeFileSync(join(root, 'content/advisories/2026/OEA-2026-202.md'), TEMPLATE.replace(/OEA-2026-201/g, 'OEA-2026-202'));
    const clash = check(root, [T]);
    expect(clash.status).toBe(1);
    expect(clash.stdout).toContain(
      `${T}:22: aliases[0]: alias already belongs to another advisory (found "CVE-2026-98201", also in content/advisories/2026/OEA-2026-202.md)`,
    );
  });

  it('takes paths from where the command was typed (INIT_CWD), and folders', () => {
    const root = contentRoot((t) => t.replace('cwe: [CWE-284]', 'cwe: [CWE284]'), {
      'content/advisories/2025/OEA-2025-001.md': another('OEA-2025-001'),
    });
    const here = check(root, ['OEA-2026-201.md'], { INIT_CWD: join(root, 'content/advisories/2026') });
    expect(here.stdout).toContain(`${T}:23: cwe[0]: must be a CWE id`);
    const folder = check(root, ['content/advisories/2025']);
    expect(folder.stdout).toMatch(/content OK: 1 advisory file\(s\)/);
    expect(check(root, ['content/advisories']).status).toBe(1);
  });

  it('a file named through a linked folder is refused, not skipped', () => {
    const root = contentRoot();
    const outside = tempDir('oex-outside-');
    writeFileSync(join(outside, 'OEA-2027-001.md'), another('OEA-2027-001'));
    symlinkSync(outside, join(root, 'content/advisories/2027'));
    const r = check(root, ['content/advisories/2027/OEA-2027-001.md']);
    expect(r.stdout).toBe(
      `content/advisories/2027: (file): is a symbolic link to ${JSON.stringify(outside)}; content must be real files in the repository (put the file itself here, not a link)\n`,
    );
    expect(r.status).toBe(1);
  });

  it('a name that matches nothing is a problem, not a silent pass', () => {
    const root = contentRoot();
    const r = check(root, ['content/advisories/2026/OEA-2026-999.md', 'content/site.yaml', 'README.md']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('content/advisories/2026/OEA-2026-999.md: (file): no such file');
    expect(r.stdout).toContain('README.md: (file): outside the content root');
  });
});

describe('prose pages', () => {
  /** The valid content plus the project's prose pages, one of them edited. */
  const withPages = (slug = 'policy', edit: (text: string) => string = (t) => t) => {
    const root = contentRoot();
    cpSync(join(PROJECT_ROOT, 'content/pages'), join(root, 'content/pages'), { recursive: true });
    const file = join(root, `content/pages/${slug}.md`);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return root;
  };
  const POLICY = 'content/pages/policy.md';

  it('are checked with their schema and placeholders, by check and check <file>', () => {
    const root = withPages('policy', (t) => t.replace(/^title: .*\n/m, '').replace('{{notice_hours}}', '{{notice_hour}}'));
    const whole = check(root);
    expect(whole.status).toBe(1);
    expect(whole.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${POLICY}:57: body: unknown placeholder \\{\\{notice_hour\\}\\} \\(blocks must stand alone on their line\\) \\(expected one of: \\{\\{contact_email\\}\\}, `,
        ),
      ),
      `${POLICY}: title: is required (expected string)`,
    ]);
    expect(whole.stdout).toMatch(/\(alone on a line\)\); did you mean \{\{notice_hours\}\}\?\n/);
    const one = check(root, [POLICY]);
    expect(one.stdout).toBe(whole.stdout);
    expect(one.stderr).toContain('2 problems in 1 file.');
    expect(check(withPages(), [POLICY]).stdout).toMatch(
      /^content OK: 0 advisory file\(s\) and 1 page\(s\) \(and site.yaml, releases.yaml\)/,
    );
  });

  it('place each block once, alone on its line', () => {
    const r = check(withPages('operators', (t) => t.replace('\n{{releases}}\n', '\nThe releases: {{releases}}\n')));
    expect(r.stdout).toContain(
      'content/pages/operators.md: body: block {{releases}} must appear exactly once, alone on its line (found 0); the page shows generated content there',
    );
    expect(r.status).toBe(1);
  });

  it('refuses markup in the title, a page the site serves missing, and warns of a page it does not serve', () => {
    const root = withPages('working-group', (t) => t.replace(/^title: .*$/m, 'title: "The <em>working</em> group"'));
    rmSync(join(root, 'content/pages/operators.md'));
    writeFileSync(join(root, 'content/pages/polcy.md'), readFileSync(join(root, POLICY), 'utf8'));
    const r = check(root);
    expect(r.stdout.trim().split('\n')).toEqual([
      'content/pages/operators.md: (file): is missing (the site serves this page, so the build needs it)',
      'content/pages/polcy.md: warning: (file): not a page the site serves (expected one of policy.md, operators.md, working-group.md); did you mean "policy"?; a new page also needs its route in src/pages/ and an entry in src/model/site-prose.ts',
      'content/pages/working-group.md:2: title: must be plain text: "<em" would be read as markup; name the element in words ("the script tag") instead of writing a tag (found "The <em>working</em> group")',
    ]);
    expect(r.stderr).toContain('2 problems in 2 files, and 1 warning.');
  });

  it('are checked by check --changed when they change', () => {
    const root = withPages();
    const gitEnv = {
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.invalid',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.invalid',
    };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, ...gitEnv }, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    git('switch', '-q', '-c', 'feature');
    writeFileSync(join(root, POLICY), readFileSync(join(root, POLICY), 'utf8').replace('{{sla}}', '{{slas}}'));
    const r = check(root, ['--changed']);
    expect(r.stderr).toContain(`check --changed: 0 advisory file(s) and 1 page(s) changed since main: ${POLICY}`);
    expect(r.stdout).toContain(`${POLICY}:50: body: unknown placeholder {{slas}} (expected one of:`);
    expect(r.status).toBe(1);
  });
});

describe('warnings and the clock', () => {
  it('prints warnings, counts them apart, and exits 0 when there is nothing else', () => {
    const root = contentRoot((t) =>
      t
        .replace('publish_at: "2026-10-03T14:00:00Z"', 'publish_at: "2027-01-04T14:00:00Z"')
        .replace('announce_at: "2026-10-01T14:00:00Z"', 'announce_at: "2027-01-01T14:00:00Z"')
        .replace(/revisions:\n.*\n/, ''),
    );
    const r = check(root);
    expect(r.stdout).toMatch(
      new RegExp(
        `^${RegExp.escape(T)}:2: warning: id: the id's year \\(2026\\) differs from the year of publish_at \\(2027, in UTC\\); new ids take the year of publication, so check the id and the date\\ncontent OK: 10 advisories, 7 named releases checked in \\d+ ms \\(1 warning\\)\\n$`,
      ),
    );
    expect(r.status).toBe(0);
    expect(check(root, ['--format', 'github']).stdout).toMatch(
      /^::warning file=content\/advisories\/2026\/OEA-2026-201\.md,line=2,title=id::id: the id's year/,
    );
  });

  it('reads the release calendar at --at, and warns before support runs out', () => {
    const quiet = check(contentRoot(), ['--at', '2026-12-01T12:00:00Z']);
    expect(quiet.stdout).toMatch(/^content OK: .* checked in \d+ ms\n$/);
    const late = check(contentRoot(), ['--at', '2026-12-02T12:00:00Z']);
    expect(late.stdout.split('\n').slice(0, 2)).toEqual([
      'content/releases.yaml:3: warning: releases: no named release is supported on 2027-01-01, 30 days after the clock (2026-12-02); add the next release, with its released and end_of_support dates',
      'content/releases.yaml:10: warning: releases[6].end_of_support: support for Verawood ends on 2026-12-31, within 30 days of the clock (2026-12-02), and no later release is listed; add its successor',
    ]);
    expect(late.stdout).toMatch(/\(2 warnings\)\n$/);
    expect(late.status).toBe(0);
  });

  it('accepts a notice-only advisory until it is due at --at', () => {
    const noticeOnly =
      TEMPLATE.slice(0, TEMPLATE.indexOf('severity:\n  cvss_v3')).replace(/^title: .*\nsummary: >-\n.*\n.*\n/m, '') + '---\n';
    const root = contentRoot(() => noticeOnly);
    expect(check(root, ['--at', '2026-10-03T13:59:59Z']).status).toBe(0);
    const due = check(root, ['--at', '2026-10-03T14:00:00Z']);
    expect(due.stdout).toBe(
      `${T}:4: publish_at: has passed at the clock (2026-10-03T14:00:00Z), and the file holds only the notice: a published advisory needs title, summary, affected and its Markdown body (add them, or move publish_at later)\n`,
    );
    expect(due.status).toBe(1);
  });
});

describe('--changed', () => {
  const gitEnv = {
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.invalid',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.invalid',
  };
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  /** A repository whose main branch already holds a broken advisory, and a branch off it. */
  function repo(branch = 'main'): string {
    const root = contentRoot((t) => t, {
      'content/advisories/2025/OEA-2025-001.md': another('OEA-2025-001').replace('cwe: [CWE-284]', 'cwe: [CWE284]'),
    });
    git(root, 'init', '-q', '-b', branch);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'base');
    git(root, 'switch', '-q', '-c', 'feature');
    return root;
  }
  const BROKEN_ON_MAIN = 'content/advisories/2025/OEA-2025-001.md';

  it('checks what the branch changed since main: committed, staged, unstaged and untracked files', () => {
    const root = repo();
    const edit = (path: string, from: string, to: string) =>
      writeFileSync(join(root, path), readFileSync(join(root, path), 'utf8').replace(from, to));
    edit(T, 'severity: medium', 'severity: severe');
    git(root, 'commit', '-q', '-am', 'committed change');
    edit('content/advisories/2026/OEA-2026-101.md', 'title: ', 'title: Staged ');
    git(root, 'add', 'content/advisories/2026/OEA-2026-101.md');
    edit('content/advisories/2026/OEA-2026-102.md', 'title: ', 'title: Unstaged ');
    writeFileSync(join(root, 'content/advisories/2026/OEA-2026-150.md'), another('OEA-2026-150'));

    const r = check(root, ['--changed']);
    expect(r.stderr).toContain(
      `check --changed: 4 advisory file(s) changed since main: content/advisories/2026/OEA-2026-101.md, content/advisories/2026/OEA-2026-102.md, content/advisories/2026/OEA-2026-150.md, ${T}`,
    );
    expect(r.stdout.trim()).toBe(`${T}:12: notice.severity: must be one of none, low, medium, high, critical (found "severe")`);
    expect(r.stdout).not.toContain(BROKEN_ON_MAIN);
    expect(r.status).toBe(1);
    expect(check(root, ['--changed', '--base', 'main']).stdout).toBe(r.stdout);
  });

  it('passes quickly when nothing changed, and notes a deleted advisory', () => {
    const root = repo();
    expect(check(root, ['--changed']).status).toBe(0);
    rmSync(join(root, 'content/advisories/2026/OEA-2026-103.md'));
    const r = check(root, ['--changed']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('note: content/advisories/2026/OEA-2026-103.md was deleted; a published advisory is withdrawn');
  });

  it('checks everything when releases.yaml or site.yaml changed, since every advisory is checked against them', () => {
    const root = repo();
    writeFileSync(join(root, 'content/releases.yaml'), `${readFileSync(join(root, 'content/releases.yaml'), 'utf8')}\n`);
    const r = check(root, ['--changed']);
    expect(r.stderr).toContain(
      'check --changed: content/releases.yaml changed, and every advisory is checked against it; checking every file instead.',
    );
    expect(r.stdout).toContain(BROKEN_ON_MAIN);
  });

  it('compares with origin/<target> of a pull request (GITHUB_BASE_REF)', () => {
    const root = repo('develop');
    git(root, 'update-ref', 'refs/remotes/origin/develop', 'develop');
    writeFileSync(join(root, 'content/advisories/2026/OEA-2026-150.md'), another('OEA-2026-150'));
    const r = check(root, ['--changed'], { GITHUB_BASE_REF: 'develop' });
    expect(r.stderr).toContain('1 advisory file(s) changed since origin/develop');
    expect(r.status).toBe(0);
  });

  it('falls back to every file, saying why, without a base branch or outside git; a named base that is missing is an error', () => {
    const noMain = repo('trunk');
    const r = check(noMain, ['--changed']);
    expect(r.stderr).toContain(
      'check --changed: no base branch found (tried origin/main, main, origin/master, master; a CI checkout needs fetch-depth: 0); checking every file instead.',
    );
    expect(r.stdout).toContain(BROKEN_ON_MAIN);

    const plain = check(contentRoot(), ['--changed']);
    expect(plain.stderr).toContain('check --changed: not a git work tree (or git is not installed); checking every file instead.');
    expect(plain.status).toBe(0);

    const named = check(repo(), ['--changed', '--base', 'origin/nope']);
    expect(named.status).toBe(2);
    expect(named.stderr).toContain('--base: no commit named "origin/nope" here (fetch it first, e.g. git fetch origin nope)');
  });

  it('works when the content root is a folder inside a larger repository', () => {
    const outer = tempDir('oex-outer-');
    cpSync(contentRoot(), join(outer, 'site'), { recursive: true });
    git(outer, 'init', '-q', '-b', 'main');
    git(outer, 'add', '-A');
    git(outer, 'commit', '-q', '-m', 'base');
    writeFileSync(join(outer, 'site', T), TEMPLATE.replace('severity: medium', 'severity: severe'));
    const r = check(join(outer, 'site'), ['--changed']);
    expect(r.stdout.trim()).toBe(`${T}:12: notice.severity: must be one of none, low, medium, high, critical (found "severe")`);
  });
});
