/**
 * CVE JSON 5 records (https://github.com/CVEProject/cve-schema, as in CVEProject/cvelistV5)
 * to an Imported. The CNA container is the source; an ADP container (CISA's enrichment)
 * fills in a CVSS vector or CWE only when the CNA gave none.
 *
 * Open edX records describe what is affected in three ways, and each is understood: a
 * package's version range (">= 7.0.2, < 7.0.5", or version + lessThan), a commit of a
 * repository deployed from source ("< commit 019888f", "< <sha>", lessThan "commit_019888f"),
 * or named releases ("palm", "open-release/palm.master").
 */
import {
  addAlias,
  addCredit,
  addCwe,
  addReference,
  addRepository,
  addRepositoryFix,
  addVector,
  commitOf,
  currentRepository,
  emptyImport,
  fixesFromReferences,
  FULL_SHA,
  ghsaIn,
  ImportError,
  repositoryOf,
  type Imported,
} from './imported.ts';
import type { Fields } from './json-fields.ts';
import { isVersion, parseRangeText, type Range } from './version-range.ts';

const RECORD = 'a CVE JSON 5 record';

/** CVE reference tags (cve-schema's tag list) to OSV reference types. */
const TAGS: Record<string, string> = {
  patch: 'fix',
  'vendor-advisory': 'advisory',
  'third-party-advisory': 'advisory',
  x_refsource_CONFIRM: 'advisory',
  exploit: 'evidence',
  'issue-tracking': 'report',
  'mailing-list': 'discussion',
  'technical-description': 'article',
  'release-notes': 'web',
  x_refsource_MISC: 'web',
};

/** The commit a version string points at: "< commit 019888f", "< 59bb6d6…", "commit_019888f". */
const commitIn = (text: string | undefined) =>
  text ? /(?:^|[\s<=_])(?:commit[\s_]+)?([0-9a-f]{7,40})$/.exec(text.trim())?.[1] : undefined;

export function fromCve5(record: Fields, knownReleases: readonly string[] = []): Imported {
  const meta = record.object('cveMetadata', RECORD)!;
  const id = meta.string('cveId', RECORD)!;
  if (meta.string('state') === 'REJECTED')
    throw new ImportError(record.input, 'cveMetadata.state', `${id} was rejected by the CVE program; there is nothing to import`);
  const cna = record.object('containers', RECORD)!.object('cna', RECORD)!;
  const adp = record.object('containers')!.objects('adp');

  const out = emptyImport(`CVE ${id}`);
  out.title = cna.string('title');
  out.description = cna
    .objects('descriptions')
    .find((d) => d.string('lang')?.startsWith('en'))
    ?.string('value');
  out.published = meta.string('datePublished');
  addAlias(out, id);
  addAlias(out, cna.object('source')?.string('advisory'));

  for (const container of [cna, ...adp]) {
    if (out.cvss_v3 || out.cvss_v4) break;
    for (const m of container.objects('metrics')) {
      addVector(out, m.object('cvssV3_1')?.string('vectorString'));
      addVector(out, m.object('cvssV4_0')?.string('vectorString'));
      addVector(out, m.object('cvssV3_0')?.string('vectorString'));
    }
  }
  for (const container of [cna, ...adp]) {
    if (out.cwe.length > 0) break;
    for (const p of container.objects('problemTypes')) for (const d of p.objects('descriptions')) addCwe(out, d.string('cweId'));
  }
  for (const c of cna.objects('credits')) addCredit(out, c.string('value'), c.string('type'));
  for (const r of cna.objects('references', RECORD)) {
    const url = r.string('url', 'a reference')!;
    addReference(
      out,
      url,
      r
        .strings('tags')
        .map((t) => TAGS[t])
        .find(Boolean),
    );
    addAlias(out, ghsaIn(url));
  }
  addReference(out, `https://www.cve.org/CVERecord?id=${id}`, 'advisory');

  const affected = cna.objects('affected', RECORD);
  if (affected.length === 0)
    throw new ImportError(record.input, 'containers.cna.affected', `${RECORD} lists what is affected (found an empty list)`);
  for (const a of affected) importProduct(out, a, knownReleases);
  fixesFromReferences(out);
  return out;
}

function importProduct(out: Imported, a: Fields, knownReleases: readonly string[]): void {
  const product = a.string('packageName') ?? a.string('product') ?? '';
  const collection = a.string('collectionURL') ?? '';
  const repository = repositoryOf(a.string('repo')) ?? currentRepository(`${a.string('vendor')?.toLowerCase() || 'openedx'}/${product}`);
  const commits = out.references.flatMap((r) => commitOf(r.url) ?? []);
  const ranges: Range[] = [];
  const releases: Array<{ release: string; status: string }> = [];
  let fix: string | undefined;

  for (const v of a.objects('versions')) {
    const status = v.string('status');
    const version = v.string('version') ?? '';
    const below = v.string('lessThan') ?? v.string('lessThanOrEqual');
    const sha = v.string('versionType') === 'git' ? (below ?? commitIn(version)) : (commitIn(below) ?? commitIn(version));
    const release = /^(?:open-release\/)?([a-z]+)(?:\.master|\.\d+)?$/.exec(version)?.[1];
    if (status === 'affected' && sha) {
      fix = sha;
    } else if (release && release !== 'master' && knownReleases.includes(release)) {
      releases.push({ release, status: status === 'unaffected' ? 'not_affected' : 'affected' });
    } else if (status === 'affected' && (below ? isVersion(below) : parseRangeText(version))) {
      const range = below
        ? { introduced: isVersion(version) ? version : '0', ...(v.string('lessThan') ? { fixed: below } : { last_affected: below }) }
        : parseRangeText(version)!;
      ranges.push(range);
    } else if (status === 'affected' && version !== 'master') {
      out.notes.push(`affected ${product}: version "${version}" was not understood; describe it by hand`);
    }
  }

  if (ranges.length > 0) {
    const ecosystem = /npmjs/.test(collection) ? 'npm' : 'PyPI';
    if (!/pypi|npmjs/.test(collection))
      out.notes.push(`affected: ${product} was taken to be a PyPI package (the record has no collectionURL); change the ecosystem if not`);
    const source = out.references.map((r) => repositoryOf(r.url)).find((r) => r?.endsWith(`/${product}`));
    out.affected.push({ package: { ecosystem, name: product }, ...(source ? { repository: source } : {}), ranges, releases });
    return;
  }
  // A repository deployed from source. The record may give a short SHA; the full one is in a
  // commit reference that starts with it.
  const entry = addRepository(out, repository);
  entry.releases.push(...releases);
  if (!fix) return;
  const full = FULL_SHA.test(fix) ? { repository, sha: fix } : commits.find((c) => c.sha.startsWith(fix!) && c.repository === repository);
  if (full) addRepositoryFix(out, full);
  else out.notes.push(`affected ${repository}: the record names the fix only as ${fix}; write its full 40-character SHA as master_fix`);
}
