/**
 * The Astro content loader for advisories. It stores the session's public projection
 * (src/build/session.ts): hidden advisories never reach Astro's data store or any cache, and
 * the store holds exactly what the site model was built from. The dev server reloads the
 * session through it when content changes; `npm run build` skips Astro's content sync, as no
 * page reads the store (src/commands/build.ts), and `astro check` runs it for the types.
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
    const ids = session.entries.map((view) => (view.visibility === 'announced' ? view.id : view.advisory.id));
    // An entry that became hidden again must not linger. Only those go: clearing the whole
    // store would make Astro rewrite the import files in the shared .astro/ on every sync,
    // through a temporary name that two syncs at once (the dev server, `astro check`) share.
    const kept = new Set(ids);
    for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
    for (const [i, view] of session.entries.entries()) {
      const data = await parseData({ id: ids[i]!, data: view as Record<string, unknown> });
      store.set({ id: ids[i]!, data, digest: generateDigest(data) });
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
