/**
 * npm run security-md [-- --repo openedx/<name>] [--at <instant>]
 *
 * Prints the SECURITY.md for a repository (or the generic template without --repo), from the
 * same site facts and releases as the site's /SECURITY.md. Supported releases are those of the
 * clock (real time unless --at or BUILD_AT says otherwise). Redirect it into the repository:
 *   npm run --silent security-md -- --repo openedx/openedx-platform > SECURITY.md
 */
import { resolveClock } from '../src/lib/clock.ts';
import { readReleases, readSite } from '../src/lib/content.ts';
import { contentRoot } from '../src/lib/content-root.ts';
import { formatProblem, type Problem } from '../src/lib/problems.ts';
import { isSupported, sortReleases } from '../src/lib/releases.ts';
import { checkRepository, securityMd } from '../src/lib/security-md.ts';

const argv = process.argv.slice(2);
const usage = 'usage: npm run security-md -- [--repo owner/name] [--at <instant>]';

function option(name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const value = argv[i]!.includes('=') ? argv[i]!.slice(name.length + 1) : argv[i + 1];
  if (!value || value.startsWith('--')) fail(`${name}: expected a value\n${usage}`, 2);
  return value;
}

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const unknown = argv.filter((a, i) => a.startsWith('--') && !/^--(repo|at)(=|$)/.test(a) && !/^--(repo|at)$/.test(argv[i - 1] ?? ''));
if (argv.includes('--help') || argv.includes('-h')) fail(usage, 0);
if (unknown.length > 0) fail(`unknown option ${unknown[0]}\n${usage}`, 2);

let repository: string | undefined;
let now: Date;
try {
  repository = option('--repo');
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
