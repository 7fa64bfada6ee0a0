/**
 * npm run apply-public -- <public remote or ref> [--branch main] [--at <instant>] [--content-root <dir>]
 *
 * Brings the changes made in the public repository since the last mirror commit into the
 * private working tree (src/tools/mirror/apply.ts), and refuses, naming each file and why, any
 * change to an advisory embargoed in the private tree at the clock; when anything is refused,
 * nothing is written. The result is left uncommitted, for review.
 */
import { applyPublic, writeChanges } from '../tools/mirror/apply.ts';
import { clockFrom, guarded, parseFlags, requireContentRoot, rootFrom, UsageError, type Io } from './cli.ts';
import { refusals, remoteFrom } from './publish-mirror.ts';

export const USAGE =
  'usage: npm run apply-public -- <public remote or ref> [--branch <name>] [--at <instant with offset>] [--content-root <dir>]';

const LETTER = { add: 'A', modify: 'M', delete: 'D' } as const;

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, () => {
    const spec = { at: { type: 'string' }, branch: { type: 'string' }, 'content-root': { type: 'string' } } as const;
    const { flags, positionals } = parseFlags(argv, spec, true);
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    if (positionals.length !== 1)
      throw new UsageError(
        `give the public repository's remote, or a ref of its fetched branch, once (found ${positionals.length} arguments)`,
      );
    const clock = clockFrom(flags.at);
    const root = requireContentRoot(rootFrom(flags['content-root'] as string | undefined, io.env));
    const source = remoteFrom(positionals[0]!, io.env);
    const branch = (flags.branch as string | undefined) ?? 'main';
    const result = refusals(() => applyPublic({ root, source, branch, at: clock.now, env: io.env }));
    const span = `${result.base.slice(0, 12)}..${result.ref.slice(0, 12)}`;
    if (result.refused.length > 0) {
      for (const r of result.refused) io.err(`${r.path}: ${r.reason}`);
      io.err(
        `apply-public: ${result.refused.length} change${result.refused.length === 1 ? '' : 's'} of ${positionals[0]} (${span}) refused; nothing was written`,
      );
      return 1;
    }
    if (result.changes.length === 0) {
      io.out(
        `apply-public: nothing to apply: the private tree already has every change of ${positionals[0]} since the mirror commit (${span})`,
      );
      return 0;
    }
    writeChanges(root, result.changes);
    io.out(
      `apply-public: ${result.changes.length} change${result.changes.length === 1 ? '' : 's'} of ${positionals[0]} (${span}) written to the working tree:`,
    );
    for (const c of result.changes) io.out(`  ${LETTER[c.action]} ${c.path}`);
    io.out(
      'Review them (git diff), check them (npm run check), and commit; the next mirror commit carries them back to the public repository.',
    );
    return 0;
  });
}
