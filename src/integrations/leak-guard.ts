/**
 * The last step of every production build: write the search index, then prove that no
 * output byte carries embargoed text. The pages are scanned while Pagefind (a separate
 * process) indexes them; Pagefind's own files are scanned, decompressed, once written.
 *
 * On any leak, or any error while indexing or scanning, the output folder is deleted and the
 * build fails, so nothing deployable is left behind. Must be the last integration.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveClock } from '../lib/clock.ts';
import { readCorpusOnce } from '../lib/content.ts';
import { contentRoot } from '../lib/content-root.ts';
import { collectSecrets, scanForLeaks, scanForLeaksAsync, type Leak } from '../lib/leak-scan.ts';
import { ContentError } from '../lib/problems.ts';
import { writeSearchIndex } from '../lib/search-index.ts';

export function leakGuard(): AstroIntegration {
  return {
    name: 'leak-guard',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        try {
          const { corpus, problems } = readCorpusOnce(contentRoot());
          if (!corpus) throw new ContentError(problems);
          const secrets = collectSecrets(corpus.advisories, resolveClock().now);
          const indexing = writeSearchIndex(out);
          // Scan everything but the index while it is being written; a failed scan must not
          // leave the indexer running unobserved, so both are awaited before deciding.
          const [pages, indexed] = await Promise.allSettled([
            scanForLeaksAsync(out, secrets, { skip: (file) => file.startsWith('pagefind/') }),
            indexing,
          ]);
          if (indexed.status === 'rejected') throw indexed.reason;
          if (pages.status === 'rejected') throw pages.reason;
          logger.info(`search index: ${indexed.value} pages`);
          const index = scanForLeaks(join(out, 'pagefind'), secrets).map((l) => ({ ...l, file: `pagefind/${l.file}` }));
          const leaks: Leak[] = [...pages.value, ...index];
          if (leaks.length > 0) {
            for (const l of leaks) logger.error(`LEAK ${l.file}: ${l.advisory} ${l.what} ${JSON.stringify(l.text.slice(0, 100))}`);
            throw new Error(`leak scan: ${leaks.length} embargoed string(s) found in the output; nothing was published`);
          }
          logger.info(`leak scan: no embargoed text in the output (${secrets.length} secret strings checked)`);
        } catch (e) {
          rmSync(out, { recursive: true, force: true });
          logger.error(`output removed: ${out}`);
          throw e;
        }
      },
    },
  };
}
