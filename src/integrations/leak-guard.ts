/**
 * The last step of every production build: proof that no output byte carries embargoed text.
 * The pages, feeds and exports are scanned while the search index may still be written
 * (src/lib/build-jobs.ts starts it with the build), then the index, decompressed, once it is
 * moved into place. Each scan is shared between this thread and the build worker.
 *
 * On any leak, or any error while indexing or scanning, the output folder is deleted and the
 * build fails, so nothing deployable is left behind. Must be the last integration.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJobs, type BuildJobs, type BuildWorker } from '../lib/build-jobs.ts';
import { resolveClock } from '../lib/clock.ts';
import { checkedCorpusOnce } from '../lib/content.ts';
import { contentRoot } from '../lib/content-root.ts';
import { LeakScanner, listFiles, sortLeaks, type Leak } from '../lib/leak-scan.ts';
import { moveDir } from '../lib/move-dir.ts';

/**
 * Scans every file under `dir` on two threads. The build worker takes a batch at a time and
 * this thread takes the rest, so the faster of the two does more. The worker joins only once
 * `joinAfter` settles: while the search indexer still runs, the second core is its.
 */
async function scanOnBothThreads(worker: BuildWorker, scanner: LeakScanner, dir: string, joinAfter: Promise<unknown>): Promise<Leak[]> {
  const files = listFiles(dir);
  const BATCH = 128;
  let next = 0;
  const take = () => files.slice(next, (next += BATCH));
  const leaks: Leak[] = [];
  const there = (async () => {
    await joinAfter.then(
      () => {},
      () => {},
    );
    while (next < files.length) leaks.push(...(await worker.scan(dir, take())));
  })();
  while (next < files.length) leaks.push(...(await scanner.scanAsync(dir, take())));
  await there;
  return leaks;
}

export function leakGuard(): AstroIntegration {
  let jobs: BuildJobs | undefined;
  return {
    name: 'leak-guard',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        // Already running when npm run build started them; started here when Astro runs alone.
        jobs = buildJobs(checkedCorpusOnce(contentRoot()), resolveClock().now, fileURLToPath(config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        try {
          if (!jobs) throw new Error('search index: the build never started it');
          const { worker, searchIndex } = jobs;
          const secrets = await worker.secrets;
          const scanner = new LeakScanner(secrets);
          // Pages, feeds and exports are scanned while the index may still be written; a failed
          // scan must not leave the indexer running unobserved, so both are awaited first.
          const [pages, indexed] = await Promise.allSettled([scanOnBothThreads(worker, scanner, out, searchIndex.done), searchIndex.done]);
          if (indexed.status === 'rejected') throw indexed.reason;
          if (pages.status === 'rejected') throw pages.reason;
          // Nothing else writes pagefind/; if something did, the rename fails and so does the build.
          moveDir(searchIndex.dir, join(out, 'pagefind'));
          logger.info(`search index: ${indexed.value} records`);
          const index = (await scanOnBothThreads(worker, scanner, join(out, 'pagefind'), Promise.resolve())).map((l) => ({ ...l, file: `pagefind/${l.file}` }));
          const leaks = sortLeaks([...pages.value, ...index]);
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
