/**
 * verify-live against a production build served by nginx with the repository's configuration: a site built at the clock passes;
 * the same site checked after a publish time is missing an advisory; a site built too late
 * (an embargo broken by a wrong clock) serves what must still be hidden; copies of the good
 * build with one file doctored (a secret pasted into a page, an export of an embargoed
 * advisory added, a published export removed) each fail; an unreachable host fails with one
 * line. The URLs it plans are checked against the build's own helpers without a server.
 */
import { execFile } from 'node:child_process';
import { run as verifyLiveCommand } from '../../src/commands/verify-live.ts';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/content/read-content.ts';
import { siteAt } from '../../src/model/site-model.ts';
import { paths } from '../../src/model/urls.ts';
import { exportPaths, planChecks, sample } from '../../src/verify/verify-live.ts';
import { perAdvisoryFiles } from '../../src/outputs/per-advisory-files.ts';
import { buildSite, cleanEnv, makeBareContentRoot, PROJECT_ROOT } from '../support/build-site.ts';
import { startNginx, type NginxServer } from '../../src/deploy/nginx-server.ts';
import { publishModes } from '../../src/build/file-modes.ts';
import { contentAt, serveBuild } from '../support/e2e-served.ts';
import { runCommand } from '../support/run-command.ts';

const published = `---
id: OEA-2026-601
title: Stored cross-site scripting in course updates
summary: Course staff could store script in a course update that ran for every learner who opened it.
announce_at: "2026-10-01T14:00:00Z"
publish_at: "2026-10-03T14:00:00Z"
notice: { components: [openedx/openedx-platform], releases: [verawood], severity: medium }
affected:
  - repository: openedx/openedx-platform
    master_fix: 59bb6d669e4fdc24d96afb809e12119372d9e257
---

## Impact

Course staff could store script in a course update that ran for every learner.
`;
const upcoming = published
  .replace('OEA-2026-601', 'OEA-2026-602')
  .replace('Stored cross-site scripting in course updates', 'Grade export reveals the plinthowarp tokens')
  .replace('2026-10-01T14:00:00Z', '2026-11-20T14:00:00Z')
  .replace('2026-10-03T14:00:00Z', '2026-12-02T14:00:00Z')
  // Its own commit: a published advisory may not quote an embargoed one's.
  .replace('59bb6d669e4fdc24d96afb809e12119372d9e257', '602b6d669e4fdc24d96afb809e12119372d9e257');
const hidden = published
  .replace(/OEA-2026-601/g, 'OEA-2027-603')
  .replace('Stored cross-site scripting in course updates', 'Password reset accepts the vondelkrast header')
  .replace('2026-10-01T14:00:00Z', '2027-01-10T14:00:00Z')
  .replace('2026-10-03T14:00:00Z', '2027-01-12T14:00:00Z')
  .replace('59bb6d669e4fdc24d96afb809e12119372d9e257', '603b6d669e4fdc24d96afb809e12119372d9e257');

const root = makeBareContentRoot({
  'advisories/2026/OEA-2026-601.md': published,
  'advisories/2026/OEA-2026-602.md': upcoming,
  'advisories/2027/OEA-2027-603.md': hidden,
});
const CLOCK = '2026-11-25T12:00:00Z';

/** verify-live in this process, against servers of their own; `out` is everything it printed. */
async function verify(base: string, at: string, contentRoot = root): Promise<{ code: number; out: string }> {
  const r = await runCommand(verifyLiveCommand, [base, '--at', at], { env: { CONTENT_ROOT: contentRoot } });
  return { code: r.code, out: r.stdout + r.stderr };
}

