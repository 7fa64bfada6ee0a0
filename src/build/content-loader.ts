/**
 * The Astro content loader for advisories. It stores the session's public projection
 * (src/build/session.ts): hidden advisories never reach Astro's data store or any cache, and
 * the store holds exactly what the site model was built from.
 */
import type { Loader } from 'astro/loaders';
import { contentRoot } from '../content/content-root.ts';
import { currentSession, reloadSession, type BuildSession } from './session.ts';

/** The preview is honoured only by the dev server (which has a file watcher) and only on request. */
export const PREVIEW_ENV = 'EMBARGO_PREVIEW';

export function advisoryLoader(): Loader {
  const load: Loader['load'] = async (context) => {
    const { store, parseData, generateDigest, logger, watcher } = context;
    // The dev server re-reads on every change; a build stores the session it opened with.
    let session: BuildSession;
    if (watcher) {
      const previewEmbargoed = process.env[PREVIEW_ENV] === '1';
      session = reloadSession(previewEmbargoed);
      if (previewEmbargoed) logger.warn('EMBARGO PREVIEW: hidden and announced advisories are shown in full. Never deploy this.');
    } else {
      session = currentSession();
    }
    logger.info(`${session.entries.length} public entries at ${session.now.toISOString()} (clock ${session.clock.now.toISOString()})`);
    // Start from nothing each time: an entry that became hidden again must not linger.
    store.clear();
    for (const view of session.entries) {
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
      const content = `${contentRoot()}/content`;
      context.watcher?.add(content);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(`${content}/`)) load(context).catch((e) => context.logger.error(String(e)));
      });
    },
  };
}
