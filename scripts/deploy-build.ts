/**
 * npm run deploy-build -- [--at <instant>] [--out <folder>] [--stage <command>] [--record <file>]
 *
 * The deploy workflow's build step (src/deploy/prepare.ts): builds the site for `--at` (a
 * reveal) or the real clock, runs `--stage` after each build (with BUILD_DIR and BUILD_CLOCK
 * set: the nginx target uploads the build there, not yet served), waits until the instant,
 * and builds again if the branch moved meanwhile or another transition passed. Exit 0 means
 * the build may go live now: the folder to publish (--out, or for a site under a path its
 * host tree, src/deploy/host-tree.ts), the clock, the next transition and the site's URL are
 * printed and written to $GITHUB_OUTPUT (publish_dir, clock, until, site_url), and the deploy
 * record to --record, for the next run's plan.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { contentRoot } from '../src/content/content-root.ts';
import { readCorpus } from '../src/content/read-content.ts';
import { basePath } from '../src/model/urls.ts';
import { hostTree } from '../src/deploy/host-tree.ts';
import { prepare } from '../src/deploy/prepare.ts';
import { nextTransitions } from '../src/embargo/schedule.ts';
import { clockOrExit, flagsOrExit } from './lib/cli.ts';

const USAGE = 'usage: npm run deploy-build -- [--at <instant>] [--out <folder>] [--stage <command>] [--record <file>]';
const argv = process.argv.slice(2);
const flags = flagsOrExit(
  argv,
  { at: { type: 'string' }, out: { type: 'string' }, stage: { type: 'string' }, record: { type: 'string' } },
  USAGE,
);
const at = flags.at ? clockOrExit(argv).now : null;
const out = resolve((flags.out as string | undefined) ?? 'dist');
const stage = flags.stage as string | undefined;
const branch = process.env.GITHUB_REF_NAME;

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
};
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const branchHead = () => git('ls-remote', '--exit-code', 'origin', `refs/heads/${branch}`).split(/\s/)[0]!;

function corpus() {
  const { corpus, problems } = readCorpus(contentRoot());
  if (!corpus || problems.length > 0) throw new Error(`content has ${problems.length} problem(s); npm run check names them`);
  return corpus;
}

let publish = out;
const state = await prepare(at, {
  now: () => new Date(),
  async build(clock) {
    run(process.execPath, ['scripts/build.ts', '--at', clock.toISOString(), '--out', out]);
    const { site, advisories, releases } = corpus();
    publish = hostTree(out, basePath(site.url));
    if (stage) run('sh', ['-c', stage], { BUILD_DIR: publish, BUILD_CLOCK: clock.toISOString() });
    return nextTransitions({ advisories: advisories.map((a) => a.data), releases }, clock)[0]!.at;
  },
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
  // Only in the workflow, where the checkout has the branch's remote.
  moved: async () => !!branch && branchHead() !== git('rev-parse', 'HEAD'),
  async update() {
    const head = branchHead();
    run('git', ['fetch', '--depth', '1', 'origin', head]);
    run('git', ['checkout', '--force', '--detach', head]);
    run('npm', ['ci', '--no-audit', '--no-fund']);
  },
  log: (line) => console.log(`deploy-build: ${line}`),
});

const siteUrl = corpus().site.url;
const commit = git('rev-parse', 'HEAD');
console.log(
  `deploy-build: ${publish} may go live: built for ${state.at} from ${commit.slice(0, 12)}, current until ${state.until}, ${siteUrl}`,
);
if (process.env.GITHUB_OUTPUT) {
  appendFileSync(process.env.GITHUB_OUTPUT, `publish_dir=${publish}\nclock=${state.at}\nuntil=${state.until}\nsite_url=${siteUrl}\n`);
}
if (flags.record) {
  mkdirSync(dirname(resolve(flags.record as string)), { recursive: true });
  writeFileSync(flags.record as string, `${JSON.stringify({ commit, at: state.at, next: state.until })}\n`);
}