const HIDDEN_TITLE = 'Password reset accepts the vondelkrast header';
// CSAF folders are named after the publication year (2027), not the id's.
const hiddenCsaf = paths.csaf('OEA-2027-603', '2027');
const put = (dir: string, path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
/** Pastes the hidden advisory's title into a served page, before its closing body tag. */
const paste = (page: string) => (dir: string) => {
  const file = join(dir, page, 'index.html');
  const html = readFileSync(file, 'utf8');
  if (!html.includes('</body>')) throw new Error(`${file} has no </body> to paste before`);
  writeFileSync(file, html.replace('</body>', `<p>${HIDDEN_TITLE}</p></body>`));
};

/** One fault in a copy of the good build, and what verify-live must say about it. */
const FAULTS: Array<{ name: string; change: (dir: string) => void; says: RegExp[] }> = [
  {
    name: "a hidden advisory's title on the home page",
    change: paste(paths.home),
    says: [/:\d+\/: embargoed title of OEA-2027-603 is served: .*vondelkrast/],
  },
  {
    name: "a hidden advisory's title on a named release's page",
    change: paste(paths.release('verawood')),
    says: [/\/releases\/verawood\/: embargoed title of OEA-2027-603 is served: .*vondelkrast/],
  },
  {
    name: 'an OSV record of a hidden advisory',
    change: (dir) => put(dir, paths.osv('OEA-2027-603'), JSON.stringify({ id: 'OEA-2027-603', summary: 'Reset tokens are not checked' })),
    says: [
      /OEA-2027-603 is hidden at the clock but \/osv\/OEA-2027-603\.json is served \(status 200\)/,
      /embargoed id of OEA-2027-603 is served/,
    ],
  },
  {
    name: 'a CSAF document of a hidden advisory',
    change: (dir) => put(dir, hiddenCsaf, JSON.stringify({ document: { title: HIDDEN_TITLE } })),
    says: [
      new RegExp(`OEA-2027-603 is hidden at the clock but ${hiddenCsaf.replace(/\./g, '\\.')} is served`),
      /embargoed title of OEA-2027-603 is served/,
    ],
  },
  {
    name: 'an OSV record of an announced advisory, beyond its pre-announcement',
    change: (dir) =>
      put(dir, paths.osv('OEA-2026-602'), JSON.stringify({ id: 'OEA-2026-602', summary: 'Grade export reveals the plinthowarp tokens' })),
    says: [/OEA-2026-602 is announced at the clock but \/osv\/OEA-2026-602\.json is served/, /embargoed title of OEA-2026-602 is served/],
  },
  {
    name: "a published advisory's CSAF document missing (a stale or partial deploy)",
    change: (dir) => rmSync(join(dir, paths.csaf('OEA-2026-601', '2026'))),
    says: [/OEA-2026-601 is published at the clock but \/\.well-known\/csaf\/white\/2026\/oea-2026-601\.json is missing \(status 404\)/],
  },
];

describe('npm run verify-live', () => {
  it('refuses anything but one URL (exit 2), before fetching', async () => {
    for (const args of [[], ['example.org'], ['https://a.example', 'https://b.example'], ['https://a.example', '--bogus']]) {
      const r = await runCommand(verifyLiveCommand, args, { env: { CONTENT_ROOT: root } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: npm run verify-live');
      expect(r.stdout).toBe('');
    }
  });

  let onTime: NginxServer;
  let tooLate: NginxServer;
  const faulty = new Map<string, NginxServer>();

  beforeAll(async () => {
    const a = buildSite(root, CLOCK);
    const b = buildSite(root, '2027-01-13T00:00:00Z');
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    onTime = await startNginx(a.outDir);
    tooLate = await startNginx(b.outDir);
    for (const fault of FAULTS) {
      const copy = mkdtempSync(join(tmpdir(), 'oex-dist-faulty-'));
      cpSync(a.outDir, copy, { recursive: true });
      fault.change(copy);
      // nginx's workers read the copy as another user, as they read a build.
      publishModes(copy);
      faulty.set(fault.name, await startNginx(copy));
    }
  });
  afterAll(async () => {
    await Promise.all([onTime?.stop(), tooLate?.stop(), ...[...faulty.values()].map((server) => server.stop())]);
  });

  it('passes for a site built at the clock it is checked at', async () => {
    const r = await verify(onTime.url, CLOCK);
    expect(r.out).toMatch(/verify-live: ok, \d+ URLs checked/);
    expect(r.code).toBe(0);
  });

  it.each(FAULTS)('reports $name', async ({ name, says }) => {
    const r = await verify(faulty.get(name)!.url, CLOCK);
    expect(r.code).toBe(1);
    for (const pattern of says) expect(r.out).toMatch(pattern);
  });

  it('reports an unreachable host in one line, without a stack trace', async () => {
    // A port that was free a moment ago: nothing answers there.
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
    });
    // As a process: the exit status and the absence of a stack trace are the point here.
    const r = await new Promise<{ code: number; out: string }>((done) => {
      execFile(
        process.execPath,
        ['scripts/verify-live.ts', `http://127.0.0.1:${port}`, '--at', CLOCK],
        { cwd: PROJECT_ROOT, env: cleanEnv({ CONTENT_ROOT: root }), encoding: 'utf8' },
        (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
      );
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      new RegExp(
        `^verify-live: cannot fetch http://127\\.0\\.0\\.1:${port}/\\S* \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\); check the URL`,
        'm',
      ),
    );
    expect(r.out).not.toMatch(/^\s+at /m);
    expect(r.out.trim().split('\n')).toHaveLength(2);
  });

  it('reports an advisory that is due but not served', async () => {
    const r = await verify(onTime.url, '2026-12-02T14:00:00Z');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/OEA-2026-602 is published at the clock but its page is missing/);
  });

  it('reports a hidden advisory the site serves, and its embargoed text', async () => {
    const r = await verify(tooLate.url, CLOCK);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/OEA-2027-603 is hidden at the clock but its page is served/);
    expect(r.out).toMatch(/embargoed title .*vondelkrast/);
  });
});

describe('npm run verify-live, for a site under a path', () => {
  // https://openedx.org/security, served under /security/ from the host tree a deploy publishes.
  const underPath = contentAt(root, 'https://openedx.org/security');
  let host: Awaited<ReturnType<typeof serveBuild>>;
  beforeAll(async () => {
    const built = buildSite(underPath, CLOCK);
    expect(built.code, built.stderr).toBe(0);
    host = await serveBuild(built.outDir, '/security/');
  });
  afterAll(() => host?.stop());

  it('passes checked at the path the site is served under', async () => {
    const r = await verify(`${host.url}/security`, CLOCK, underPath);
    expect(r.out).toMatch(/verify-live: ok, \d+ URLs checked/);
    expect(r.code).toBe(0);
  });

  it('fails checked at the domain root, where none of it is', async () => {
    const r = await verify(host.url, CLOCK, underPath);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/OEA-2026-601 is published at the clock but its page is missing \(status 404\)/);
  });
});

