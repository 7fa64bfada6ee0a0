/**
 * Git for the mirror commands: one call shape, errors that say which command failed and why,
 * and a fixed identity for the commits the mirror makes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Who writes every mirror commit: apply-public finds the last mirror commit by this address. */
export const MIRROR_AUTHOR = { name: 'Open edX security mirror', email: 'mirror@security.openedx.invalid' } as const;

/** Settings that a user's or runner's git configuration must not change for these commands. */
const FIXED = [
  '-c',
  'commit.gpgsign=false',
  '-c',
  'core.autocrlf=false',
  '-c',
  'init.defaultBranch=main',
  '-c',
  'advice.detachedHead=false',
];

export class GitError extends Error {}

export type Git = {
  (...args: string[]): string;
  /** The bytes of `rev:path`, or undefined when the commit has no such file. */
  show(rev: string, path: string): Buffer | undefined;
  /** Whether the command exits 0 (a probe: rev-parse --verify, diff --quiet). */
  ok(...args: string[]): boolean;
};

export function gitIn(cwd: string, env: NodeJS.ProcessEnv = process.env): Git {
  const run = (...args: string[]) => {
    const r = spawnSync('git', [...FIXED, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.error) throw new GitError(`git ${args[0]}: ${r.error.message} (is git installed?)`);
    if (r.status !== 0) throw new GitError(`git ${args.join(' ')} failed in ${cwd}: ${(r.stderr || r.stdout).trim()}`);
    return r.stdout;
  };
  const git = run as Git;
  git.show = (rev, path) => {
    try {
      return execFileSync('git', [...FIXED, 'show', `${rev}:${path}`], {
        cwd,
        env,
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch {
      return undefined;
    }
  };
  git.ok = (...args) => spawnSync('git', [...FIXED, ...args], { cwd, env, stdio: 'ignore' }).status === 0;
  return git;
}

/** The environment of a commit by the mirror, dated `at` (the state it shows), so the same state makes the same commit. */
export function mirrorIdentity(env: NodeJS.ProcessEnv, at: Date): NodeJS.ProcessEnv {
  const date = at.toISOString();
  return {
    ...env,
    GIT_AUTHOR_NAME: MIRROR_AUTHOR.name,
    GIT_AUTHOR_EMAIL: MIRROR_AUTHOR.email,
    GIT_COMMITTER_NAME: MIRROR_AUTHOR.name,
    GIT_COMMITTER_EMAIL: MIRROR_AUTHOR.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

/** `git merge-file`: `theirs`' change from `base` applied to `ours`, or null when the two overlap (or one is not text). */
export function merge3(ours: Buffer, base: Buffer, theirs: Buffer, tmp: string): Buffer | null {
  if ([ours, base, theirs].some((b) => b.includes(0))) return null;
  const dir = mkdtempSync(join(tmp, 'merge-'));
  try {
    const [o, b, t] = ['ours', 'base', 'theirs'].map((n) => join(dir, n)) as [string, string, string];
    writeFileSync(o, ours);
    writeFileSync(b, base);
    writeFileSync(t, theirs);
    const r = spawnSync('git', ['merge-file', '-p', '-q', o, b, t], { maxBuffer: 64 * 1024 * 1024 });
    return r.status === 0 ? r.stdout : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
