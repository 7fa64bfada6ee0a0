/**
 * CSAF 2.0 documents (https://docs.oasis-open.org/csaf/csaf/v2.0/), one per published advisory.
 *
 * A published advisory is a `csaf_security_advisory`: the product tree names each affected
 * component with one product per state (master before and after the fix, each named release
 * before and after its backport, each package version range and its fixed version), and the
 * single vulnerability lists them by status, with CVSS 3.1 scores and vendor fixes.
 *
 * CSAF 2.0 has no CVSS 4.0 field, so a 4.0 vector is given in a vulnerability note.
 *
 * Withdrawn (docs/feeds.md): CSAF 2.0 has no withdrawn status. The document keeps its id and
 * file, stays `final`, gets a revision for the withdrawal, and takes the shape CSAF 2.1
 * defines for withdrawn documents: no product tree, no vulnerabilities, and one `description`
 * note titled "Reasoning for Withdrawal". Its category is `csaf_base` (2.0's profile for a
 * document without them), so no tool keeps reporting products as affected.
 */
import { levelForScore } from '../schemas/cvss.ts';
import type { PublishedAdvisory } from '../model/site-model.ts';
import { absolute, githubCommit, githubTag, packagePage, paths } from '../model/urls.ts';
import { CREDIT_LABELS, isPackage, REFERENCE_LABELS, type Affected } from '../schemas/advisory.ts';
import { advisoryUrl, purl, releaseRank, revisionsInOrder, sortedUnique, utc, type OutputContext } from './common.ts';
import { csafUrl } from './csaf-names.ts';
import { cweName } from './cwe.ts';

type Note = { category: string; title: string; text: string };
type Product = { name: string; product_id: string; product_identification_helper?: { purl: string } };
type Leaf = { category: 'product_version' | 'product_version_range'; name: string; product: Product };
type Remediation = { category: string; details: string; url?: string; product_ids: string[] };
type Status = { known_affected: string[]; fixed: string[]; known_not_affected: string[] };
/** What one affected component contributes to the tree and to the vulnerability. */
type ComponentPart = { name: string; leaves: Leaf[]; status: Status; remediations: Remediation[] };

export type CsafDocument = { document: Record<string, unknown>; product_tree?: Record<string, unknown>; vulnerabilities?: unknown[] };

const VENDOR = 'Open edX';
const short = (sha: string) => sha.slice(0, 12);

/** Builds the products of one affected entry; ids are unique within the document by construction. */
function componentPart(a: Affected, id: (label: string) => string, rank: (release: string) => number): ComponentPart {
  const name = isPackage(a) ? a.package.name : a.repository;
  const leaves: Leaf[] = [];
  const status: Status = { known_affected: [], fixed: [], known_not_affected: [] };
  const remediations: Remediation[] = [];
  const leaf = (category: Leaf['category'], version: string, extra: Partial<Product> = {}) => {
    const product = { name: `${name} ${version}`, product_id: id(`${name}@${version.replace(/\s+/g, '-')}`), ...extra };
    leaves.push({ category, name: version, product });
    return product.product_id;
  };

  if (isPackage(a)) {
    const ecosystem = a.package.ecosystem;
    const scheme = ecosystem === 'PyPI' ? 'pypi' : 'npm';
    for (const r of a.ranges) {
      const lower = r.introduced === '0' ? [] : [`>=${r.introduced}`];
      const upper = r.fixed ? [`<${r.fixed}`] : r.last_affected ? [`<=${r.last_affected}`] : [];
      const bounds = [...lower, ...upper];
      const affected = leaf('product_version_range', `vers:${scheme}/${bounds.length > 0 ? bounds.join('|') : '*'}`);
      status.known_affected.push(affected);
      if (r.fixed) {
        const fixed = leaf('product_version', r.fixed, {
          product_identification_helper: { purl: `${purl(ecosystem, a.package.name)}@${r.fixed}` },
        });
        status.fixed.push(fixed);
        remediations.push({
          category: 'vendor_fix',
          details: `Upgrade ${a.package.name} to ${r.fixed} or later.`,
          url: packagePage(ecosystem, a.package.name, r.fixed),
          product_ids: [affected],
        });
      } else {
        remediations.push({
          category: 'none_available',
          details: `No fixed version of ${a.package.name} is available yet.`,
          product_ids: [affected],
        });
      }
    }
  } else if (a.master_fix) {
    const affected = leaf('product_version_range', `master before ${short(a.master_fix)}`);
    status.known_affected.push(affected);
    status.fixed.push(leaf('product_version', `master at ${short(a.master_fix)}`));
    remediations.push({
      category: 'vendor_fix',
      details: `Fixed on the master branch by commit ${a.master_fix}.`,
      url: githubCommit(a.repository, a.master_fix),
      product_ids: [affected],
    });
  } else if (!a.releases.some((r) => r.status === 'fixed')) {
    const affected = leaf('product_version', 'master');
    status.known_affected.push(affected);
    remediations.push({
      category: 'none_available',
      details: `No fix is available yet on the master branch of ${a.repository}.`,
      product_ids: [affected],
    });
  }

  // Named releases, newest first: what happened on each release branch.
  for (const r of [...a.releases].sort((x, y) => rank(x.release) - rank(y.release) || x.release.localeCompare(y.release))) {
    if (r.status === 'not_affected') {
      status.known_not_affected.push(leaf('product_version', r.release));
    } else if (r.status === 'fixed') {
      const fix = r.tag ?? `${r.release} at ${short(r.commit!)}`;
      const affected = leaf('product_version_range', `${r.release} before ${fix}`);
      status.known_affected.push(affected);
      status.fixed.push(leaf('product_version', fix));
      const repository = a.repository;
      const how = [r.tag ? `upgrade to ${r.tag}` : '', r.commit ? `apply commit ${r.commit}` : ''].filter(Boolean).join(' or ');
      remediations.push({
        category: 'vendor_fix',
        details: `${r.release}: ${how}.`,
        ...(repository ? { url: r.commit ? githubCommit(repository, r.commit) : githubTag(repository, r.tag!) } : {}),
        product_ids: [affected],
      });
    } else {
      const affected = leaf('product_version', r.release);
      status.known_affected.push(affected);
      remediations.push(
        r.status === 'wont_fix'
          ? {
              category: 'no_fix_planned',
              details: `No fix is planned for ${r.release}; upgrade to a supported named release.`,
              product_ids: [affected],
            }
          : { category: 'none_available', details: `No fix is available yet for ${r.release}.`, product_ids: [affected] },
      );
    }
  }
  return { name, leaves, status, remediations };
}

