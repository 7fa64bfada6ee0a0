/**
 * `npm run reveal-drill`: a publication rehearsed end to end on this machine, with the deploy
 * workflow's own logic. In a temporary copy of content/, an advisory is scheduled about 40 s
 * ahead. The plan (plan.ts) first finds no deploy and deploys the site as it is; asked again,
 * it finds the publication inside the lead window and reveals it: `prepare` (prepare.ts)
 * builds for the instant and stages the build, then waits, while the advisory's URLs are
 * polled and must not be served; at the instant the release folder nginx serves (with
 * deploy/nginx.conf) is switched by deploy/nginx-publish.sh, and verify-live runs until it
 * passes. The figure is how long after publish_at that was, on the real clock.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Corpus } from '../content/read-content.ts';
import { readCheckedCorpus } from '../embargo/content-rules.ts';
import { nextTransitions, scheduleOf } from '../embargo/schedule.ts';
import { basePath, paths } from '../model/urls.ts';
import { nginxConfig } from '../outputs/nginx-config.ts';
import { nextId } from '../tools/next-id.ts';
import { exportPaths } from '../verify/verify-live.ts';
import { hostTree } from './host-tree.ts';
import { findNginx, NO_NGINX, startNginx, type NginxServer } from './nginx-server.ts';
import { planRun, type DeployRecord } from './plan.ts';
import { prepare } from './prepare.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const PUBLISH = join(PROJECT, 'deploy/nginx-publish.sh');

export type DrillOptions = {
  aheadSeconds?: number;
  /** The folder holding the `content/` to copy (CONTENT_ROOT; the project's own by default). */
  from?: string;
  log?: (line: string) => void;
};

const advisory = (id: string, publishAt: string) => `---
id: ${id}
title: Reveal drill advisory ${id}
summary: A rehearsal of a publication; this advisory exists only in the drill's copy of the content.
publish_at: "${publishAt}"
notice: { components: [openedx/credentials], severity: low, text: Reveal drill. }
affected:
  - repository: openedx/credentials
    master_fix: 0000000000000000000000000000000000d7111a
---

## Impact

Nothing: the reveal drill publishes this advisory into a temporary folder to time the reveal.
`;

/** A digest of the content tree: the drill's stand-in for the commit a workflow run builds. */
function contentDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** The drill's content, checked with every rule at `at`, as the build will check it. */
function checkedCorpus(root: string, at: Date): Corpus {
  const { corpus, problems } = readCheckedCorpus(root, undefined, at);
  if (!corpus || problems.length > 0)
    throw new Error(`reveal-drill: the drill's content has problems:\n${problems.map((p) => `${p.file}: ${p.message}`).join('\n')}`);
  return corpus;
}

const sh = (args: string[], env: NodeJS.ProcessEnv) => {
  const r = spawnSync('sh', args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`reveal-drill: ${args.join(' ')} failed:\n${r.stderr}`);
};

