/**
 * The build session: what one build (or one load of the dev server) knows, worked out once.
 *
 *   root      the folder holding content/
 *   clock     the instant asked for (`--at`, else the real time)
 *   now       the state time everything is rendered at (src/embargo/schedule.ts)
 *   corpus    the checked content
 *   entries   the public projection at `now`: what the content loader stores
 *   model     the site model built from those entries: what every page, feed, export, search
 *             record and the leak scan read
 *   jobs      the background work of a production build (src/build/jobs.ts), once started
 *
 * `npm run build` opens the session before Astro loads; the Astro config, the content loader,
 * the integrations and the pages then find it with `currentSession()`. Astro loads those
 * through Vite, as module instances separate from the ones scripts/build.ts imported, so the
 * session sits in one well-known slot on globalThis: the only state shared that way.
 *
 * When Astro runs on its own (`astro dev`, `astro check`, `astro build`), the first caller
 * opens a session from the environment: CONTENT_ROOT (else the working folder) and the real
 * time, or BUILD_AT, which the project's scripts set when they start Astro for a clock.
 */
import type { Corpus } from '../content/read-content.ts';
import { readCheckedCorpus } from '../embargo/content-rules.ts';
import { contentRoot } from '../content/content-root.ts';
import { ContentError } from '../content/problems.ts';
import { siteAt, type SiteModel, type SiteState } from '../model/site-model.ts';
import type { PublicEntry } from '../schemas/public-entry.ts';
import { resolveClock, type BuildClock } from './clock.ts';
import type { BuildJobs } from './jobs.ts';

export type BuildSession = {
  root: string;
  clock: BuildClock;
  /** The state time: the latest transition at or before the clock. */
  now: Date;
  corpus: Corpus;
  entries: readonly PublicEntry[];
  model: SiteModel;
  /** Dev server only: hidden and announced advisories shown in full, under a banner. */
  previewEmbargoed: boolean;
  jobs?: BuildJobs | undefined;
};

export type SessionOptions = { root: string; clock: BuildClock; previewEmbargoed?: boolean; corpus?: Corpus };

const SLOT = Symbol.for('openedx-security.build-session');
const slot = globalThis as { [SLOT]?: BuildSession | undefined };

/** Reads and checks the content (unless given) and works out the site at the clock; throws ContentError. */
export function openSession(options: SessionOptions): BuildSession {
  let corpus = options.corpus;
  if (!corpus) {
    // Checked at the build's clock: a notice-only file that is due there fails the build.
    const read = readCheckedCorpus(options.root, undefined, options.clock.now);
    if (!read.corpus || read.problems.length > 0) throw new ContentError(read.problems);
    corpus = read.corpus;
  }
  const previewEmbargoed = options.previewEmbargoed ?? false;
  const state: SiteState = siteAt(corpus, options.clock.now, { previewEmbargoed });
  const session: BuildSession = {
    root: options.root,
    clock: options.clock,
    now: state.now,
    corpus,
    entries: state.entries,
    model: state.model,
    previewEmbargoed,
  };
  slot[SLOT] = session;
  return session;
}

/** The open session, else one opened from the environment (see the module comment). */
export function currentSession(): BuildSession {
  return slot[SLOT] ?? openSession({ root: contentRoot(), clock: resolveClock() });
}

/**
 * The dev server's reload after a content change: content read again, at the real time (or
 * BUILD_AT). A production build never reloads: its session is fixed when it opens.
 */
export function reloadSession(previewEmbargoed: boolean): BuildSession {
  const previous = slot[SLOT];
  return openSession({ root: previous?.root ?? contentRoot(), clock: resolveClock(), previewEmbargoed });
}

/** Forgets the session (tests, and a build that failed). */
export function closeSession(): void {
  slot[SLOT] = undefined;
}

/** The site model for pages and endpoints. */
export async function getSiteModel(): Promise<SiteModel> {
  return currentSession().model;
}
