/**
 * The search index and the last step of every production build. The index is built from the
 * public model's records as soon as the build starts: Pagefind works in its own process while
 * Astro renders. At the end the guard proves that no output byte carries embargoed text: the
 * pages and exports are scanned, then the index, decompressed, once it is moved into place.
 *
 * On any leak, or any error while indexing or scanning, the output folder is deleted and the
 * build fails, so nothing deployable is left behind. Must be the last integration.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveClock } from '../lib/clock.ts';
import { checkedCorpusOnce } from '../lib/content.ts';
import { contentRoot } from '../lib/content-root.ts';
import { collectSecrets, scanForLeaks, scanForLeaksAsync, type Leak } from '../lib/leak-scan.ts';
import { modelFromCorpus } from '../lib/model-from-corpus.ts';
import { moveDir } from '../lib/move-dir.ts';
import { writeSearchIndex } from '../lib/search-index.ts';
import { searchRecords } from '../lib/search-records.ts';

export function leakGuard(): AstroIntegration {
  let indexing: { dir: string; done: Promise<number> } | undefined;
  return {
    name: 'leak-guard',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        const cache = fileURLToPath(config.cacheDir);
        mkdirSync(cache, { recursive: true });
        const dir = mkdtempSync(join(cache, 'search-index-'));
        const done = writeSearchIndex(searchRecords(modelFromCorpus(checkedCorpusOnce(contentRoot()), resolveClock().now)), dir);
        // Collected in astro:build:done; until then a failure must not surface as unhandled.
        done.catch(() => {});
        indexing = { dir, done };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        try {
          if (!indexing) throw new Error('search index: the build never started it');
          const corpus = checkedCorpusOnce(contentRoot());
          const secrets = collectSecrets(corpus.advisories, resolveClock().now);
          // Scan everything else while the index may still be written; a failed scan must not
          // leave the indexer running unobserved, so both are awaited before deciding.
          const [pages, indexed] = await Promise.allSettled([
            scanForLeaksAsync(out, secrets, { skip: (file) => file.startsWith('pagefind/') }),
            indexing.done,
          ]);
          if (indexed.status === 'rejected') throw indexed.reason;
          if (pages.status === 'rejected') throw pages.reason;
          // Nothing else writes pagefind/; if something did, the rename fails and so does the build.
          moveDir(indexing.dir, join(out, 'pagefind'));
          logger.info(`search index: ${indexed.value} records`);
          const index = scanForLeaks(join(out, 'pagefind'), secrets).map((l) => ({ ...l, file: `pagefind/${l.file}` }));
          const leaks: Leak[] = [...pages.value, ...index];
          if (leaks.length > 0) {
            for (const l of leaks) logger.error(`LEAK ${l.file}: ${l.advisory} ${l.what} ${JSON.stringify(l.text.slice(0, 100))}`);
            throw new Error(`leak scan: ${leaks.length} embargoed string(s) found in the output; nothing was published`);
          }
          logger.info(`leak scan: no embargoed text in the output (${secrets.length} secret strings checked)`);
        } catch (e) {
          if (indexing) rmSync(indexing.dir, { recursive: true, force: true });
          rmSync(out, { recursive: true, force: true });
          logger.error(`output removed: ${out}`);
          throw e;
        }
      },
    },
  };
}
