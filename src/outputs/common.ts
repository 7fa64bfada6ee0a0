/**
 * Facts every feed and export derives the same way from a published advisory: UTC instants,
 * the date of its last change, its fixes per named release. Pure: no astro:* imports, no
 * wall clock, so tests and the benchmark call these directly.
 */
import { createHash } from 'node:crypto';
import { isPackage, type AdvisoryData, type ReleaseFix } from '../schemas/advisory.ts';
import { modifiedAt } from '../schemas/advisory-facts.ts';
import type { PublishedAdvisory, SiteModel } from '../model/site-model.ts';
import { absolute, githubCommit, githubTag, paths } from '../model/urls.ts';

/** What an output needs besides the advisories: site facts, named releases, the build clock. */
export type OutputContext = Pick<SiteModel, 'site' | 'releases' | 'now'>;

/**
 * An instant in UTC, `Z`, whole seconds unless the source had a fraction. OSV, CSAF and JSON
 * Feed all read RFC 3339; OSV insists on `Z`. Content may be written with any offset.
 */
export function utc(instant: string | Date): string {
  const iso = (typeof instant === 'string' ? new Date(instant) : instant).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

const ms = (instant: string) => Date.parse(instant);

/** The last change of the published record (schemas/advisory-facts.ts), in UTC. */
export const lastChange = (a: Pick<AdvisoryData, 'publish_at' | 'revisions' | 'withdrawn'>): string => utc(modifiedAt(a));

/** Revisions in date order (content lists them oldest first; this holds whatever the offsets). */
export function revisionsInOrder(a: Pick<AdvisoryData, 'revisions'>): AdvisoryData['revisions'] {
  return [...a.revisions].sort((x, y) => ms(x.date) - ms(y.date));
}

export const advisoryUrl = (ctx: Pick<OutputContext, 'site'>, id: string) => absolute(ctx.site.url, paths.advisory(id));
export const upcomingUrl = (ctx: Pick<OutputContext, 'site'>, id: string) => `${absolute(ctx.site.url, paths.upcoming)}#${id}`;

/** Named releases newest first (the model's order), then any name the releases file lacks. */
export function releaseRank(ctx: Pick<OutputContext, 'releases'>): (name: string) => number {
  const rank = new Map(ctx.releases.map((r, i) => [r.name, i]));
  return (name) => rank.get(name) ?? ctx.releases.length;
}

export function sortReleaseNames(ctx: Pick<OutputContext, 'releases'>, names: Iterable<string>): string[] {
  const rank = releaseRank(ctx);
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** One named release's state for one component, with links to the fix. */
export type ReleaseState = {
  component: string;
  release: string;
  status: ReleaseFix['status'];
  commit?: string;
  commit_url?: string;
  tag?: string;
  tag_url?: string;
};

/** Every (component, named release) pair the advisory states, newest release first per component. */
export function releaseStates(p: PublishedAdvisory, ctx: Pick<OutputContext, 'releases'>): ReleaseState[] {
  const rank = releaseRank(ctx);
  return p.advisory.affected.flatMap((a) => {
    const component = isPackage(a) ? a.package.name : a.repository;
    const repository = a.repository;
    return [...a.releases]
      .sort((x, y) => rank(x.release) - rank(y.release) || x.release.localeCompare(y.release))
      .map((r) => ({
        component,
        release: r.release,
        status: r.status,
        ...(r.commit ? { commit: r.commit } : {}),
        ...(r.commit && repository ? { commit_url: githubCommit(repository, r.commit) } : {}),
        ...(r.tag ? { tag: r.tag } : {}),
        ...(r.tag && repository ? { tag_url: githubTag(repository, r.tag) } : {}),
      }));
  });
}

/** Short, stable digest of a value, for identifiers that must change when the value does. */
export function fingerprint(value: unknown, length = 12): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, length);
}

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Pretty JSON with a final newline: what every JSON endpoint serves. */
export const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
/**
 * One line, for the per-advisory files (OSV, CSAF): tens of thousands of them at scale, read
 * by tools, and by people through a browser's JSON viewer. A quarter fewer bytes to write.
 */
export const jsonCompact = (value: unknown) => `${JSON.stringify(value)}\n`;

export const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/** The package URL (purl) of a registry package; PyPI names are normalized per PEP 503. */
export function purl(ecosystem: 'PyPI' | 'npm', name: string): string {
  if (ecosystem === 'PyPI') return `pkg:pypi/${name.toLowerCase().replace(/[-_.]+/g, '-')}`;
  return `pkg:npm/${name.startsWith('@') ? `%40${name.slice(1)}` : name}`;
}
