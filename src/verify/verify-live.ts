/**
 * Checks a deployed site against the content it was built from: every advisory due at the
 * clock is served and listed, every pre-announcement is listed without its details, and
 * nothing about a hidden advisory is anywhere we look. What to expect comes from the site
 * model at the clock (the one visibility gate decides each phase) and the path, paging and
 * feed helpers the build itself uses; the embargoed text is the leak scan's secret list,
 * looked for in every response, 404 pages included.
 */
import { lastChange } from '../outputs/common.ts';
import { csafPath } from '../outputs/csaf-names.ts';
import { HASH_ALGORITHMS } from '../outputs/csaf-provider.ts';
import { feedItems } from '../outputs/feed-items.ts';
import { perAdvisoryFiles } from '../outputs/per-advisory-files.ts';
import { securityTxt } from '../outputs/security-txt.ts';
import type { AdvisoryData } from '../schemas/advisory.ts';
import { idYear } from '../schemas/advisory-facts.ts';
import { archiveListings, paginate } from '../model/archive.ts';
import { datedAdvisories, type Corpus } from '../content/corpus.ts';
import { collectSecrets, normalize, secretMatcher, type Secret } from '../embargo/leak-scan.ts';
import { checklistPages, patchChecklist } from '../model/patch-checklist.ts';
import { siteText } from '../model/always-public-text.ts';
import { siteAt, type PublishedAdvisory, type SiteState } from '../model/site-model.ts';
import { absolute, basePath, paths } from '../model/urls.ts';
import { visibilityOf } from '../embargo/visibility.ts';

export type Fetcher = (url: string) => Promise<{ status: number; text: string }>;
export type Finding = { url: string; problem: string };
export type Report = { findings: Finding[]; fetched: number };

/** One URL to fetch: whether it must be served or absent, and what a served copy must name. */
export type Check = {
  path: string;
  /** Served is a 2xx answer; any other (the host's 404) serves nothing, though its body is still scanned. */
  served: boolean;
  /** The problem when the status says the opposite of `served`. */
  otherwise: string;
  /** Text (an id) a served copy must contain, each with the problem when it does not. */
  mentions: Map<string, string>;
};

/** Pages and documents at fixed paths: the places a copied secret or a stale list would show. */
const DOCUMENTS = [
  paths.home,
  paths.upcoming,
  paths.releases,
  paths.policy,
  paths.operators,
  paths.workingGroup,
  paths.securityMdPage,
  paths.securityMdFile,
  paths.subscribe,
  paths.search,
  paths.figures,
  paths.rss,
  paths.jsonFeed,
  paths.calendar,
  paths.securityTxt,
  paths.robots,
  paths.osvIndex,
  paths.csafProviderMetadata,
  paths.csafIndex,
  paths.csafChanges,
  paths.csafRolie,
  paths.sitemap,
];

// Published advisories whose own page and exports are fetched (see `sample`): at most 200,
// 800 requests, whatever the size of the archive.
const RECENT = 100;
const SPREAD = 100;
// Requests in flight: enough to check a large archive in seconds, few enough for any host.
const CONCURRENCY = 16;

/**
 * Of a large archive, the RECENT most recently changed advisories, which a stale deploy lacks
 * first, and SPREAD more evenly spaced over the rest, which catch a path or folder gone for
 * all; of a small one, every advisory. Whatever the sample, the OSV index, the CSAF index and
 * the sitemap must still name every published advisory.
 */
export function sample<T>(newestFirst: readonly T[], recent = RECENT, spread = SPREAD): T[] {
  if (newestFirst.length <= recent + spread) return [...newestFirst];
  const rest = newestFirst.slice(recent);
  return [...newestFirst.slice(0, recent), ...Array.from({ length: spread }, (_, i) => rest[Math.floor((i * rest.length) / spread)]!)];
}

/**
 * Every URL an advisory's exports could be served at, as per-advisory-files.ts names them: in
 * the CSAF folder of its publication year and, should that year have moved, of its id's year.
 */
export function exportPaths(a: Pick<AdvisoryData, 'id' | 'publish_at'>): string[] {
  const csaf = new Set([csafPath({ id: a.id, advisory: a }), paths.csaf(a.id, idYear(a.id))]);
  return [paths.osv(a.id), ...[...csaf].flatMap((c) => [c, ...HASH_ALGORITHMS.map((h) => `${c}.${h}`)])];
}

const byRecency = (published: readonly PublishedAdvisory[]) =>
  published
    .map((p) => ({ p, at: Date.parse(lastChange(p.advisory)) }))
    .sort((x, y) => y.at - x.at || x.p.id.localeCompare(y.p.id))
    .map(({ p }) => p);

