/**
 * npm run security-md [-- --repo openedx/<name>] [--at <instant>]
 *
 * Prints the SECURITY.md for a repository (or the generic template without --repo), from the
 * same site facts and releases as the site's /SECURITY.md. Supported releases are those of the
 * clock (real time unless --at or BUILD_AT says otherwise). Redirect it into the repository:
 *   npm run --silent security-md -- --repo openedx/openedx-platform > SECURITY.md
 */
import { resolveClock } from '../src/build/clock.ts';
import { flagsOrExit } from './lib/cli.ts';
import { readReleases, readSite } from '../src/content/read-content.ts';
import { contentRoot } from '../src/content/content-root.ts';
import { formatProblem, type Problem } from '../src/content/problems.ts';
import { isSupported, sortReleases } from '../src/model/releases.ts';
import { checkRepository, securityMd } from '../src/outputs/security-md.ts';

const argv = process.argv.slice(2);
const usage = 'usage: npm run security-md -- [--repo owner/name] [--at <instant>]';
const flags = flagsOrExit(argv, { repo: { type: 'string' }, at: { type: 'string' } }, usage);

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let repository: string | undefined;
let now: Date;
try {
  repository = flags.repo as string | undefined;
  if (repository !== undefined) checkRepository(repository);
  now = resolveClock(argv).now;
} catch (e) {
  fail(`${(e as Error).message}\n${usage}`, 2);
}

const problems: Problem[] = [];
const root = contentRoot();
const site = readSite(root, problems);
const releases = readReleases(root, problems);
if (!site || !releases) {
  for (const p of problems) console.error(formatProblem(p));
  fail(`\nsecurity-md: ${problems.length} problem(s) in content/site.yaml or content/releases.yaml; run npm run check`, 1);
}

process.stdout.write(
  securityMd({ site, releases: sortReleases(releases).map((r) => ({ ...r, supported: isSupported(r, now) })), repository }),
);
