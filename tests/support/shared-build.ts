/**
 * Production builds that several test files need alike (the fixture site at its clock, at
 * the domain root and under /security/; the project's content) are made once per test run
 * and shared. Test files run in separate worker processes, so the first to ask for a build
 * takes a lock and builds; the others wait for its result. A build is known by its content
 * and clock, and lives in this run's temporary folder, so a new run never sees an old build.
 *
 * A shared build is read-only: a test that changes its files works on a copy. Tests that
 * prove something about building itself (two builds are identical, a failure leaves
 * nothing) call buildSite for a build of their own.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type BuildResult } from './build-site.ts';

/** Longer than any build takes on a loaded 2-core machine, shorter than a hook's limit. */
const WAIT_MS = 280_000;

/** What a build depends on besides the code: every file of `content/` and the clock. */
function buildKey(contentRoot: string, at: string): string {
  const hash = createHash('sha256').update(`at ${at}\n`);
  const walk = (dir: string, prefix: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${prefix}${e.name}`;
      if (e.isDirectory()) walk(join(dir, e.name), `${path}/`);
      else
        hash
          .update(`file ${path}\n`)
          .update(readFileSync(join(dir, e.name)))
          .update('\n');
    }
  };
  walk(join(contentRoot, 'content'), '');
  return hash.digest('hex').slice(0, 24);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function waitFor(record: string): BuildResult {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    try {
      return JSON.parse(readFileSync(record, 'utf8')) as BuildResult;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (Date.now() > until) throw new Error(`the shared build ${record} was not finished after ${WAIT_MS / 1000} s`);
    sleep(200);
  }
}

/** The build of `contentRoot` at `at`, made by whichever test file asks first. */
export function sharedBuild(contentRoot: string, at: string): BuildResult {
  const dir = join(tmpdir(), 'oex-shared-builds');
  mkdirSync(dir, { recursive: true });
  // nginx's workers serve these builds too.
  chmodSync(dir, 0o755);
  const out = join(dir, buildKey(contentRoot, at));
  const record = `${out}.json`;
  try {
    mkdirSync(`${out}.lock`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return waitFor(record);
  }
  // Whatever happens, the files waiting for this build get an answer, not a five-minute wait.
  let result: BuildResult = { code: 1, stdout: '', stderr: 'the shared build did not run to its end', outDir: out };
  try {
    result = buildSite(contentRoot, at, { outDir: out });
  } catch (e) {
    result = { ...result, stderr: `the shared build threw: ${(e as Error).stack ?? String(e)}` };
  } finally {
    writeFileSync(`${record}.partial`, JSON.stringify(result));
    renameSync(`${record}.partial`, record);
  }
  return result;
}
