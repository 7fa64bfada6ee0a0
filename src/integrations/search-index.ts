/**
 * Writes the Pagefind index from the built HTML with Pagefind's Node API. Unlike wrappers that
 * only log, an indexing error fails the build. Only elements marked data-pagefind-body are
 * indexed, and pages only ever contain public content.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // Heading self-links ("#") are navigation, not text: keep them out of results.
        const { errors, index } = await createIndex({ forceLanguage: 'en', excludeSelectors: ['.anchor'] });
        if (!index) throw new Error(`search index: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages`);
        } finally {
          await close();
        }
      },
    },
  };
}