describe('what verify-live fetches', () => {
  const { corpus } = readCorpus(root);
  const now = new Date(CLOCK);
  const checks = new Map(planChecks(corpus!, siteAt(corpus!, now)).map((c) => [c.path, c]));

  it('every export the build writes for a published advisory, and none of an embargoed one', () => {
    const model = siteAt(corpus!, now).model;
    for (const p of model.published) {
      const files = perAdvisoryFiles(p, model).map((f) => f.path);
      expect(exportPaths(p.advisory)).toEqual(expect.arrayContaining(files));
      for (const path of files) expect(checks.get(path)?.served, path).toBe(true);
    }
    for (const id of ['OEA-2026-602', 'OEA-2027-603']) {
      const data = corpus!.advisories.find((a) => a.data.id === id)!.data;
      for (const path of [paths.advisory(id), ...exportPaths(data)]) expect(checks.get(path)?.served, path).toBe(false);
    }
  });

  it('the home page, every named release and the CSAF distribution files', () => {
    for (const path of [
      paths.home,
      paths.csafIndex,
      paths.csafChanges,
      paths.csafRolie,
      ...corpus!.releases.map((r) => paths.release(r.name)),
    ]) {
      expect(checks.get(path)?.served, path).toBe(true);
    }
  });

  it('a bounded sample of a large archive: the newest, then evenly spread', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => i);
    expect(sample(ids.slice(0, 200))).toEqual(ids.slice(0, 200));
    const picked = sample(ids);
    expect(picked).toHaveLength(200);
    expect(picked.slice(0, 100)).toEqual(ids.slice(0, 100));
    expect(picked.at(-1)).toBeGreaterThan(9_800);
  });
});
