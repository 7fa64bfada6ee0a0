/**
 * apply-public: changes merged in the public repository (a bare one here) come back into a
 * private repository's working tree; a change touching an advisory embargoed in the private
 * tree is refused, naming the file and why, and then nothing is written. Then the round trip:
 * once the change is back and committed, the mirror publishes again.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as apply } from '../../src/commands/apply-public.ts';
import { run as publish } from '../../src/commands/publish-mirror.ts';
import { advisory, bareRepo, git, history, privateRepo, writeFiles } from '../support/mirror-repos.ts';
import { runCommand } from '../support/run-command.ts';

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((d) => rmSync(d, { recursive: true, force: true })));

const CLOCK = '2026-12-02T09:00:00Z';
const P = 'content/advisories/2026/OEA-2026-100.md';
const A = 'content/advisories/2026/OEA-2026-101.md';
const E = 'content/advisories/2026/OEA-2026-105.md';
const POLICY = 'content/pages/policy.md';

describe('npm run apply-public', () => {
  const root = privateRepo({
    'advisories/2026/OEA-2026-100.md': advisory('OEA-2026-100', 'qxold', { publish: '2026-10-01T14:00:00Z' }),
    'advisories/2026/OEA-2026-101.md': advisory('OEA-2026-101', 'qxaaa', {
      announce: '2026-12-01T14:00:00Z',
      publish: '2026-12-04T14:00:00Z',
    }),
    'advisories/2026/OEA-2026-102.md': advisory('OEA-2026-102', 'qxhidden', {
      announce: '2027-02-01T14:00:00Z',
      publish: '2027-02-05T14:00:00Z',
    }),
    'advisories/2026/OEA-2026-103.md': advisory('OEA-2026-103', 'qxdraft', {
      announce: '2026-11-01T14:00:00Z',
      publish: '2026-11-10T14:00:00Z',
      draft: true,
    }),
    // Published, with a revision still ahead: its public file is its data without that revision.
    'advisories/2026/OEA-2026-105.md': advisory('OEA-2026-105', 'qxeee', {
      publish: '2026-11-01T14:00:00Z',
      revisions: ['2026-12-20T14:00:00Z'],
    }),
  });
  const bare = bareRepo();
  const clone = mkdtempSync(join(tmpdir(), 'oex-clone-'));
  cleanup.push(root, bare, clone);
  const applyFrom = (source: string, ...args: string[]) => runCommand(apply, [source, '--at', CLOCK, '--content-root', root, ...args]);
  const edit = (path: string, f: (text: string) => string) => writeFileSync(join(clone, path), f(readFileSync(join(clone, path), 'utf8')));

  it('sets up: the mirror at the clock, and two public branches', async () => {
    expect((await runCommand(publish, [bare, '--at', CLOCK, '--content-root', root])).code).toBe(0);
    git(clone, 'clone', '-q', bare, '.');
    // fixes: prose, a published advisory, one with a revision still ahead, and code.
    git(clone, 'checkout', '-q', '-b', 'fixes');
    edit(POLICY, (t) => `${t}\nA sentence from the community.\n`);
    edit(P, (t) => t.replace('signed-in account change', 'signed-in account alter'));
    edit(E, (t) => t.replace('## Impact', '## Impact\n\nA note from an operator.'));
    writeFiles(clone, { 'src/extra.ts': 'export const extra = 1;\n' });
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '-m', 'community fixes');
    git(clone, 'push', '-q', 'origin', 'fixes');
    // bad: the same prose change, and four changes the private tree must refuse.
    git(clone, 'checkout', '-q', '-b', 'bad', 'main');
    edit(POLICY, (t) => `${t}\nA sentence from the community.\n`);
    edit(A, (t) => t.replace('text: ', 'text: Guessed details. '));
    writeFiles(clone, {
      'content/advisories/2026/OEA-2026-102.md': advisory('OEA-2026-102', 'qxguess', { publish: '2026-11-01T14:00:00Z' }),
      'content/advisories/2025/OEA-2026-103.md': advisory('OEA-2026-103', 'qxguess', { publish: '2026-11-01T14:00:00Z' }),
      'content/notes.txt': 'notes\n',
    });
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '-m', 'bad changes');
    git(clone, 'push', '-q', 'origin', 'bad');
  });

  it('refuses every change to an embargoed advisory, naming each file and why, and writes nothing', async () => {
    const r = await applyFrom(bare, '--branch', 'bad');
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'content/advisories/2025/OEA-2026-103.md: would create a second file for OEA-2026-103, which is a draft in the private repository at 2026-12-02T09:00:00Z: its private file holds what is not public yet, so it changes only there (content/advisories/2026/OEA-2026-103.md)',
      'content/advisories/2026/OEA-2026-101.md: changes the file of OEA-2026-101, which is announced in the private repository at 2026-12-02T09:00:00Z: its private file holds what is not public yet, so it changes only there (content/advisories/2026/OEA-2026-101.md)',
      'content/advisories/2026/OEA-2026-102.md: changes the file of OEA-2026-102, which is hidden in the private repository at 2026-12-02T09:00:00Z: its private file holds what is not public yet, so it changes only there (content/advisories/2026/OEA-2026-102.md)',
      'content/notes.txt: is not part of the public tree (it carries advisories, prose pages, site.yaml and releases.yaml): add such a file in the private repository',
      expect.stringMatching(/^apply-public: 4 changes of .* \([0-9a-f]{12}\.\.[0-9a-f]{12}\) refused; nothing was written$/),
    ]);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('applies the rest to the working tree, merging around what is not public yet', async () => {
    const r = await applyFrom(bare, '--branch', 'fixes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('apply-public: 4 changes of');
    expect(r.stdout).toContain(`  M ${P}\n`);
    expect(r.stdout).toContain('  A src/extra.ts\n');
    const mine = (p: string) => readFileSync(join(root, p), 'utf8');
    const theirs = (p: string) => git(clone, 'show', `fixes:${p}`);
    for (const p of [P, POLICY, 'src/extra.ts']) expect(mine(p)).toBe(theirs(p));
    // The operator's note arrives, and the revision still ahead stays in the private file.
    expect(mine(E)).toContain('A note from an operator.');
    expect(mine(E)).toContain('qxeeerevision');
    const status = git(root, 'status', '--porcelain').split('\n').filter(Boolean).sort();
    expect(status).toEqual([` M ${E}`, ` M ${P}`, ` M ${POLICY}`, '?? src/extra.ts'].sort());
    // A second run finds nothing left to bring back.
    const again = await applyFrom(bare, '--branch', 'fixes');
    expect(again.stdout).toContain('apply-public: nothing to apply');
  });

  it('takes a fetched ref of the private repository as well', async () => {
    git(root, 'fetch', '-q', bare, 'fixes:refs/remotes/public/fixes');
    const r = await applyFrom('public/fixes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('nothing to apply');
  });

  it('closes the loop: the mirror refuses to undo the merged change until it is back, then goes on', async () => {
    git(clone, 'checkout', '-q', 'main');
    git(clone, 'merge', '-q', '--ff-only', 'fixes');
    git(clone, 'push', '-q', 'origin', 'main');
    git(root, 'stash', '-q', '-u');
    const before = await runCommand(publish, [bare, '--at', '2026-12-05T09:00:00Z', '--content-root', root]);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain(`  ${POLICY}`);
    git(root, 'stash', 'pop', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'from the public repository: community fixes');
    const after = await runCommand(publish, [bare, '--at', '2026-12-05T09:00:00Z', '--content-root', root]);
    expect(after.code, after.stderr).toBe(0);
    const last = history(bare).at(-1)!;
    expect(last.message.split('\n')[0]).toBe('publish OEA-2026-101');
    expect(git(bare, 'show', `main:${POLICY}`)).toContain('A sentence from the community.');
    expect(git(bare, 'show', `main:${E}`)).toContain('A note from an operator.');
    expect(git(bare, 'show', `main:${E}`)).not.toContain('qxeeerevision');
  });

  it('needs a mirror commit to compare with', async () => {
    const empty = bareRepo();
    const other = mkdtempSync(join(tmpdir(), 'oex-other-'));
    cleanup.push(empty, other);
    mkdirSync(join(other, 'x'));
    git(other, 'init', '-q');
    writeFiles(other, { 'README.md': 'x\n' });
    git(other, 'add', '-A');
    git(other, 'commit', '-q', '-m', 'not the mirror');
    git(other, 'push', '-q', empty, 'HEAD:refs/heads/main');
    const r = await applyFrom(empty);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no commit by the mirror');
  });
});
