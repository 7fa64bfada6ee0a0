/**
 * npm run build [-- --at <instant>] [--out <dir>]
 *
 * The production build: resolve the clock once, check all content (any problem: nothing is
 * built), then build pages, feeds, exports, the search index and run the leak scan. Embargo
 * previews are refused here whatever the environment says.
 */
import { build } from 'astro';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLOCK_ENV, describeClock, resolveClock } from '../src/lib/clock.ts';
import { readCorpus, shareCorpus } from '../src/lib/content.ts';
import { contentRoot } from '../src/lib/content-root.ts';
import { PREVIEW_ENV } from '../src/lib/advisory-loader.ts';
import { formatProblem } from '../src/lib/problems.ts';

const argv = process.argv.slice(2);
const outIndex = argv.indexOf('--out');
const outDir = resolve(outIndex >= 0 ? argv[outIndex + 1]! : 'dist');
const projectRoot = resolve(import.meta.dirname, '..');

let clock;
try {
  clock = resolveClock(argv);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
console.log(describeClock(clock));
process.env[CLOCK_ENV] = clock.now.toISOString();
delete process.env[PREVIEW_ENV];

rmSync(outDir, { recursive: true, force: true });
const { corpus, problems } = readCorpus(contentRoot());
if (!corpus || problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\nbuild refused: ${problems.length} content problem(s). Nothing was built. Run npm run check for details.`);
  process.exit(1);
}

shareCorpus(contentRoot(), corpus);

// A fresh cache per build: nothing rendered under one clock is reused under another, no
// embargoed text persists between builds, and parallel builds (tests) cannot collide.
const cacheDir = mkdtempSync(join(tmpdir(), 'oex-astro-cache-'));
try {
  await build({
    root: projectRoot,
    outDir,
    cacheDir,
    logLevel: process.env.ASTRO_LOG_LEVEL === 'debug' ? 'debug' : 'info',
  });
} catch (e) {
  rmSync(outDir, { recursive: true, force: true });
  console.error(`\nbuild failed, output removed: ${(e as Error).message}`);
  process.exit(1);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
console.log(`\nsite built in ${outDir} (${describeClock(clock)}). Preview it with: npm run preview`);