/** Runs verify-live (the command) against `url` at `at`; resolves to its exit code and output. */
const verifyLive = (url: string, at: string, root: string) =>
  new Promise<{ code: number; out: string }>((done) => {
    execFile(
      process.execPath,
      ['scripts/verify-live.ts', url, '--at', at],
      { cwd: PROJECT, env: { ...process.env, CONTENT_ROOT: root, BUILD_AT: '' } },
      (error, stdout, stderr) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });

/** Rehearses one reveal; resolves to the seconds between publish_at and a passing verify-live. */
export async function revealDrill({ aheadSeconds = 40, from = PROJECT, log = console.log }: DrillOptions = {}): Promise<number> {
  if (!findNginx()) throw new Error(NO_NGINX);
  const work = mkdtempSync(join(tmpdir(), 'oex-drill-'));
  // nginx's workers (another user) serve the releases from here.
  chmodSync(work, 0o755);
  let server: NginxServer | undefined;
  try {
    cpSync(join(from, 'content'), join(work, 'content'), { recursive: true });
    mkdirSync(join(work, 'builds'));
    const publishAt = new Date(Math.ceil(Date.now() / 1000 + aheadSeconds) * 1000);
    const id = nextId(work, publishAt.getUTCFullYear());
    const file = join(work, 'content/advisories', String(publishAt.getUTCFullYear()), `${id}.md`);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, advisory(id, publishAt.toISOString().replace('.000Z', 'Z')));
    const corpus = checkedCorpus(work, new Date());
    const data = corpus.advisories.find((a) => a.data.id === id)!.data;
    // A site under a path is served as the workflow publishes it: its host tree, with its configuration.
    const base = basePath(corpus.site.url);
    log(`reveal-drill: ${id} scheduled for ${data.publish_at} (in ${aheadSeconds} s), in ${work}`);

    const site = { DEPLOY_ROOT: join(work, 'host') };
    const commit = contentDigest(join(work, 'content'));
    const built = async (clock: Date) => {
      const out = join(work, 'builds', clock.toISOString().replace(/[:.]/g, '-'));
      const r = spawnSync(process.execPath, ['scripts/build.ts', '--at', clock.toISOString(), '--out', out], {
        cwd: PROJECT,
        env: { ...process.env, CONTENT_ROOT: work, BUILD_AT: '' },
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`reveal-drill: the build for ${clock.toISOString()} failed:\n${r.stderr.slice(-3000)}`);
      sh([PUBLISH, 'stage', hostTree(out, base), clock.toISOString().replace(/[:.]/g, '-')], site);
      return nextTransitions(scheduleOf(checkedCorpus(work, clock)), clock)[0]!.at;
    };
    const effects = {
      now: () => new Date(),
      build: built,
      moved: async () => false,
      update: async () => {},
      log: (line: string) => log(`reveal-drill: ${line}`),
    };
    const plan = (record: DeployRecord | null) => {
      const p = planRun({ event: 'schedule', commit, record, revealing: [], now: new Date() });
      log(`plan: ${p.action}${'at' in p ? ` ${p.at}` : ''} (${p.why})`);
      return p;
    };

    // The first run: nothing recorded, so the site as it is now goes live at once.
    if (plan(null).action !== 'deploy') throw new Error('reveal-drill: with no record the plan must deploy');
    const first = await prepare(null, { ...effects, sleep: (ms) => new Promise((ok) => setTimeout(ok, ms)) });
    sh([PUBLISH, 'switch', first.at.replace(/[:.]/g, '-')], site);
    server = await startNginx(join(work, 'host/current'), ...(base === '/' ? [] : [nginxConfig({ base })]));
    const siteUrl = `${server.url}${base.slice(0, -1)}`;
    log(`reveal-drill: live at ${siteUrl}/, built for ${first.at}, current until ${first.until}`);

    // The next run finds the publication inside the lead window.
    const next = plan({ commit, at: first.at, next: first.until });
    if (next.action !== 'reveal' || Date.parse(next.at) !== publishAt.getTime())
      throw new Error(`reveal-drill: expected a reveal of ${data.publish_at}, the plan says ${next.action}`);

    const watched = [paths.advisory(id), ...exportPaths(data)];
    let polls = 0;
    const served: string[] = [];
    // Waiting is polling: every 200 ms, each URL the advisory will have must still be missing.
    const poll = async (ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end; polls++) {
        for (const path of watched) {
          const res = await fetch(`${siteUrl}${path}`);
          await res.arrayBuffer();
          if (res.ok && Date.now() < publishAt.getTime()) served.push(`${path} at ${new Date().toISOString()}`);
        }
        await new Promise((ok) => setTimeout(ok, Math.max(0, Math.min(200, end - Date.now()))));
      }
    };
    const reveal = await prepare(new Date(next.at), { ...effects, sleep: poll });
    sh([PUBLISH, 'switch', reveal.at.replace(/[:.]/g, '-')], site);
    log(
      `reveal-drill: switched ${((Date.now() - publishAt.getTime()) / 1000).toFixed(2)} s after publish_at; ${polls} polls of ${watched.length} URLs before it`,
    );
    if (served.length > 0) throw new Error(`reveal-drill: served before publish_at:\n${served.join('\n')}`);

    for (;;) {
      const { code, out } = await verifyLive(siteUrl, reveal.at, work);
      if (code === 0) break;
      if (Date.now() - publishAt.getTime() > 120_000)
        throw new Error(`reveal-drill: verify-live still fails 120 s after publish_at:\n${out.slice(-2000)}`);
    }
    return (Date.now() - publishAt.getTime()) / 1000;
  } finally {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
