/**
 * The CSAF provider's distribution files (CSAF 2.0 section 7): provider-metadata.json, the
 * ROLIE feed, index.txt, changes.csv and a SHA-256/SHA-512 file per document.
 *
 * The site is a `csaf_provider` with ROLIE-based distribution (requirements 15 to 17; the
 * service and category documents are optional and not published). index.txt and changes.csv
 * are published too, for tools that mirror by them, but the directory distribution is not
 * declared: it also needs server-generated directory listings (requirement 14), which a static
 * host does not give. Documents are not OpenPGP-signed, which the trusted-provider role would need.
 */
import { createHash } from 'node:crypto';
import type { PublishedAdvisory, SiteModel } from '../model/site-model.ts';
import { absolute, paths } from '../model/urls.ts';
import { jsonCompact, lastChange, utc, type OutputContext } from './common.ts';
import { csafDocument, csafPublisher } from './csaf.ts';
import { csafPath, csafRelative, csafUrl } from './csaf-names.ts';

export const CSAF_SCHEMA_URL = 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json';
// Requirement 18 asks for at least one hash file from a secure algorithm. One is enough: at
// 10,000 advisories every extra per-document file costs the build seconds of file writes.
export const HASH_ALGORITHMS = ['sha512'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

// The document and its .sha512 are two files over one text: build it once
// per advisory and context (the model is memoized per build, so its objects are stable keys).
const texts = new WeakMap<PublishedAdvisory, { ctx: OutputContext; text: string }>();

/** The exact bytes served for a document; hashes are computed over this text. */
export function csafText(p: PublishedAdvisory, ctx: OutputContext): string {
  const cached = texts.get(p);
  if (cached?.ctx === ctx) return cached.text;
  const text = jsonCompact(csafDocument(p, ctx));
  texts.set(p, { ctx, text });
  return text;
}

/** A hash file: the hex digest, two spaces, the document's file name (requirement 18). */
export function csafHashText(p: PublishedAdvisory, ctx: OutputContext, algorithm: HashAlgorithm): string {
  const digest = createHash(algorithm).update(csafText(p, ctx), 'utf8').digest('hex');
  return `${digest}  ${csafPath(p).split('/').at(-1)}\n`;
}

/** The latest change of any document; the build clock when nothing is published yet. */
function lastUpdated(model: SiteModel): string {
  const dates = model.published.map((p) => lastChange(p.advisory));
  return dates.length > 0 ? dates.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)) : utc(model.now);
}

/** Documents newest change first, ties by id: the order of changes.csv and the ROLIE feed. */
const byChange = (model: SiteModel) =>
  model.published
    .map((p) => ({ p, changed: lastChange(p.advisory) }))
    .sort((x, y) => Date.parse(y.changed) - Date.parse(x.changed) || x.p.id.localeCompare(y.p.id))
    .map(({ p }) => p);

export function providerMetadata(model: SiteModel) {
  const url = (path: string) => absolute(model.site.url, path);
  return {
    canonical_url: url(paths.csafProviderMetadata),
    distributions: [
      {
        rolie: {
          feeds: [
            {
              summary: `All advisories of ${model.site.title}, TLP:WHITE.`,
              tlp_label: 'WHITE',
              url: url(paths.csafRolie),
            },
          ],
        },
      },
    ],
    last_updated: lastUpdated(model),
    list_on_CSAF_aggregators: true,
    metadata_version: '2.0',
    mirror_on_CSAF_aggregators: true,
    publisher: csafPublisher(model),
    role: 'csaf_provider',
  };
}

/** The ROLIE feed (RFC 8322 in JSON, as CSAF requirement 15 shows it) of every document. */
export function rolieFeed(model: SiteModel) {
  const ctx: OutputContext = model;
  return {
    feed: {
      id: 'openedx-security-csaf-white',
      title: `${model.site.title}: CSAF advisories (TLP:WHITE)`,
      link: [{ rel: 'self', href: absolute(model.site.url, paths.csafRolie) }],
      category: [{ scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' }],
      updated: lastUpdated(model),
      entry: byChange(model).map((p) => {
        const href = csafUrl(ctx, p);
        return {
          id: p.id,
          title: p.advisory.withdrawn ? `Withdrawn: ${p.advisory.title}` : p.advisory.title,
          link: [{ rel: 'self', href }, ...HASH_ALGORITHMS.map((h) => ({ rel: 'hash', href: `${href}.${h}` }))],
          published: utc(p.advisory.publish_at),
          updated: lastChange(p.advisory),
          summary: { content: p.advisory.summary.replace(/\s+/g, ' ').trim() },
          content: { type: 'application/json', src: href },
          format: { schema: CSAF_SCHEMA_URL, version: '2.0' },
        };
      }),
    },
  };
}

/** index.txt (requirement 12): every document path relative to the TLP folder, one a line. */
export function csafIndexTxt(model: SiteModel): string {
  return model.published
    .map(csafRelative)
    .sort()
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * changes.csv (requirement 13): path and current_release_date, newest first, no heading.
 * CSAF 2.0 quotes both fields (its example does; 2.1 drops the quotes).
 */
export function csafChangesCsv(model: SiteModel): string {
  return byChange(model)
    .map((p) => `"${csafRelative(p)}","${lastChange(p.advisory)}"\n`)
    .join('');
}