function revisionHistory(p: PublishedAdvisory) {
  const a = p.advisory;
  const entries = [
    { date: a.publish_at, summary: 'Initial public release.' },
    ...revisionsInOrder(a).map((r) => ({ date: r.date, summary: r.summary })),
    ...(a.withdrawn ? [{ date: a.withdrawn.at, summary: `Withdrawn: ${a.withdrawn.reason}` }] : []),
  ];
  // Stable sort: a withdrawal written with an earlier date than a revision still gets numbered by date.
  return entries
    .map((e, i) => ({ ...e, i }))
    .sort((x, y) => Date.parse(x.date) - Date.parse(y.date) || x.i - y.i)
    .map((e, n) => ({ date: utc(e.date), number: String(n + 1), summary: e.summary }));
}

/** The issuing party, the same in every document and in provider-metadata.json. */
export function csafPublisher(ctx: Pick<OutputContext, 'site'>) {
  return {
    category: 'vendor',
    contact_details: `Report vulnerabilities privately to ${ctx.site.contact_email}. Advisories: ${ctx.site.url}/`,
    issuing_authority: 'The Open edX Security Working Group publishes advisories for software maintained by the Open edX project (OEP-60).',
    name: ctx.site.title,
    namespace: ctx.site.url,
  };
}

function documentReferences(p: PublishedAdvisory, ctx: OutputContext) {
  return [
    { category: 'self', summary: 'This CSAF document', url: csafUrl(ctx, p) },
    { category: 'self', summary: 'The advisory on the Open edX security site', url: advisoryUrl(ctx, p.id) },
    { category: 'external', summary: 'The advisory as an OSV record', url: absolute(ctx.site.url, paths.osv(p.id)) },
    ...p.advisory.references.map((r) => ({ category: 'external', summary: REFERENCE_LABELS[r.type], url: r.url })),
  ];
}

