/**
 * publish-mirror against a local bare repository standing in for the public one, over a
 * sequence of states (first export, announce, publish with another announcement, revise): at
 * every commit of the public history the leak scan finds nothing secret at that commit's state,
 * messages name what became public, no private commit is ever there, and a rerun pushes nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/commands/publish-mirror.ts';
import { readCheckedCorpus } from '../../src/embargo/content-rules.ts';
import { collectSecrets, scanForLeaks } from '../../src/embargo/leak-scan.ts';
import { MIRROR_AUTHOR } from '../../src/tools/mirror/git.ts';
import { commitMessage, describeChanges } from '../../src/tools/mirror/changes.ts';
import { advisory, bareRepo, git, history, privateRepo } from '../support/mirror-repos.ts';
import { runCommand } from '../support/run-command.ts';

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((d) => rmSync(d, { recursive: true, force: true })));

const ADVISORIES = {
  'advisories/2026/OEA-2026-100.md': advisory('OEA-2026-100', 'qxold', { publish: '2026-10-01T14:00:00Z' }),
  'advisories/2026/OEA-2026-101.md': advisory('OEA-2026-101', 'qxaaa', {
    announce: '2026-12-01T14:00:00Z',
    publish: '2026-12-04T14:00:00Z',
    revisions: ['2026-12-06T14:00:00Z'],
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
  'advisories/2026/OEA-2026-104.md': advisory('OEA-2026-104', 'qxddd', {
    announce: '2026-12-04T14:00:00Z',
    publish: '2026-12-10T14:00:00Z',
  }),
};
const CLOCKS = ['2026-11-20T09:00:00Z', '2026-12-02T09:00:00Z', '2026-12-05T09:00:00Z', '2026-12-07T09:00:00Z'];

/** Each commit's tree, unpacked, scanned with the private content's secrets at the state the commit says it shows. */
function leaksAt(repo: string, commit: string, privateRoot: string, state: string) {
  const dir = mkdtempSync(join(tmpdir(), 'oex-commit-'));
  cleanup.push(dir);
  execFileSync('tar', ['-x', '-m', '-C', dir], { input: execFileSync('git', ['archive', commit], { cwd: repo }) });
  const { corpus } = readCheckedCorpus(privateRoot, undefined, new Date(state));
  const text = execFileSync('git', ['grep', '-h', '-I', '-e', 'qx', commit, '--'], { cwd: repo, encoding: 'utf8' });
  const sitePublic = [JSON.stringify(corpus!.site), JSON.stringify(corpus!.releases)];
  return { leaks: scanForLeaks(dir, collectSecrets(corpus!.advisories, new Date(state), sitePublic, corpus!.notices)), text };
}

