/**
 * OSV records (https://ossf.github.io/osv-schema/), one per published or withdrawn advisory,
 * and an index of them. Announced advisories never reach this module: it reads `published` only.
 *
 * Ids: the schema accepts only registered database prefixes or `x_` for a database that is
 * not registered. The site's database is not, so a record's id is `x_` + the site id
 * (`x_OEA-2026-004`); the file keeps the bare site id (`/osv/OEA-2026-004.json`) as its
 * permalink. A GHSA id is not used as the record id: GitHub's database is the home of GHSA
 * records, and two records with one id and different content would fight in every
 * aggregator. CVE, GHSA and PYSEC ids go in `aliases`. See docs/feeds.md.
 */
import { isPackage, type Affected } from '../schemas/advisory.ts';
import type { PublishedAdvisory, SiteModel } from '../model/site-model.ts';
import { absolute, githubCommit, packagePage, paths } from '../model/urls.ts';
import { uniqueByUrl } from '../schemas/repositories.ts';
import { absoluteMarkdownLinks } from './absolute-links.ts';
import { advisoryUrl, lastChange, purl, releaseStates, sortedUnique, utc, type OutputContext, type ReleaseState } from './common.ts';

/** The OSV schema version these records are written for (nothing newer is used). */
export const OSV_SCHEMA_VERSION = '1.7.0';

/** The record id for a site id. */
export const osvId = (siteId: string) => `x_${siteId}`;

type Event = { introduced: string } | { fixed: string } | { last_affected: string };
type Range = { type: 'GIT' | 'ECOSYSTEM'; repo?: string; events: Event[] };
type OsvAffected = {
  package?: { ecosystem: string; name: string; purl: string };
  ranges?: Range[];
  database_specific: Record<string, unknown>;
};

export type OsvRecord = {
  schema_version: string;
  id: string;
  modified: string;
  published: string;
  withdrawn?: string;
  aliases: string[];
  related?: string[];
  summary: string;
  details: string;
  severity?: Array<{ type: 'CVSS_V3' | 'CVSS_V4'; score: string }>;
  affected: OsvAffected[];
  references: Array<{ type: string; url: string }>;
  credits?: Array<{ name: string; type: string; contact?: string[] }>;
  database_specific: Record<string, unknown>;
};

const gitRepo = (repository: string) => `https://github.com/${repository}`;

/** Named-release states of one affected entry, without the component (the entry names it). */
const releasesOf = (states: ReleaseState[], component: string) =>
  states.filter((s) => s.component === component).map(({ component: _c, ...rest }) => rest);

function affectedEntry(a: Affected, states: ReleaseState[]): OsvAffected {
  if (isPackage(a)) {
    return {
      package: { ecosystem: a.package.ecosystem, name: a.package.name, purl: purl(a.package.ecosystem, a.package.name) },
      // One OSV range per content range: fixed and last_affected may not share a range.
      ranges: a.ranges.map((r) => ({
        type: 'ECOSYSTEM' as const,
        events: [
          { introduced: r.introduced },
          ...(r.fixed ? [{ fixed: r.fixed }] : []),
          ...(r.last_affected ? [{ last_affected: r.last_affected }] : []),
        ],
      })),
      database_specific: {
        ...(a.repository ? { repository: gitRepo(a.repository) } : {}),
        releases: releasesOf(states, a.package.name),
      },
    };
  }
  // A repository fix: every fix commit, on master and on each release branch, is a `fixed`
  // event of one GIT range, so a commit on any branch that has its fix is not matched.
  const backports = a.releases.filter((r) => r.status === 'fixed' && r.commit).map((r) => r.commit!);
  const fixes = [...new Set([...(a.master_fix ? [a.master_fix] : []), ...backports])];
  // A GIT range covers every commit after `introduced` that no fix reaches, on every branch. A
  // named release recorded as not_affected may still hold such commits (its branch may even
  // hold the introducing commit, with the flaw unreachable), so the range would call it
  // affected. Then the range is left out: the named-release facts in database_specific are
  // the whole truth, and no scanner is told more than the working group said (docs/feeds.md).
  const exact = !a.releases.some((r) => r.status === 'not_affected');
  return {
    ...(exact
      ? {
          ranges: [
            {
              type: 'GIT' as const,
              repo: gitRepo(a.repository),
              events: [{ introduced: a.introduced ?? '0' }, ...fixes.map((fixed) => ({ fixed }))],
            },
          ],
        }
      : {}),
    database_specific: {
      repository: a.repository,
      ...(a.master_fix ? { master_fix: a.master_fix } : {}),
      ...(exact ? {} : { ranges_omitted: NO_RANGE_NOTE, fix_commits: fixes }),
      releases: releasesOf(states, a.repository),
    },
  };
}

/** Why a repository entry has no GIT range (see affectedEntry). */
export const NO_RANGE_NOTE =
  'A named release is not affected; a GIT range would report every branch without a fix commit as affected, so the named-release states in "releases" are given instead.';

