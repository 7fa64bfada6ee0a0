/**
 * The last step of every production build: scan all output for embargoed text. On any leak,
 * or any error while scanning, the output folder is deleted and the build fails, so nothing
 * deployable is left behind. Must run after every other integration that writes files.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveClock } from '../lib/clock.ts';
import { readCorpusOnce } from '../lib/content.ts';
import { contentRoot } from '../lib/content-root.ts';
import { ContentError } from '../lib/problems.ts';
import { collectSecrets, scanForLeaks } from '../lib/leak-scan.ts';

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
          const leaks = scanForLeaks(out, secrets);
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
