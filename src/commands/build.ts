/**
 * npm run build [-- --at <instant>] [--out <dir>]
 *
 * The production build: the clock once (`--at`, else the real time), all content checked (any
 * problem: nothing is built), then pages, feeds, exports, the search index and the leak scan.
 * Embargo previews are refused here whatever the environment says.
 *
 * This command owns its process: Vite reads NODE_ENV and the variables below from the process
 * environment, so `run` sets them there. Its tests spawn it (tests/unit/build-cli.test.ts,
 * tests/support/build-site.ts), since the pinned runtime and Astro are the point there.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { inspect } from 'node:util';
import { describeClock } from '../build/clock.ts';
import { PREVIEW_ENV } from '../build/content-loader.ts';
import { discardJobs, startJobs } from '../build/jobs.ts';
import { publishModes } from '../build/file-modes.ts';
import { moveDir } from '../build/move-dir.ts';
import { outputDirProblem } from '../build/output-dir.ts';
import { closeSession, openSession, type BuildSession } from '../build/session.ts';
import { ContentError, formatProblem } from '../content/problems.ts';
import { clockFrom, guarded, parseFlags, rootFrom, UsageError, type Io } from './cli.ts';

export const USAGE = 'usage: npm run build -- [--at <instant with offset>] [--out <folder>]  (default output: dist/)';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, async () => {
    const { flags } = parseFlags(argv, { at: { type: 'string' }, out: { type: 'string' } });
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    const root = rootFrom(undefined, io.env);
    const outDir = resolve((flags.out as string | undefined) || 'dist');
    const outProblem = outputDirProblem(outDir, PROJECT_ROOT, root);
    if (outProblem) throw new UsageError(`--out: ${outProblem}. Nothing was built or removed.`);
    const clock = clockFrom(flags.at);
    io.out(describeClock(clock));
    productionEnvironment(root);

    // The previous output is renamed aside at once and deleted while this build runs: removing
    // tens of thousands of files takes seconds that the build need not wait for. Whatever
    // happens next, the build waits for that deletion: a failed build leaves no output at all.
    const { removing, clearing } = clearAside(outDir);
    // Interrupted (Ctrl-C, a CI job cancelled): no output, old or new, is left either, and
    // nothing half-made: the jobs' staging folders, Astro's stage and cache (`scratch`).
    let session: BuildSession | undefined;
    const scratch: string[] = [];
    const interrupted = (signal: NodeJS.Signals) => {
      discardJobs(session);
      for (const dir of [...removing, ...scratch, outDir]) rmSync(dir, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    try {
      try {
        session = openSession({ root, clock });
      } catch (e) {
        if (!(e instanceof ContentError)) throw e;
        for (const p of e.problems) io.err(formatProblem(p));
        io.err(`\nbuild refused: ${e.problems.length} content problem(s). Nothing was built. Run npm run check for details.`);
        return 1;
      }
      io.out(`state time ${session.now.toISOString()} (the latest change of the public site at or before the clock)`);
      // The search index and the exports need nothing from Astro: they start now, on the second
      // core, and Astro (about half a second to load) is imported only after.
      startJobs(session, PROJECT_ROOT);
      const failure = await astroBuild(outDir, scratch);
      if (failure) {
        discardJobs(session);
        closeSession();
        rmSync(outDir, { recursive: true, force: true });
        io.err(`\nbuild failed, output removed: ${describeFailure(failure)}`);
        return 1;
      }
    } catch (e) {
      rmSync(outDir, { recursive: true, force: true });
      throw e;
    } finally {
      await clearing;
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    }
    io.out(`\nsite built in ${outDir} (${describeClock(clock)}). Preview it with: npm run preview`);
    return 0;
  });
}

/**
 * A production build is one whatever the caller's environment says: Vite derives
 * import.meta.env from NODE_ENV and from variables such as PROD and MODE, which test runners
 * set (the per-advisory export routes, for one, must see PROD and stay out of the build). The
 * content root goes into the environment too, where Astro's modules look for it.
 */
