/**
 * The public mirror: one commit on the public repository per change of public state, made in a
 * fresh clone of that repository, never in the private one.
 *
 * The mirror's tree is the private repository's code at HEAD (every tracked file outside
 * content/) with the export of content/ at the state time in place of content/. Its commit's
 * only parent is the public branch's head (an orphan root on an empty repository), its author
 * the mirror's fixed identity, its date the state time. The files reach the clone as files, so
 * no object of the private history can travel with the push. Before committing:
 *
 *   - the leak scan runs over the whole tree with the private content's secrets at the clock;
 *   - a change made in the public repository since the last mirror commit must have come back
 *     into the private tree (npm run apply-public), or this commit would undo it.
 *
 * Either failing refuses the run, naming each file; nothing is pushed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { collectSecrets, scanForLeaks } from '../../embargo/leak-scan.ts';
import type { Corpus, PageSource } from '../../content/read-content.ts';
import { commitMessage, describeChanges } from './changes.ts';
import { exportPublic, type Tree } from './export.ts';
import { gitIn, merge3, MIRROR_AUTHOR, mirrorIdentity, type Git } from './git.ts';
import { readTree, writeTree } from './write-tree.ts';

export class MirrorRefused extends Error {}

export type PublishOptions = {
  /** The private repository's top folder: its content/ and its code at HEAD. */
  root: string;
  remote: string;
  branch: string;
  at: Date;
  env: NodeJS.ProcessEnv;
};

export type PublishResult =
  { state: Date; pushed: false; head: string | undefined } | { state: Date; pushed: true; commit: string; message: string };

/** The private repository's top folder, or a refusal: the code tree is its HEAD. */
export function privateRepository(root: string, env: NodeJS.ProcessEnv): Git {
  const git = gitIn(root, env);
  let top: string;
  try {
    top = git('rev-parse', '--show-toplevel').trim();
    git('rev-parse', '--verify', '-q', 'HEAD^{commit}');
  } catch {
    throw new MirrorRefused(`${root} is not a git repository with a commit: the mirror takes the code from the private repository's HEAD`);
  }
  if (realpathSync(top) !== realpathSync(root))
    throw new MirrorRefused(
      `${root} is inside the repository ${top}, not its top folder: give the repository's top folder as --content-root`,
    );
  return git;
}