function references(p: PublishedAdvisory, ctx: OutputContext): OsvRecord['references'] {
  const a = p.advisory;
  const refs = [
    { type: 'ADVISORY', url: advisoryUrl(ctx, p.id) },
    ...a.references.map((r) => ({ type: r.type.toUpperCase(), url: r.url })),
  ];
  // Fix commits and package pages a scanner can show even when the author listed none.
  for (const x of a.affected) {
    if (isPackage(x)) refs.push({ type: 'PACKAGE', url: packagePage(x.package.ecosystem, x.package.name) });
    const repository = x.repository;
    if (!repository) continue;
    const commits = [...(!isPackage(x) && x.master_fix ? [x.master_fix] : []), ...x.releases.flatMap((r) => (r.commit ? [r.commit] : []))];
    for (const c of commits) refs.push({ type: 'FIX', url: githubCommit(repository, c) });
  }
  // One entry per URL: a commit linked under a repository's old name is the same commit.
  return uniqueByUrl(refs, (r) => r.url);
}

/**
 * Plain text as CommonMark that renders as itself: every character that could start markup
 * (emphasis, code, links, HTML, entities) escaped, and a line start that would make a list or
 * a heading.
 */
export function plainMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&')
    .replace(/^(\s*)([-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function details(p: PublishedAdvisory, ctx: OutputContext): string {
  const a = p.advisory;
  const parts = [];
  if (a.withdrawn) parts.push(`**Withdrawn** on ${utc(a.withdrawn.at).slice(0, 10)}: ${plainMarkdown(a.withdrawn.reason)}`);
  parts.push(plainMarkdown(a.summary.replace(/\s+/g, ' ').trim()));
  // Scanners show details far from the site: links to its pages must be absolute.
  if (p.markdown) parts.push(absoluteMarkdownLinks(p.markdown, advisoryUrl(ctx, p.id), ctx.site.url));
  return parts.join('\n\n');
}

/** The advisory a withdrawn one duplicates, as a record id, when that advisory is public. */
function related(p: PublishedAdvisory, ctx: RecordContext): string[] {
  const target = p.advisory.withdrawn?.duplicate_of;
  return target && ctx.published?.some((x) => x.id === target) ? [osvId(target)] : [];
}

/** The model's public advisories are needed only to name a duplicated one in `related`. */
type RecordContext = OutputContext & { published?: readonly PublishedAdvisory[] };

export function osvRecord(p: PublishedAdvisory, ctx: RecordContext): OsvRecord {
  const a = p.advisory;
  const states = releaseStates(p, ctx);
  const links = related(p, ctx);
  const severity = [
    ...(a.severity?.cvss_v3 ? [{ type: 'CVSS_V3' as const, score: a.severity.cvss_v3 }] : []),
    ...(a.severity?.cvss_v4 ? [{ type: 'CVSS_V4' as const, score: a.severity.cvss_v4 }] : []),
  ];
  return {
    schema_version: OSV_SCHEMA_VERSION,
    id: osvId(p.id),
    modified: lastChange(a),
    published: utc(a.publish_at),
    ...(a.withdrawn ? { withdrawn: utc(a.withdrawn.at) } : {}),
    aliases: sortedUnique(a.aliases),
    ...(links.length > 0 ? { related: links } : {}),
    summary: a.title,
    details: details(p, ctx),
    ...(severity.length > 0 ? { severity } : {}),
    affected: a.affected.map((x) => affectedEntry(x, states)),
    references: references(p, ctx),
    ...(a.credits.length > 0
      ? {
          credits: a.credits.map((c) => ({ name: c.name, type: c.type.toUpperCase(), ...(c.contact ? { contact: c.contact } : {}) })),
        }
      : {}),
    database_specific: {
      url: advisoryUrl(ctx, p.id),
      site_id: p.id,
      severity: p.level,
      ...(p.severity.primary ? { score: p.severity.primary.score } : {}),
      cwe_ids: sortedUnique(a.cwe),
    },
  };
}

export type OsvIndexEntry = {
  id: string;
  site_id: string;
  modified: string;
  published: string;
  withdrawn?: string;
  aliases: string[];
  url: string;
};

/** Every record, by site id: what a mirror needs to fetch only what changed (`modified`). */
export function osvIndex(model: SiteModel): OsvIndexEntry[] {
  return [...model.published]
    .sort((x, y) => x.id.localeCompare(y.id))
    .map((p) => ({
      id: osvId(p.id),
      site_id: p.id,
      modified: lastChange(p.advisory),
      published: utc(p.advisory.publish_at),
      ...(p.advisory.withdrawn ? { withdrawn: utc(p.advisory.withdrawn.at) } : {}),
      aliases: sortedUnique(p.advisory.aliases),
      url: absolute(model.site.url, paths.osv(p.id)),
    }));
}
