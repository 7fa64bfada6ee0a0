/**
 * Writes the Pagefind index of a built site with Pagefind's Node API. Unlike wrappers that
 * only log, an indexing error throws. Only elements marked data-pagefind-body are indexed,
 * and pages only ever contain public content.
 */
import { close, createIndex } from 'pagefind';

export async function writeSearchIndex(site: string): Promise<number> {
  // The "#" self-links beside headings are not content.
  const { errors, index } = await createIndex({ forceLanguage: 'en', excludeSelectors: ['.anchor'] });
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}