/** The code of the private repository at HEAD (tracked files outside content/), written under `dir`. */
function writeCode(root: string, dir: string, env: NodeJS.ProcessEnv): void {
  const archive = spawnSync('git', ['archive', '--format=tar', 'HEAD'], { cwd: root, env, maxBuffer: 1024 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive HEAD failed in ${root}: ${archive.stderr.toString().trim()}`);
  const tar = spawnSync('tar', ['-x', '-m', '-C', dir], { input: archive.stdout });
  if (tar.status !== 0) throw new Error(`tar could not unpack the code of ${root}: ${tar.stderr.toString().trim()}`);
  rmSync(join(dir, 'content'), { recursive: true, force: true });
}

/** Text the site always publishes: never a secret, even when an embargoed advisory repeats it. */
const sitePublic = (corpus: Corpus, pages: readonly PageSource[]) => [
  JSON.stringify(corpus.site),
  JSON.stringify(corpus.releases),
  ...pages.map((p) => p.text),
];

/** Whether the public change `base` → `theirs` is already in `mine` (the tree about to be committed). */
function included(mine: Buffer | undefined, base: Buffer | undefined, theirs: Buffer | undefined, tmp: string): boolean {
  if (isDeepStrictEqual(base, theirs) || isDeepStrictEqual(mine, theirs)) return true;
  if (!theirs || !mine) return false;
  const merged = merge3(mine, base ?? Buffer.alloc(0), theirs, tmp);
  return merged !== null && merged.equals(mine);
}

const emptyExceptGit = (dir: string) => {
  for (const name of readdirSync(dir)) if (name !== '.git') rmSync(join(dir, name), { recursive: true, force: true });
};

export function publishMirror(o: PublishOptions): PublishResult {
  privateRepository(o.root, o.env);
  const exported = exportPublic(o.root, o.at);
  const work = mkdtempSync(join(tmpdir(), 'oex-mirror-'));
  try {
    // The tree, assembled and scanned apart from any repository.
    const stage = join(work, 'tree');
    mkdirSync(stage);
    writeCode(o.root, stage, o.env);
    writeTree(stage, exported.files);
    const secrets = collectSecrets(exported.corpus.advisories, o.at, sitePublic(exported.corpus, exported.pages), exported.corpus.notices);
    // In the code, an embargoed advisory's date alone is no evidence: tests and examples pick
    // weekday 14:00 UTC instants too, and one that matches by chance must not stop the mirror.
    // Under content/, and for every other kind of value, the scan is the build's.
    const dates = new Set(secrets.filter((s) => s.kind === 'date').map((s) => `${s.advisory}\u0000${s.text}`));
    const leaks = scanForLeaks(stage, secrets).filter((l) => l.file.startsWith('content/') || !dates.has(`${l.advisory}\u0000${l.text}`));
    if (leaks.length > 0) {
      const lines = leaks.map((l) => `  ${l.file}: ${l.advisory} ${l.what} ("${l.text}")`);
      throw new MirrorRefused(
        `the mirror's tree holds text that is not public at ${o.at.toISOString()}; nothing was pushed:\n${lines.join('\n')}`,
      );
    }
    const after = readTree(stage);

    const dir = join(work, 'public');
    mkdirSync(dir);
    const git = gitIn(dir, mirrorIdentity(o.env, exported.state));
    git('init', '-q');
    const head = git('ls-remote', '--heads', o.remote, `refs/heads/${o.branch}`).trim().split(/\s/)[0] || undefined;
    let before: Tree = new Map();
    if (head) {
      git('fetch', '-q', o.remote, `+refs/heads/${o.branch}:refs/remotes/public/${o.branch}`);
      git('checkout', '-q', '-B', o.branch, `refs/remotes/public/${o.branch}`);
      before = readTree(dir);
      const lastMirror = git('log', '-1', '--format=%H', `--author=<${MIRROR_AUTHOR.email}>`, 'HEAD').trim();
      if (!lastMirror) {
        throw new MirrorRefused(
          `${o.remote} ${o.branch} has commits, none of them by the mirror (${MIRROR_AUTHOR.email}): the mirror starts on an empty repository, so it cannot undo anything there; nothing was pushed`,
        );
      }
      if (lastMirror !== head) {
        const changed = git('diff', '--name-only', '-z', '--no-renames', lastMirror, head).split('\0').filter(Boolean);
        const missing = changed.filter((path) => !included(after.get(path), git.show(lastMirror, path), before.get(path), work));
        if (missing.length > 0) {
          throw new MirrorRefused(
            `${o.remote} ${o.branch} has changes since the last mirror commit ${lastMirror.slice(0, 12)} that the private repository does not have, and this commit would undo them; bring them back first (npm run apply-public -- ${o.remote}), then run the mirror again. Nothing was pushed:\n${missing.map((p) => `  ${p}`).join('\n')}`,
          );
        }
      }
    } else {
      git('symbolic-ref', 'HEAD', `refs/heads/${o.branch}`);
    }
    emptyExceptGit(dir);
    cpSync(stage, dir, { recursive: true });
    git('add', '-A');
    if (head && git.ok('diff', '--cached', '--quiet', 'HEAD')) return { state: exported.state, pushed: false, head };
    const changes = describeChanges(before, after);
    const message = commitMessage(changes.length > 0 ? changes : ['update file modes'], exported.state);
    const file = join(work, 'message');
    writeFileSync(file, message);
    git('commit', '-q', '--no-verify', '-F', file);
    git('push', '-q', o.remote, `HEAD:refs/heads/${o.branch}`);
    return { state: exported.state, pushed: true, commit: git('rev-parse', 'HEAD').trim(), message };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
