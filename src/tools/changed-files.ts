/**
 * Which content files a branch changed, for `npm run check -- --changed`: everything that
 * differs from the point where the branch left its base (committed, staged, unstaged or new
 * and untracked). A pull request with one advisory is then checked in well under a second.
 *
 * When the answer cannot be trusted (no git, no base branch, a shallow clone without the
 * merge base) the caller checks every file instead and says why: slower, never wrong.
 */
import { execFileSync } from 'node:child_process';
import { ADVISORIES_DIR } from '../content/read-content.ts';

export type ChangedContent =
  /** Only these advisory files (relative to the content root) need a full check. */
  | { scope: 'files'; files: string[]; base: string; deleted: string[] }
  /** Check everything, for the reason given. */
  | { scope: 'all'; reason: string };

export class BaseRefError extends Error {}

/** What every advisory is checked against. */
const SHARED_FILES = ['content/site.yaml', 'content/releases.yaml'];

const git = (root: string, ...args: string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const list = (out: string) => out.split('\0').filter(Boolean);

/** The base to compare with: `--base`, else the pull request's target (GitHub Actions), else main. */
export function baseCandidates(explicit: string | undefined, env: NodeJS.ProcessEnv): string[] {
  if (explicit) return [explicit];
  const target = env.GITHUB_BASE_REF;
  return [...(target ? [`origin/${target}`] : []), 'origin/main', 'main', 'origin/master', 'master'];
}

export function changedContent(root: string, explicitBase: string | undefined, env: NodeJS.ProcessEnv = process.env): ChangedContent {
  try {
    git(root, 'rev-parse', '--is-inside-work-tree');
  } catch {
    return { scope: 'all', reason: 'not a git work tree (or git is not installed)' };
  }
  const tried = baseCandidates(explicitBase, env);
  const base = tried.find((ref) => {
    try {
      git(root, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
      return true;
    } catch {
      return false;
    }
  });
  if (!base) {
    if (explicitBase)
      throw new BaseRefError(
        `--base: no commit named "${explicitBase}" here (fetch it first, e.g. git fetch origin ${explicitBase.replace(/^origin\//, '')})`,
      );
    return { scope: 'all', reason: `no base branch found (tried ${tried.join(', ')}; a CI checkout needs fetch-depth: 0)` };
  }
  let mergeBase: string;
  try {
    mergeBase = git(root, 'merge-base', base, 'HEAD').trim();
  } catch {
    return { scope: 'all', reason: `no common ancestor of ${base} and HEAD (a shallow clone, or no commit yet)` };
  }
  // `git diff <commit>` compares with the work tree, so staged and unstaged edits count;
  // --relative keeps paths relative to the content root when it sits inside a larger repository.
  const changed = [
    ...list(git(root, 'diff', '--name-only', '--relative', '-z', '--no-renames', '--diff-filter=d', mergeBase)),
    ...list(git(root, 'ls-files', '--others', '--exclude-standard', '-z')),
  ];
  const deleted = list(git(root, 'diff', '--name-only', '--relative', '-z', '--no-renames', '--diff-filter=D', mergeBase)).filter((f) =>
    f.startsWith(`${ADVISORIES_DIR}/`),
  );
  // Advisories are checked against site.yaml and releases.yaml: when those change, every advisory may.
  const shared = changed.find((f) => SHARED_FILES.includes(f));
  if (shared) return { scope: 'all', reason: `${shared} changed, and every advisory is checked against it` };
  const files = [...new Set(changed.filter((f) => f.startsWith(`${ADVISORIES_DIR}/`)))].sort();
  return { scope: 'files', files, base, deleted };
}
