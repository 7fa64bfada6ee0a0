/**
 * Writes the per-advisory exports (OSV, CSAF and hashes) of a production build in one pass,
 * with synchronous writes and one mkdir per folder. The endpoints under src/pages serve the
 * same files in the dev server and return no routes in a build. Runs before the leak guard,
 * which scans these files like any other output.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveClock } from '../lib/clock.ts';
import { readCorpusOnce } from '../lib/content.ts';
import { contentRoot } from '../lib/content-root.ts';
import { modelFromCorpus } from '../lib/model-from-corpus.ts';
import { ContentError } from '../lib/problems.ts';
import { perAdvisoryFiles } from '../outputs/per-advisory-files.ts';

export function bulkExports(): AstroIntegration {
  return {
    name: 'bulk-exports',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { corpus, problems } = readCorpusOnce(contentRoot());
        if (!corpus) throw new ContentError(problems);
        const model = modelFromCorpus(corpus, resolveClock().now);
        const made = new Set<string>();
        let count = 0;
        for (const p of model.published) {
          for (const file of perAdvisoryFiles(p, model)) {
            const target = join(out, file.path);
            const folder = dirname(target);
            if (!made.has(folder)) {
              mkdirSync(folder, { recursive: true });
              made.add(folder);
            }
            writeFileSync(target, file.text());
            count++;
          }
        }
        logger.info(`${count} per-advisory export files written`);
      },
    },
  };
}
