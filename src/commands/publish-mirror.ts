/**
 * npm run publish-mirror -- <public remote> [--at <instant>] [--branch main] [--content-root <dir>]
 *
 * Updates the public repository to what is public at the clock (src/tools/mirror/publish.ts):
 * the private repository's code at HEAD and the export of content/, one commit by the mirror
 * whose message names what became public, pushed to --branch. Nothing changed: nothing is
 * pushed, and it says so. Run by the deploy workflow after verify-live passes.
 *
 * Exit 1 when the tree would hold embargoed text, or the public repository holds changes not
 * yet brought back with apply-public; nothing is pushed then.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { MirrorRefused, publishMirror } from '../tools/mirror/publish.ts';
import { GitError } from '../tools/mirror/git.ts';
import { clockFrom, guarded, parseFlags, RefusedError, requireContentRoot, rootFrom, UsageError, userCwd, type Io } from './cli.ts';

export const USAGE =
  'usage: npm run publish-mirror -- <public remote> [--at <instant with offset>] [--branch <name>] [--content-root <dir>]';

/** A remote as git in another folder must see it: a local path made absolute, a URL as it is. */
export function remoteFrom(arg: string, env: NodeJS.ProcessEnv): string {
  if (/^[\w+.-]+:\/\//.test(arg) || /^[^/]+@[^/]+:/.test(arg)) return arg;
  const path = resolve(userCwd(env), arg);
  return existsSync(path) ? path : arg;
}

/** Mirror refusals and git failures are the user's to act on: exit 1 with the message, no stack. */
export function refusals<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof MirrorRefused || e instanceof GitError) throw new RefusedError(e.message);
    throw e;
  }
}

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, () => {
    const spec = { at: { type: 'string' }, branch: { type: 'string' }, 'content-root': { type: 'string' } } as const;
    const { flags, positionals } = parseFlags(argv, spec, true);
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(`give the public repository's remote, once (found ${positionals.length} arguments)`);
    const clock = clockFrom(flags.at);
    const root = requireContentRoot(rootFrom(flags['content-root'] as string | undefined, io.env));
    const remote = remoteFrom(positionals[0]!, io.env);
    const branch = (flags.branch as string | undefined) ?? 'main';
    const result = refusals(() => publishMirror({ root, remote, branch, at: clock.now, env: io.env }));
    const where = `${positionals[0]} ${branch}`;
    if (!result.pushed) {
      io.out(
        `publish-mirror: nothing to publish: ${where} already holds the public state at ${result.state.toISOString()} (clock ${clock.now.toISOString()}, ${clock.source}); nothing was pushed`,
      );
    } else {
      io.out(
        `publish-mirror: pushed ${result.commit.slice(0, 12)} to ${where}: ${result.message.split('\n')[0]} (public state at ${result.state.toISOString()})`,
      );
    }
    return 0;
  });
}
