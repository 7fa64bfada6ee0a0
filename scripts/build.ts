/**
 * npm run build [-- --at <instant>] [--out <dir>]
 *
 * The production build: resolve the clock once, check all content (any problem: nothing is
 * built), then build pages, feeds, exports, the search index and run the leak scan. Embargo
 * previews are refused here whatever the environment says.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { describeClock } from '../src/build/clock.ts';
import { clockOrExit, flagsOrExit } from './lib/cli.ts';
import { contentRoot } from '../src/content/content-root.ts';
import { PREVIEW_ENV } from '../src/build/content-loader.ts';
import { discardJobs, startJobs } from '../src/build/jobs.ts';
import { moveDir } from '../src/build/move-dir.ts';
import { publishModes } from '../src/build/file-modes.ts';
import { outputDirProblem } from '../src/build/output-dir.ts';
import { closeSession, openSession, type BuildSession } from '../src/build/session.ts';
import { ContentError, formatProblem } from '../src/content/problems.ts';

const USAGE = 'usage: npm run build -- [--at <instant with offset>] [--out <folder>]  (default output: dist/)';
const argv = process.argv.slice(2);
const flags = flagsOrExit(argv, { at: { type: 'string' }, out: { type: 'string' } }, USAGE);
const outDir = resolve((flags.out as string | undefined) || 'dist');
const projectRoot = resolve(import.meta.dirname, '..');
const outProblem = outputDirProblem(outDir, projectRoot, contentRoot());
if (outProblem) {
  console.error(`--out: ${outProblem}. Nothing was built or removed.`);
  process.exit(2);
}

const clock = clockOrExit(argv);
console.log(describeClock(clock));
delete process.env[PREVIEW_ENV];
// A production build is one whatever the caller's environment says: Vite derives
// import.meta.env from NODE_ENV and from variables such as PROD and MODE, which test runners
// set (the per-advisory export routes, for one, must see PROD and stay out of the build).
process.env.NODE_ENV = 'production';
for (const key of ['PROD', 'DEV', 'MODE', 'SSR', 'BASE_URL']) delete process.env[key];

// The previous output is renamed aside at once and deleted while this build runs: removing
// tens of thousands of files takes seconds that the build need not wait for.
const clearing = clearAside(outDir);
let session: BuildSession;
try {
  session = openSession({ root: contentRoot(), clock });
} catch (e) {
  if (!(e instanceof ContentError)) throw e;
  for (const p of e.problems) console.error(formatProblem(p));
  console.error(`\nbuild refused: ${e.problems.length} content problem(s). Nothing was built. Run npm run check for details.`);
  await clearing;
  process.exit(1);
}
console.log(`state time ${session.now.toISOString()} (the latest change of the public site at or before the clock)`);
// The search index and the exports need nothing from Astro: they start now, on the second
// core, and Astro (about half a second to load) is imported only after.
startJobs(session, projectRoot);
const { build } = await import('astro');

// A fresh cache per build: nothing rendered under one clock is reused under another, no
// embargoed text persists between builds, and parallel builds (tests) cannot collide.
const cacheDir = mkdtempSync(join(tmpdir(), 'oex-astro-cache-'));
// Astro keeps its prerender bundle beside the output, or in ./.astro/ when the output is
// outside the working directory, where parallel builds would overwrite each other's. So an
// outside output is built in a private folder under .astro/ and moved into place at the end.
let stageDir = outDir;
if (!outDir.startsWith(process.cwd() + sep)) {
  mkdirSync(join(process.cwd(), '.astro'), { recursive: true });
  stageDir = mkdtempSync(join(process.cwd(), '.astro', 'build-'));
}
let failure: Error | undefined;
try {
  await build({
    root: projectRoot,
    outDir: stageDir,
    cacheDir,
    logLevel: process.env.ASTRO_LOG_LEVEL === 'debug' ? 'debug' : 'info',
  });
  if (stageDir !== outDir) moveDir(stageDir, outDir);
  publishModes(outDir);
} catch (e) {
  failure = e as Error;
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
if (failure) {
  discardJobs(session);
  closeSession();
  rmSync(stageDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  console.error(`\nbuild failed, output removed: ${failure.message}`);
  await clearing;
  process.exit(1);
}
await clearing;
console.log(`\nsite built in ${outDir} (${describeClock(clock)}). Preview it with: npm run preview`);

function clearAside(dir: string): Promise<void> {
  if (!existsSync(dir)) return Promise.resolve();
  const aside = `${dir}.old-${process.pid}`;
  renameSync(dir, aside);
  return rm(aside, { recursive: true, force: true });
}
