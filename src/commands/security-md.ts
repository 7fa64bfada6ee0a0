/**
 * npm run security-md [-- --repo openedx/<name>] [--at <instant>]
 *
 * Prints the SECURITY.md for a repository (or the generic template without --repo), from the
 * same site facts and releases as the site's /SECURITY.md. Supported releases are those of the
 * clock (`--at`, else the real time). Redirect it into the repository:
 *   npm run --silent security-md -- --repo openedx/openedx-platform > SECURITY.md
 */
import { formatProblem, type Problem } from '../content/problems.ts';
import { readReleases, readSite } from '../content/read-content.ts';
import { isSupported, sortReleases } from '../model/releases.ts';
import { checkRepository, securityMd } from '../outputs/security-md.ts';
import { asUsage, clockFrom, guarded, parseFlags, rootFrom, type Io } from './cli.ts';

export const USAGE = 'usage: npm run security-md -- [--repo owner/name] [--at <instant>]';

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, () => {
    const { flags } = parseFlags(argv, { repo: { type: 'string' }, at: { type: 'string' } });
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    const repository = flags.repo as string | undefined;
    if (repository !== undefined) asUsage(() => checkRepository(repository));
    const now = clockFrom(flags.at).now;

    // Only site.yaml and releases.yaml: an advisory with a problem does not hold up a SECURITY.md.
    const problems: Problem[] = [];
    const root = rootFrom(undefined, io.env);
    const site = readSite(root, problems);
    const releases = readReleases(root, problems);
    if (!site || !releases) {
      for (const p of problems) io.err(formatProblem(p));
      io.err(`\nsecurity-md: ${problems.length} problem(s) in content/site.yaml or content/releases.yaml; run npm run check`);
      return 1;
    }
    const text = securityMd({
      site,
      releases: sortReleases(releases).map((r) => ({ ...r, supported: isSupported(r, now) })),
      repository,
      now,
    });
    io.out(text.replace(/\n$/, ''));
    return 0;
  });
}
