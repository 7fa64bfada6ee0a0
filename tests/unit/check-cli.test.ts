/**
 * npm run check as a command: it runs `scripts/check.ts` in a child process against temporary
 * content roots (CONTENT_ROOT) and pins what authors and CI see: exit codes, one line per
 * problem as `path: field: message`, GitHub annotations with file and line, files and folders
 * as arguments, and `--changed` in a real git repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

type Run = { status: number | null; stdout: string; stderr: string };
function check(root: string, args: string[] = [], extra: NodeJS.ProcessEnv = {}): Run {
  const env = cleanEnv({ CONTENT_ROOT: root, INIT_CWD: PROJECT_ROOT, GITHUB_ACTIONS: '', GITHUB_BASE_REF: '', ...extra });
  return spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/check.ts'), ...args], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
}

describe('exit codes and messages', () => {
  it('exits 0 and says so on valid content', () => {
    const r = check(contentRoot());
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^content OK: 10 advisories, \d+ named releases checked in \d+ ms\n$/);
    expect(r.status).toBe(0);
  });

  it('prints every problem as `path: field: message` (sorted by line), a count, and exits 1', () => {
    const root = contentRoot((t) => t.replace('severity: medium', 'severity: severe').replace('cwe: [CWE-284]', 'cwe: [CWE284]'));
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${T}: notice.severity: must be one of none, low, medium, high, critical (found "severe")`,
      `${T}: cwe[0]: must be a CWE id like "CWE-284" (found "CWE284")`,
    ]);
    expect(r.stderr).toContain('2 problems in 1 file.');
  });

  it('reports FILL-IN placeholders in fields the schema refuses, all at once', () => {
    const root = contentRoot((t) =>
      t
        .replace('publish_at: "2026-10-03T14:00:00Z"', 'publish_at: "FILL-IN: the date"')
        .replace('title: Template advisory for the invalid fixtures', 'title: "FILL-IN"'),
    );
    const r = check(root);
    expect(r.stdout).toContain(`${T}: title: still holds a FILL-IN placeholder (replace it with the real value)`);
    expect(r.stdout).toContain(
      `${T}: publish_at: still holds a FILL-IN placeholder (replace it with the real value; the field must be an ISO 8601 date-time`,
    );
  });

  it.each([
    [['--formt', 'github'], "Unknown option '--formt'"],
    [['--format', 'xml'], '--format: expected human or github (found "xml")'],
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
    expect(r.stdout).toContain(`${T}: notice.severity: must be one of`);
    expect(r.stdout).toContain(`${T}: (body): still holds a FILL-IN placeholder`);
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
      `${T}: aliases[0]: alias already belongs to another advisory (found "CVE-2026-98201", also in content/advisories/2026/OEA-2026-202.md)`,
    );
  });

  it('takes paths from where the command was typed (INIT_CWD), and folders', () => {
    const root = contentRoot((t) => t.replace('cwe: [CWE-284]', 'cwe: [CWE284]'), {
      'content/advisories/2025/OEA-2025-001.md': another('OEA-2025-001'),
    });
    const here = check(root, ['OEA-2026-201.md'], { INIT_CWD: join(root, 'content/advisories/2026') });
    expect(here.stdout).toContain(`${T}: cwe[0]: must be a CWE id`);
    const folder = check(root, ['content/advisories/2025']);
    expect(folder.stdout).toMatch(/content OK: 1 advisory file\(s\)/);
    expect(check(root, ['content/advisories']).status).toBe(1);
  });

  it('a name that matches nothing is a problem, not a silent pass', () => {
    const root = contentRoot();
    const r = check(root, ['content/advisories/2026/OEA-2026-999.md', 'content/site.yaml', 'README.md']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('content/advisories/2026/OEA-2026-999.md: (file): no such file');
    expect(r.stdout).toContain('README.md: (file): outside the content root');
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
    expect(r.stdout.trim()).toBe(`${T}: notice.severity: must be one of none, low, medium, high, critical (found "severe")`);
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
    expect(r.stdout.trim()).toBe(`${T}: notice.severity: must be one of none, low, medium, high, critical (found "severe")`);
  });
});