export function csafDocument(p: PublishedAdvisory, ctx: OutputContext): CsafDocument {
  const a = p.advisory;
  const history = revisionHistory(p);
  const summary = a.summary.replace(/\s+/g, ' ').trim();
  const body = p.text;
  const notes: Note[] = [];
  if (a.withdrawn) {
    notes.push({
      category: 'description',
      title: 'Reasoning for Withdrawal',
      text: `Withdrawn on ${utc(a.withdrawn.at)}: ${a.withdrawn.reason} The advisory had said: ${summary}`,
    });
  } else {
    notes.push({ category: 'summary', title: 'Summary', text: summary });
    if (body) notes.push({ category: 'details', title: 'Details', text: body });
  }
  notes.push({
    category: 'legal_disclaimer',
    title: 'Terms of use',
    text: 'Security work on Open edX is a best effort of its community. The software and this information are provided as-is, without warranty.',
  });

  const document = {
    category: a.withdrawn ? 'csaf_base' : 'csaf_security_advisory',
    csaf_version: '2.0',
    distribution: { tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } },
    lang: 'en',
    ...(a.withdrawn ? {} : { aggregate_severity: { namespace: absolute(ctx.site.url, paths.policy), text: p.level } }),
    notes,
    publisher: csafPublisher(ctx),
    references: documentReferences(p, ctx),
    title: a.withdrawn ? `Withdrawn: ${a.title}` : a.title,
    tracking: {
      current_release_date: history.at(-1)!.date,
      generator: { engine: { name: 'Open edX security site' } },
      id: p.id,
      initial_release_date: history[0]!.date,
      revision_history: history,
      status: 'final',
      version: history.at(-1)!.number,
    },
  };
  if (a.withdrawn) return { document };

  const taken = new Map<string, number>();
  const id = (label: string) => {
    const n = (taken.get(label) ?? 0) + 1;
    taken.set(label, n);
    return n === 1 ? label : `${label}#${n}`;
  };
  const rank = releaseRank(ctx);
  const parts = a.affected.map((x) => componentPart(x, id, rank));
  const all = (key: keyof Status) => parts.flatMap((c) => c.status[key]);
  const productStatus = Object.fromEntries(
    (['fixed', 'known_affected', 'known_not_affected'] as const).filter((k) => all(k).length > 0).map((k) => [k, all(k)]),
  );

  return {
    document,
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: VENDOR,
          branches: parts.map((c) => ({ category: 'product_name', name: c.name, branches: c.leaves })),
        },
      ],
    },
    vulnerabilities: [vulnerability(p, parts, productStatus, all('known_affected'))],
  };
}

function vulnerability(p: PublishedAdvisory, parts: ComponentPart[], productStatus: object, affected: string[]) {
  const a = p.advisory;
  const cves = sortedUnique(a.aliases.filter((x) => x.startsWith('CVE-')));
  const otherIds = sortedUnique(a.aliases.filter((x) => !x.startsWith('CVE-') || x !== cves[0]));
  const systemName = (x: string) =>
    x.startsWith('GHSA-') ? 'GitHub Security Advisory' : x.startsWith('PYSEC-') ? 'PyPI Advisory Database' : 'CVE';
  // CSAF 2.0 holds one CWE per vulnerability, with its catalogue name; the rest go in a note.
  const named = a.cwe.find((c) => cweName(c));
  const restCwe = a.cwe.filter((c) => c !== named);
  const v3 = p.severity.scores.find((s) => s.version === '3.1');
  const v4 = p.severity.scores.find((s) => s.version === '4.0');
  const notes: Note[] = [{ category: 'description', title: 'Description', text: a.summary.replace(/\s+/g, ' ').trim() }];
  if (v4) notes.push({ category: 'other', title: 'CVSS 4.0', text: `${v4.vector} (score ${v4.score.toFixed(1)}, ${v4.level})` });
  if (restCwe.length > 0) notes.push({ category: 'other', title: 'Other weaknesses', text: restCwe.join(', ') });
  const fixRefs = a.references.filter((r) => r.type === 'fix');

  return {
    ...(a.credits.length > 0
      ? {
          acknowledgments: a.credits.map((c) => ({
            names: [c.name],
            summary: CREDIT_LABELS[c.type],
            ...(c.contact ? { urls: c.contact } : {}),
          })),
        }
      : {}),
    ...(cves[0] ? { cve: cves[0] } : {}),
    ...(named ? { cwe: { id: named, name: cweName(named)! } } : {}),
    ...(otherIds.length > 0 ? { ids: otherIds.map((text) => ({ system_name: systemName(text), text })) } : {}),
    notes,
    product_status: productStatus,
    ...(fixRefs.length > 0 ? { references: fixRefs.map((r) => ({ category: 'external', summary: 'Fix', url: r.url })) } : {}),
    release_date: utc(a.publish_at),
    remediations: parts.flatMap((c) => c.remediations),
    ...(v3 && affected.length > 0
      ? {
          scores: [
            {
              cvss_v3: {
                version: '3.1',
                vectorString: v3.vector,
                baseScore: v3.score,
                baseSeverity: levelForScore(v3.score).toUpperCase(),
              },
              products: affected,
            },
          ],
        }
      : {}),
    title: a.title,
  };
}