function productionEnvironment(root: string): void {
  delete process.env[PREVIEW_ENV];
  process.env.NODE_ENV = 'production';
  process.env.CONTENT_ROOT = root;
  for (const key of ['PROD', 'DEV', 'MODE', 'SSR', 'BASE_URL']) delete process.env[key];
}

/** A failed build's message, or the whole error when it has none (an AggregateError's is empty). */
export function describeFailure(failure: unknown): string {
  const message = failure instanceof Error ? failure.message.trim() : '';
  return message || inspect(failure, { depth: 4 });
}

/**
 * Astro's content sync fills its data store and writes types for editors and `astro check`.
 * Nothing in a build reads either: every page, feed and export reads the session's model
 * (src/build/session.ts), and the dev server is what the content loader is for. Skipping it
 * saves about a second a build and leaves the output byte for byte the same. It also keeps
 * parallel builds apart: the sync ends by writing two files in the project's shared `.astro/`
 * through one fixed temporary name, and two builds syncing at once could rename each other's
 * away (an UnknownFilesystemError without a message: withastro/astro#12992, #15671). `sync` is
 * an option of Astro's own builder, missing from its public types; tests/build/embargo-guards
 * fails if a new Astro syncs anyway.
 */
const WITHOUT_CONTENT_SYNC = { sync: false } as Parameters<typeof import('astro').build>[1];

/**
 * Astro's build into `outDir`; the error, if it failed (its partial output removed). The
 * folders it makes for itself are listed in `scratch` while they exist.
 */
async function astroBuild(outDir: string, scratch: string[]): Promise<Error | undefined> {
  const { build } = await import('astro');
  // A fresh cache per build: nothing rendered under one clock is reused under another, no
  // embargoed text persists between builds, and parallel builds (tests) cannot collide.
  const cacheDir = mkdtempSync(join(tmpdir(), 'oex-astro-cache-'));
  scratch.push(cacheDir);
  // Astro keeps its prerender bundle beside the output, or in ./.astro/ when the output is
  // outside the working directory, where parallel builds would overwrite each other's. So an
  // outside output is built in a private folder under .astro/ and moved into place at the end.
  let stageDir = outDir;
  if (!outDir.startsWith(process.cwd() + sep)) {
    mkdirSync(join(process.cwd(), '.astro'), { recursive: true });
    stageDir = mkdtempSync(join(process.cwd(), '.astro', 'build-'));
    scratch.push(stageDir);
  }
  try {
    await build(
      {
        root: PROJECT_ROOT,
        outDir: stageDir,
        cacheDir,
        logLevel: process.env.ASTRO_LOG_LEVEL === 'debug' ? 'debug' : 'info',
      },
      WITHOUT_CONTENT_SYNC,
    );
    if (stageDir !== outDir) moveDir(stageDir, outDir);
    publishModes(outDir);
    return undefined;
  } catch (e) {
    rmSync(stageDir, { recursive: true, force: true });
    return e as Error;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * Moves the previous output aside and deletes it, with any `<dir>.old-<pid>` a crashed build
 * left behind (one killed before its deletion finished still holds a whole previous site).
 */
function clearAside(dir: string): { removing: string[]; clearing: Promise<void> } {
  const parent = dirname(dir);
  const name = basename(dir);
  const removing = existsSync(parent)
    ? readdirSync(parent)
        .filter((entry) => entry.startsWith(`${name}.old-`) && /^\d+$/.test(entry.slice(name.length + 5)))
        .map((entry) => join(parent, entry))
    : [];
  if (existsSync(dir)) {
    const aside = `${dir}.old-${process.pid}`;
    renameSync(dir, aside);
    removing.push(aside);
  }
  return { removing, clearing: Promise.all(removing.map((path) => rm(path, { recursive: true, force: true }))).then(() => {}) };
}
