/**
 * The way back: changes made in the public repository since the last mirror commit (a merged
 * pull request: prose, a correction to a published advisory, a release, code) applied to the
 * private working tree, file by file, as a three-way merge (the mirror commit is the base).
 *
 * Refused, each with its reason, and then nothing at all is written:
 *   - a change to the file of an advisory that is embargoed in the private tree at the clock
 *     (hidden, announced or a draft), or one creating a file for such an id;
 *   - a second file for an advisory the private tree already has elsewhere;
 *   - a file under content/ that the public tree does not carry;
 *   - a change that overlaps one made in the private tree since the mirror commit.
 *
 * Nothing is committed: the working group reviews the result like any change, and the next
 * mirror commit carries it back to the public repository.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { visibilityOf, type Visibility } from '../../embargo/visibility.ts';
import { readPrivate } from './export.ts';
import { gitIn, merge3, MIRROR_AUTHOR, type Git } from './git.ts';
import { MirrorRefused, privateRepository } from './publish.ts';

export type ApplyOptions = {
  /** The private repository's top folder. */
  root: string;
  /** A commit or ref of the private repository (a fetched public branch), else the public remote. */
  source: string;
  /** The public branch, when `source` is a remote. */
  branch: string;
  at: Date;
  env: NodeJS.ProcessEnv;
};

export type Change = { path: string; action: 'add' | 'modify' | 'delete'; bytes?: Buffer };
export type Refusal = { path: string; reason: string };
export type ApplyResult = { base: string; ref: string; changes: Change[]; refused: Refusal[] };

const ADVISORY = /^content\/advisories\/(?:.*\/)?([^/]+)\.md$/;
const PUBLIC_CONTENT = (path: string) =>
  ADVISORY.test(path) || /^content\/pages\/[^/]+\.md$/.test(path) || path === 'content/site.yaml' || path === 'content/releases.yaml';

/** Where the public commits are: the private repository itself (a ref), or a fetch of the remote into a scratch repository. */
function openSource(o: ApplyOptions, own: Git, scratch: string): { git: Git; ref: string } {
  if (own.ok('rev-parse', '--verify', '-q', `${o.source}^{commit}`))
    return { git: own, ref: own('rev-parse', `${o.source}^{commit}`).trim() };
  const git = gitIn(scratch, o.env);
  git('init', '-q');
  git('fetch', '-q', o.source, `refs/heads/${o.branch}`);
  return { git, ref: git('rev-parse', 'FETCH_HEAD^{commit}').trim() };
}

const phaseWords: Record<Visibility, string> = { hidden: 'hidden', announced: 'announced', published: 'published', withdrawn: 'withdrawn' };

export function applyPublic(o: ApplyOptions): ApplyResult {
  const own = privateRepository(o.root, o.env);
  const { corpus } = readPrivate(o.root, o.at);
  const scratch = mkdtempSync(join(tmpdir(), 'oex-apply-'));
  try {
    const { git, ref } = openSource(o, own, scratch);
    const base = git('log', '-1', '--format=%H', `--author=<${MIRROR_AUTHOR.email}>`, ref).trim();
    if (!base)
      throw new MirrorRefused(
        `${o.source}: no commit by the mirror (${MIRROR_AUTHOR.email}) in its history, so there is nothing to compare with; nothing was written`,
      );

    // Every advisory the private tree has, full or notice-only, with its phase at the clock.
    const privateIds = new Map<string, { file: string; phase: string }>();
    for (const { file, data } of [...corpus.advisories, ...corpus.notices]) {
      const phase = data.draft ? 'a draft' : phaseWords[visibilityOf(data, o.at)];
      privateIds.set(data.id, { file, phase });
    }
    const clock = o.at.toISOString().replace('.000Z', 'Z');

    const listing = git('diff', '--name-status', '-z', '--no-renames', base, ref).split('\0').filter(Boolean);
    const changes: Change[] = [];
    const refused: Refusal[] = [];
    for (let i = 0; i + 1 < listing.length; i += 2) {
      const [status, path] = [listing[i]!, listing[i + 1]!];
      const refuse = (reason: string) => refused.push({ path, reason });
      if (path.startsWith('content/') && !PUBLIC_CONTENT(path)) {
        refuse(
          'is not part of the public tree (it carries advisories, prose pages, site.yaml and releases.yaml): add such a file in the private repository',
        );
        continue;
      }
      const id = ADVISORY.exec(path)?.[1];
      const known = id ? privateIds.get(id) : undefined;
      if (id && known && !['published', 'withdrawn'].includes(known.phase)) {
        const what = status === 'A' && known.file !== path ? `would create a second file for ${id}` : `changes the file of ${id}`;
        refuse(
          `${what}, which is ${known.phase} in the private repository at ${clock}: its private file holds what is not public yet, so it changes only there (${known.file})`,
        );
        continue;
      }
      if (id && known && known.file !== path) {
        refuse(`${id} already has its file in the private repository, at ${known.file}`);
        continue;
      }
      const theirs = status === 'D' ? undefined : git.show(ref, path);
      const old = git.show(base, path);
      const file = join(o.root, path);
      const ours = existsSync(file) ? readFileSync(file) : undefined;
      if (isDeepStrictEqual(ours, theirs)) continue;
      if (isDeepStrictEqual(ours, old)) {
        changes.push(theirs ? { path, action: ours ? 'modify' : 'add', bytes: theirs } : { path, action: 'delete' });
        continue;
      }
      if (!theirs) {
        refuse(
          'was deleted in the public repository, but the private file has changed since the mirror commit: delete it there by hand if that is right',
        );
        continue;
      }
      if (!ours || !old) {
        refuse(
          ours
            ? 'was added in the public repository, and the private tree has another file of that name'
            : 'changed in the public repository, but the private tree no longer has it',
        );
        continue;
      }
      const merged = merge3(ours, old, theirs, scratch);
      // Already there (an earlier run, or the same edit made privately): nothing to write.
      if (merged?.equals(ours)) continue;
      if (merged) changes.push({ path, action: 'modify', bytes: merged });
      else
        refuse('changed in both repositories since the mirror commit, and the changes overlap (or the file is not text): merge it by hand');
    }
    return { base, ref, changes: refused.length > 0 ? [] : changes, refused };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Writes the changes into the private working tree. */
export function writeChanges(root: string, changes: readonly Change[]): void {
  for (const c of changes) {
    const file = join(root, c.path);
    if (c.action === 'delete') rmSync(file, { force: true });
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, c.bytes!);
    }
  }
}
