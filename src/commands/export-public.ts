/**
 * npm run export-public -- --out <folder> [--at <instant>] [--content-root <dir>]
 *
 * Writes the public projection of the content tree (src/tools/mirror/export.ts) into --out as a
 * content tree of its own: what the public repository may hold at the clock. The folder must
 * be empty, new, or an earlier export (which is replaced whole), and may not be inside the
 * private content/ folder. The same content and clock give the same bytes.
 */
import { resolve } from 'node:path';
import { exportPublic } from '../tools/mirror/export.ts';
import { exportDirProblem, writeExport } from '../tools/mirror/write-tree.ts';
import { clockFrom, guarded, parseFlags, RefusedError, requireContentRoot, rootFrom, shown, UsageError, userCwd, type Io } from './cli.ts';

export const USAGE = 'usage: npm run export-public -- --out <folder> [--at <instant with offset>] [--content-root <dir>]';

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, () => {
    const { flags } = parseFlags(argv, { at: { type: 'string' }, out: { type: 'string' }, 'content-root': { type: 'string' } });
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    if (typeof flags.out !== 'string') throw new UsageError('--out: give the folder to write the public tree to');
    const clock = clockFrom(flags.at);
    const root = requireContentRoot(rootFrom(flags['content-root'] as string | undefined, io.env));
    const out = resolve(userCwd(io.env), flags.out);
    const problem = exportDirProblem(out, root);
    if (problem) throw new RefusedError(`--out: ${problem}. Nothing was written.`);
    const exported = exportPublic(root, clock.now);
    writeExport(out, exported.files);
    const advisories = [...exported.files.keys()].filter((f) => f.startsWith('content/advisories/')).length;
    io.out(
      `export-public: ${shown(out, io.env)}: ${exported.files.size} files (${advisories} advisories) as public at ${exported.state.toISOString()} (clock ${clock.now.toISOString()}, ${clock.source})`,
    );
    return 0;
  });
}
