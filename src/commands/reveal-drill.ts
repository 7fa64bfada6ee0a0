/**
 * npm run reveal-drill [-- --ahead <seconds>]
 *
 * Rehearses a publication on this machine with the deploy workflow's own plan, build, wait and
 * publish steps, served by nginx with deploy/nginx.conf (src/deploy/reveal-drill.ts), on a
 * copy of the content (CONTENT_ROOT's, or the project's). The last
 * line is `reveal: live N s after publish_at`. Needs nginx (`sh scripts/test-tools.sh` installs
 * it); exits 1 if anything was served early or verify-live never passed.
 */
import { contentRoot } from '../content/content-root.ts';
import { revealDrill } from '../deploy/reveal-drill.ts';
import { guarded, parseFlags, RefusedError, UsageError, type Io } from './cli.ts';

export const USAGE = 'usage: npm run reveal-drill -- [--ahead <seconds, 15 to 3600; default 40>]';

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, async () => {
    const { flags } = parseFlags(argv, { ahead: { type: 'string' } });
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    const ahead = flags.ahead === undefined ? 40 : Number(flags.ahead);
    if (!Number.isInteger(ahead) || ahead < 15 || ahead > 3600)
      throw new UsageError(`--ahead: expected whole seconds from 15 to 3600 (found "${flags.ahead}")`);
    let seconds: number;
    try {
      seconds = await revealDrill({ aheadSeconds: ahead, from: contentRoot(io.env), log: io.out });
    } catch (e) {
      throw new RefusedError((e as Error).message);
    }
    io.out(`reveal: live ${seconds.toFixed(1)} s after publish_at`);
    return 0;
  });
}
