/**
 * The last step of every production build: proof that no output byte carries embargoed text.
 * The pages, feeds and exports are scanned while the search index may still be written
 * (src/build/jobs.ts starts it with the build), and the index, decompressed, once it is
 * moved into place. The scan is shared between this thread and the build worker.
 *
 * On any leak, or any error while indexing or scanning, the output folder is deleted and the
 * build fails, so nothing deployable is left behind. Must be the last integration.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startJobs, type BackgroundJob, type BuildJobs, type BuildWorker } from './jobs.ts';
import { currentSession } from './session.ts';
import { LeakScanner, listFiles, sortLeaks, type Leak } from '../embargo/leak-scan.ts';
import { moveDir } from './move-dir.ts';

/**
 * Scans the whole output from one queue of files, on two threads: the pages, feeds and exports
 * at once, and the search index as soon as it is written and moved into place. This thread
 * and the build worker each take a batch of files at a time, so the faster does more; the
 * worker joins only once the index is written, because until then the second core is the
 * indexer's. Resolves once both threads are done and the indexer has settled, and rejects on
 * the first failure of either.
 */
async function scanOutput(
  out: string,
  worker: BuildWorker,
  scanner: LeakScanner,
  searchIndex: BackgroundJob,
  onIndexed: (records: number) => void,
): Promise<Leak[]> {
  const queue = listFiles(out);
  let next = 0;
  let indexSettled = false;
  const index = searchIndex.done
    .then((records) => {
      // Nothing else writes pagefind/; if something did, the rename fails and so does the build.
      moveDir(searchIndex.dir, join(out, 'pagefind'));
      queue.push(...listFiles(join(out, 'pagefind')).map((file) => `pagefind/${file}`));
      onIndexed(records);
    })
    .finally(() => (indexSettled = true));
  const settled = index.then(
    () => {},
    () => {},
  );
  const BATCH = 128;
  const drain = async (scan: (files: string[]) => Promise<Leak[]>) => {
    const found: Leak[] = [];
    for (;;) {
      if (next < queue.length) found.push(...(await scan(queue.slice(next, (next += BATCH)))));
      else if (!indexSettled) await settled;
      else return found;
    }
  };
  const threads = await Promise.allSettled([
    drain((files) => scanner.scanAsync(out, files)),
    settled.then(() => drain((files) => worker.scan(out, files))),
  ]);
  await index; // an indexing error fails the build
  return threads.flatMap((t) => {
    if (t.status === 'rejected') throw t.reason;
    return t.value;
  });
}

export function leakGuard(): AstroIntegration {
  let jobs: BuildJobs | undefined;
  return {
    name: 'leak-guard',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        // Already running when npm run build started them; started here when Astro runs alone.
        jobs = startJobs(currentSession(), fileURLToPath(config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        try {
          if (!jobs) throw new Error('search index: the build never started it');
          const { worker, searchIndex } = jobs;
          const secrets = await worker.secrets;
          const scanner = new LeakScanner(secrets);
          const found = await scanOutput(out, worker, scanner, searchIndex, (records) => logger.info(`search index: ${records} records`));
          const leaks = sortLeaks(found);
          if (leaks.length > 0) {
            for (const l of leaks) logger.error(`LEAK ${l.file}: ${l.advisory} ${l.what} ${JSON.stringify(l.text.slice(0, 100))}`);
            throw new Error(`leak scan: ${leaks.length} embargoed string(s) found in the output; nothing was published`);
          }
          logger.info(`leak scan: no embargoed text in the output (${secrets.length} secret strings checked)`);
        } catch (e) {
          if (jobs) rmSync(jobs.searchIndex.dir, { recursive: true, force: true });
          rmSync(out, { recursive: true, force: true });
          logger.error(`output removed: ${out}`);
          throw e;
        } finally {
          await jobs?.worker.stop();
        }
      },
    },
  };
}
