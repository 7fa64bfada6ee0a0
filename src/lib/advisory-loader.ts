/**
 * The Astro content loader for advisories. It reads content/ through the same code as
 * `check`, fails on any problem, and stores only what the visibility gate allows: hidden
 * advisories never reach Astro's data store or any cache.
 */
import type { Loader } from 'astro/loaders';
import { resolveClock } from './clock.ts';
import { hasSharedCorpus, readCorpus, readCorpusOnce } from './content.ts';
import { contentRoot } from './content-root.ts';
import { ContentError } from './problems.ts';
import { publicEntries } from './model-from-corpus.ts';
import { toPublicEntry } from './public-entry.ts';

/** The preview is honoured only by the dev server (which has a file watcher) and only on request. */
export const PREVIEW_ENV = 'EMBARGO_PREVIEW';

export function advisoryLoader(): Loader {
  const load: Loader['load'] = async (context) => {
    const { store, parseData, generateDigest, logger, watcher } = context;
    const root = contentRoot();
    const { now } = resolveClock();
    const previewEmbargoed = watcher !== undefined && process.env[PREVIEW_ENV] === '1';
    // The dev server re-reads on every change; a build reuses the corpus it checked.
    const { corpus, problems } = watcher ? readCorpus(root) : readCorpusOnce(root);
    if (!corpus) throw new ContentError(problems);
    logger.info(`content read ${hasSharedCorpus(root) ? 'once (shared with the check)' : 'by the loader'}`);
    if (previewEmbargoed) logger.warn('EMBARGO PREVIEW: hidden and announced advisories are shown in full. Never deploy this.');
    // Start from nothing each time: an entry that became hidden again must not linger.
    store.clear();
    const views = previewEmbargoed
      ? corpus.advisories.flatMap((entry) => toPublicEntry(entry, now, { previewEmbargoed }) ?? [])
      : publicEntries(corpus, now);
    for (const view of views) {
      const id = view.visibility === 'announced' ? view.id : view.advisory.id;
      const data = await parseData({ id, data: view as Record<string, unknown> });
      store.set({ id, data, digest: generateDigest(data) });
    }
  };
  return {
    name: 'openedx-advisories',
    load: async (context) => {
      await load(context);
      // In dev, reload when any content file changes (the loader reads them all at once).
      context.watcher?.add(`${contentRoot()}/content`);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(`${contentRoot()}/content/`)) load(context).catch((e) => context.logger.error(String(e)));
      });
    },
  };
}