describe('npm run publish-mirror', () => {
  const root = privateRepo(ADVISORIES);
  const bare = bareRepo();
  cleanup.push(root, bare);
  const publish = (at: string, ...args: string[]) => runCommand(run, [bare, '--at', at, '--content-root', root, ...args]);

  it('makes one commit per state, named by what became public, and leaves no embargoed text at any commit', async () => {
    for (const at of CLOCKS) {
      const r = await publish(at);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('publish-mirror: pushed ');
    }
    const commits = history(bare);
    expect(commits.map((c) => c.message.split('\n')[0])).toEqual([
      'publish 1, update 5 files, update code',
      'announce OEA-2026-101',
      'publish OEA-2026-101, announce OEA-2026-104',
      'revise OEA-2026-101',
    ]);
    expect(commits[0]!.message).toContain('\npublish OEA-2026-100\nupdate pages/operators.md\n');
    expect(commits[0]!.message).toContain('\nupdate code (2 files)\n');
    // The first commit is a root; each later one has the one before as its only parent.
    expect(commits.map((c) => c.parents)).toEqual([[], [commits[0]!.hash], [commits[1]!.hash], [commits[2]!.hash]]);
    expect(new Set(commits.map((c) => c.author))).toEqual(new Set([MIRROR_AUTHOR.email]));

    const states = commits.map((c) => /^Mirror-State: (.*)$/m.exec(c.message)![1]!);
    expect(states).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-12-01T14:00:00.000Z',
      '2026-12-04T14:00:00.000Z',
      '2026-12-06T14:00:00.000Z',
    ]);
    for (const [i, c] of commits.entries()) {
      const { leaks, text } = leaksAt(bare, c.hash, root, states[i]!);
      expect(leaks, c.message).toEqual([]);
      // The scan's verdict, checked by hand: what must be absent is absent, what is due is there.
      for (const word of ['qxhidden', 'qxdraft']) expect(text).not.toContain(word);
      expect(text).toContain('qxoldtitle');
      if (i < 2) expect(text).not.toContain('qxaaatitle');
      else expect(text).toContain('qxaaatitle');
      if (i === 1) expect(text).toContain('qxaaanotice');
      expect(text.includes('qxaaarevision'), c.message).toBe(i === 3);
      expect(text).not.toContain('qxdddtitle');
    }
    // The public repository holds no object of the private history.
    const privateCommits = git(root, 'rev-list', '--all').trim().split('\n');
    for (const hash of privateCommits) expect(() => git(bare, 'cat-file', '-e', hash)).toThrow();
  });

  it('pushes nothing when nothing changed, and says so', async () => {
    const head = git(bare, 'rev-parse', 'main');
    const again = await publish(CLOCKS[3]!);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      `publish-mirror: nothing to publish: ${bare} main already holds the public state at 2026-12-06T14:00:00.000Z`,
    );
    expect(git(bare, 'rev-parse', 'main')).toBe(head);
  });

  it('refuses a code tree that holds embargoed text, naming the file, and pushes nothing', async () => {
    const head = git(bare, 'rev-parse', 'main');
    writeFileSync(join(root, 'src/notes.ts'), '// TODO the qxhiddentitle handler trusted its caller\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'a note that must stay private');
    const r = await publish(CLOCKS[3]!);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('src/notes.ts: OEA-2026-102 title');
    expect(r.stderr).toContain('nothing was pushed');
    expect(git(bare, 'rev-parse', 'main')).toBe(head);
    git(root, 'rm', '-q', 'src/notes.ts');
    git(root, 'commit', '-q', '-m', 'the note goes');
  });

  it("does not take a date in the code that equals an embargoed advisory's for a leak", async () => {
    const head = git(bare, 'rev-parse', 'main');
    const hidden = [
      ...readFileSync(join(root, 'content/advisories/2026/OEA-2026-102.md'), 'utf8').matchAll(/publish_at: "([^"]+)"/g),
    ][0]![1]!;
    writeFileSync(join(root, 'src/clock-example.ts'), `export const EXAMPLE_CLOCK = '${hidden}';\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'an example clock');
    const r = await publish(CLOCKS[3]!);
    expect(r.code, r.stderr).toBe(0);
    expect(git(bare, 'rev-parse', 'main')).not.toBe(head);
    expect(git(bare, 'show', 'main:src/clock-example.ts')).toContain(hidden);
  });

  it('refuses to undo a change made in the public repository that has not come back', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'oex-clone-'));
    cleanup.push(clone);
    git(clone, 'clone', '-q', bare, '.');
    const policy = join(clone, 'content/pages/policy.md');
    writeFileSync(policy, `${readFileSync(policy, 'utf8')}\nA sentence from the community.\n`);
    git(clone, 'commit', '-q', '-am', 'policy: a sentence');
    git(clone, 'push', '-q', 'origin', 'main');
    const head = git(bare, 'rev-parse', 'main');
    const r = await publish('2026-12-10T15:00:00Z');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('that the private repository does not have');
    expect(r.stderr).toContain('  content/pages/policy.md');
    expect(git(bare, 'rev-parse', 'main')).toBe(head);
  });

  it('names a notice, a publication and a withdrawal in one message, counted when long', () => {
    const tree = (files: Record<string, string>) => new Map(Object.entries(files).map(([p, t]) => [p, Buffer.from(t)]));
    const notice =
      '---\nid: OEA-2026-009\nannounce_at: "2026-12-01T14:00:00Z"\npublish_at: "2026-12-04T14:00:00Z"\nnotice: { components: [x], severity: high, text: t }\n---\n';
    const full = (withdrawn: boolean) =>
      `---\nid: OEA-2026-009\ntitle: t\n${withdrawn ? 'withdrawn: { at: "2026-12-05T00:00:00Z", reason: r }\n' : ''}---\n\nBody.\n`;
    const a = 'content/advisories/2026/OEA-2026-009.md';
    expect(describeChanges(tree({}), tree({ [a]: notice }))).toEqual(['announce OEA-2026-009']);
    expect(describeChanges(tree({ [a]: notice }), tree({ [a]: full(true) }))).toEqual(['publish OEA-2026-009', 'withdraw OEA-2026-009']);
    expect(describeChanges(tree({ [a]: full(false), 'x.ts': '1' }), tree({ [a]: full(true), 'x.ts': '2' }))).toEqual([
      'withdraw OEA-2026-009',
      'update code (1 file)',
    ]);
    const many = Array.from({ length: 9 }, (_, i) => `publish OEA-2026-01${i}`);
    expect(commitMessage(many, new Date('2026-12-04T14:00:00Z')).split('\n')[0]).toBe('publish 9');
  });
});