/** What the live site must look like in `state` (the site at the clock, `siteAt`), one check per URL. */
export function planChecks(corpus: Corpus, state: SiteState): Check[] {
  const { model, now } = state;
  const phase = new Map(datedAdvisories(corpus).map((a) => [a.id, visibilityOf(a, now)]));
  const checks = new Map<string, Check>();
  const want = (path: string, served: boolean, otherwise: string) => {
    let check = checks.get(path);
    if (!check) checks.set(path, (check = { path, served, otherwise, mentions: new Map() }));
    return check;
  };
  const lists = (path: string, ids: Iterable<string>) => {
    const check = want(path, true, `${path} is missing`);
    for (const id of ids) check.mentions.set(id, `${id} is ${phase.get(id)} at the clock but not listed`);
  };

  for (const path of DOCUMENTS) want(path, true, `${path} is missing`);
  const published = model.published.map((p) => p.id);
  const announced = model.announced.map((n) => n.id);
  // Feeds keep the newest FEED_LIMIT items: expect what the build's own selection puts in them.
  const inFeeds = feedItems(model).map((item) => item.openedx.id);
  for (const path of [paths.rss, paths.jsonFeed]) lists(path, inFeeds);
  for (const path of [paths.upcoming, paths.calendar]) lists(path, announced);
  for (const path of [paths.osvIndex, paths.csafIndex, paths.csafChanges, paths.csafRolie, paths.sitemap]) lists(path, published);

  // Listings run newest first: page 1 holds what changed last, the last page shows the page
  // count is right. The pages between hold nothing the first and the sample do not cover.
  const archive = archiveListings(model.published, { releases: model.releases }).map((listing) =>
    paginate(listing).map((page) => ({ path: page.path, ids: page.items.map((p) => p.id) })),
  );
  const releases = model.releases.map((release) =>
    checklistPages(patchChecklist(release, model.published)).map((page) => ({
      path: page.path,
      ids: [...page.items, ...page.toCheck].map((i) => i.advisory.id),
    })),
  );
  for (const pages of [...archive, ...releases]) {
    for (const page of new Set([pages[0]!, pages.at(-1)!])) lists(page.path, page.ids);
  }

  for (const p of sample(byRecency(model.published))) {
    const why = `${p.id} is ${p.visibility} at the clock but`;
    want(paths.advisory(p.id), true, `${why} its page is missing`).mentions.set(p.id, `${why} its page does not name it`);
    for (const { path } of perAdvisoryFiles(p, model))
      want(path, true, `${why} ${path} is missing`).mentions.set(p.id, `${why} ${path} does not name it`);
  }
  for (const data of datedAdvisories(corpus)) {
    const state = phase.get(data.id);
    if (state === 'published' || state === 'withdrawn') continue;
    const why = `${data.id} is ${state} at the clock but`;
    want(paths.advisory(data.id), false, `${why} its page is served`);
    for (const path of exportPaths(data)) want(path, false, `${why} ${path} is served`);
  }
  return [...checks.values()];
}

/** Expected text as leak-scan secrets, so it is found the way a leak is: decoded, word for word. */
const expected = (texts: Iterable<string>): Secret[] =>
  [...texts].map((text) => ({ advisory: text, what: 'mention', text, words: normalize(text).split(' ') }));

/** Runs `work` over `items`, `size` at a time; the first error stops every worker and is thrown. */
async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/** Fetches every planned URL from `base` and returns each problem found, in URL order. */
export async function verifyLive(base: string, corpus: Corpus, now: Date, fetcher: Fetcher): Promise<Report> {
  const findings: Finding[] = [];
  const state = siteAt(corpus, now);
  const leaked = secretMatcher(
    collectSecrets(corpus.advisories, state.now, [...siteText(corpus), securityTxt(state.model)], corpus.notices),
  );
  let fetched = 0;
  const visit = async (path: string) => {
    const url = absolute(base, path);
    const res = await fetcher(url);
    fetched++;
    for (const s of leaked(res.text))
      findings.push({ url, problem: `embargoed ${s.what} of ${s.advisory} is served: ${JSON.stringify(s.text.slice(0, 80))}` });
    return { url, status: res.status, served: res.status >= 200 && res.status < 300, text: res.text };
  };

  await pool(planChecks(corpus, state), CONCURRENCY, async (check) => {
    const res = await visit(check.path);
    if (res.served !== check.served) findings.push({ url: res.url, problem: `${check.otherwise} (status ${res.status})` });
    if (!res.served || check.mentions.size === 0) return;
    let text = res.text;
    // The sitemap index names its parts (one per 45,000 URLs); together they list every page.
    if (check.path === paths.sitemap) {
      for (const loc of text.match(/(?<=<loc>)[^<]+/g) ?? []) {
        // Its URLs name the site's own address, which may not be the one being checked: each
        // is fetched by its route, its path below the site's base path.
        const path = URL.parse(loc.trim(), corpus.site.url)?.pathname;
        if (!path) continue;
        const sitePath = basePath(corpus.site.url);
        const part = await visit(path.startsWith(sitePath) ? `/${path.slice(sitePath.length)}` : path);
        if (!part.served) findings.push({ url: part.url, problem: `this part of the sitemap is missing (status ${part.status})` });
        text += `\n${part.text}`;
      }
    }
    const found = new Set(secretMatcher(expected(check.mentions.keys()))(text).map((s) => s.text));
    for (const [mention, problem] of check.mentions) if (!found.has(mention)) findings.push({ url: res.url, problem });
  });
  findings.sort((a, b) => a.url.localeCompare(b.url) || a.problem.localeCompare(b.problem));
  return { findings, fetched };
}
