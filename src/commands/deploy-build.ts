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
import { contentRoot } from '../content/content-root.ts';
import { hostTree } from '../deploy/host-tree.ts';
import { prepare } from '../deploy/prepare.ts';
import { nextTransitions } from '../embargo/schedule.ts';
import { basePath } from '../model/urls.ts';
import { checkedCorpus, clockFrom, guarded, parseFlags, type Io } from './cli.ts';

export const USAGE = 'usage: npm run deploy-build -- [--at <instant>] [--out <folder>] [--stage <command>] [--record <file>]';

const PROJECT = resolve(import.meta.dirname, '../..');

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, async () => {
    const spec = { at: { type: 'string' }, out: { type: 'string' }, stage: { type: 'string' }, record: { type: 'string' } } as const;
    const { flags } = parseFlags(argv, spec);
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    const at = flags.at === undefined ? null : clockFrom(flags.at).now;
    const out = resolve((flags.out as string | undefined) ?? 'dist');
    const stage = flags.stage as string | undefined;
    // Set in the workflow, where the checkout has the branch's remote; without it nothing moves.
    const branch = io.env.GITHUB_REF_NAME;
    const sh = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
      const result = spawnSync(command, args, { stdio: 'inherit', cwd: PROJECT, env: { ...io.env, ...env } });
      if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT, encoding: 'utf8' }).trim();
    const branchHead = () => git('ls-remote', '--exit-code', 'origin', `refs/heads/${branch}`).split(/\s/)[0]!;

    let publish = out;
    // The commit built: the workflow's, until a push while waiting checks out a newer one.
    let commit = io.env.GITHUB_SHA || git('rev-parse', 'HEAD');
    const state = await prepare(at, {
      now: () => new Date(),
      async build(clock) {
        sh(process.execPath, ['scripts/build.ts', '--at', clock.toISOString(), '--out', out]);
        const { site, advisories, releases } = checkedCorpus(contentRoot(io.env));
        publish = hostTree(out, basePath(site.url));
        if (stage) sh('sh', ['-c', stage], { BUILD_DIR: publish, BUILD_CLOCK: clock.toISOString() });
        return nextTransitions({ advisories: advisories.map((a) => a.data), releases }, clock)[0]!.at;
      },
      sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
      moved: async () => !!branch && branchHead() !== git('rev-parse', 'HEAD'),
      async update() {
        const head = branchHead();
        sh('git', ['fetch', '--depth', '1', 'origin', head]);
        sh('git', ['checkout', '--force', '--detach', head]);
        sh('npm', ['ci', '--no-audit', '--no-fund']);
        commit = head;
      },
      log: (line) => io.out(`deploy-build: ${line}`),
    });

    const siteUrl = checkedCorpus(contentRoot(io.env)).site.url;
    io.out(
      `deploy-build: ${publish} may go live: built for ${state.at} from ${commit.slice(0, 12)}, current until ${state.until}, ${siteUrl}`,
    );
    if (io.env.GITHUB_OUTPUT)
      appendFileSync(io.env.GITHUB_OUTPUT, `publish_dir=${publish}\nclock=${state.at}\nuntil=${state.until}\nsite_url=${siteUrl}\n`);
    if (typeof flags.record === 'string') {
      mkdirSync(dirname(resolve(flags.record)), { recursive: true });
      writeFileSync(flags.record, `${JSON.stringify({ commit, at: state.at, next: state.until })}\n`);
    }
    return 0;
  });
}
