/**
 * Repositories for the mirror's tests: a private repository (the project's site facts, releases
 * and prose pages, advisories given as text, a little code) and a bare one standing in for the
 * public repository, with git run as a tester whose configuration cannot change the outcome.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from './build-site.ts';

export const TESTER = {
  GIT_AUTHOR_NAME: 'Tester',
  GIT_AUTHOR_EMAIL: 'tester@example.org',
  GIT_COMMITTER_NAME: 'Tester',
  GIT_COMMITTER_EMAIL: 'tester@example.org',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...TESTER },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A private repository with one commit: content/ (advisories from `advisories`, paths under content/) and two code files. */
export function privateRepo(advisories: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'oex-private-'));
  for (const name of ['site.yaml', 'releases.yaml', 'pages'])
    cpSync(join(PROJECT_ROOT, 'content', name), join(root, 'content', name), { recursive: true });
  writeFiles(root, {
    'README.md': '# The security site\n',
    'src/site.ts': 'export const site = true;\n',
    ...Object.fromEntries(Object.entries(advisories).map(([p, t]) => [`content/${p}`, t])),
  });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'private: the site and its advisories');
  return root;
}

export function bareRepo(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'oex-public-')), 'public.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', dir]);
  return dir;
}

/** Commits of `branch` in `repo`, oldest first: hash, parents, author's address, whole message. */
export function history(repo: string, branch = 'main'): Array<{ hash: string; parents: string[]; author: string; message: string }> {
  const out = git(repo, 'log', '--reverse', '--format=%H%x1f%P%x1f%ae%x1f%B%x1e', branch);
  return out
    .split('\x1e')
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => {
      const [hash, parents, author, message] = r.split('\x1f') as [string, string, string, string];
      return { hash, parents: parents.split(' ').filter(Boolean), author, message };
    });
}

/** An advisory file: announced at `announce`, published at `publish`, revised at each of `revisions`; `word` marks every secret field. */
export function advisory(
  id: string,
  word: string,
  dates: { announce?: string; publish: string; revisions?: string[]; draft?: boolean },
): string {
  // Each advisory's own commits: a published one quoting an embargoed one's commit is refused by check.
  const n = id.replace(/\D/g, '').padStart(12, '0');
  return `---
id: ${id}
title: The ${word}title handler trusted its caller
summary: Requests to ${word}summary were accepted without a permission check on the course.
${dates.draft ? 'draft: true\n' : ''}${dates.announce ? `announce_at: "${dates.announce}"\n` : ''}publish_at: "${dates.publish}"
notice:
  components: [openedx/openedx-platform]
  releases: [verawood]
  severity: high
  text: Patch for ${word}notice in Verawood.
affected:
  - repository: openedx/openedx-platform
    master_fix: ${'a'.repeat(28)}${n}
    releases:
      - { release: verawood, status: fixed, commit: ${'b'.repeat(28)}${n} }
credits: [{ name: Ada ${word}credit, type: finder }]
${
  dates.revisions?.length
    ? `revisions:\n${dates.revisions.map((d, i) => `  - { date: "${d}", summary: Revision ${i + 1} of ${word}revision. }`).join('\n')}\n`
    : ''
}---

## Impact

The ${word}body view let any signed-in account change data it should not reach.
`;
}
