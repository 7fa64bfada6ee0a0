/**
 * Checks a deployed site against the content it was built from: every advisory due at the
 * clock is served, every pre-announcement is listed without its details, and nothing about a
 * hidden advisory is anywhere we look. The phase of each advisory comes from the one
 * visibility gate; the embargoed text comes from the leak scan's secret list.
 */
import type { AdvisoryEntry } from './content.ts';
import { collectSecrets, secretMatcher } from './leak-scan.ts';
import { paths } from './urls.ts';
import { visibilityOf } from './visibility.ts';

export type Fetcher = (url: string) => Promise<{ status: number; text: string }>;
export type Finding = { url: string; problem: string };

/** Aggregate documents that list advisories; each must carry every public id and no secret. */
const LISTINGS = [paths.rss, paths.jsonFeed, paths.osvIndex, paths.upcoming, paths.advisories, paths.calendar, '/sitemap-0.xml'];

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

export async function verifyLive(base: string, advisories: readonly AdvisoryEntry[], now: Date, fetcher: Fetcher): Promise<Finding[]> {
  const findings: Finding[] = [];
  const url = (path: string) => new URL(path, base.endsWith('/') ? base : `${base}/`).href;
  const leaked = secretMatcher(collectSecrets(advisories, now));
  const phases = advisories.map((a) => ({ id: a.data.id, phase: visibilityOf(a.data, now) }));

  const listings = new Map<string, string>();
  await pool(LISTINGS, 4, async (path) => {
    const res = await fetcher(url(path));
    if (res.status !== 200) findings.push({ url: url(path), problem: `expected 200, got ${res.status}` });
    else listings.set(path, res.text);
  });
  for (const [path, text] of listings) {
    for (const s of leaked(text)) findings.push({ url: url(path), problem: `embargoed ${s.what} of an advisory is served: ${JSON.stringify(s.text.slice(0, 80))}` });
  }
  const feeds = [paths.rss, paths.jsonFeed].map((p) => listings.get(p) ?? '');

  await pool(phases, 8, async ({ id, phase }) => {
    const page = url(paths.advisory(id));
    const res = await fetcher(page);
    if (phase === 'published' || phase === 'withdrawn') {
      if (res.status !== 200 || !res.text.includes(id)) findings.push({ url: page, problem: `${id} is ${phase} at the clock but its page is missing (status ${res.status})` });
      const osv = await fetcher(url(paths.osv(id)));
      if (osv.status !== 200) findings.push({ url: url(paths.osv(id)), problem: `${id} has no OSV record (status ${osv.status})` });
      if (!feeds.every((f) => f.includes(id))) findings.push({ url: url(paths.rss), problem: `${id} is ${phase} but missing from a feed` });
    } else {
      if (res.status === 200) findings.push({ url: page, problem: `${id} is ${phase} at the clock but its page is served` });
      for (const s of leaked(res.text)) findings.push({ url: page, problem: `embargoed ${s.what} served: ${JSON.stringify(s.text.slice(0, 80))}` });
      if (phase === 'announced' && !(listings.get(paths.upcoming) ?? '').includes(id)) {
        findings.push({ url: url(paths.upcoming), problem: `${id} is announced but not on the upcoming page` });
      }
    }
  });
  return findings.sort((a, b) => a.url.localeCompare(b.url) || a.problem.localeCompare(b.problem));
}
