/**
 * GitHub security advisories as the REST API returns them, to an Imported: a repository
 * advisory (GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}, where the working group
 * triages) or a global one (GET /advisories/{ghsa_id}).
 * https://docs.github.com/rest/security-advisories/repository-advisories
 */
import {
  addAlias,
  addCredit,
  addCwe,
  addReference,
  addRepository,
  addVector,
  commitOf,
  currentRepository,
  emptyImport,
  fixesFromReferences,
  repositoryOf,
  type Imported,
} from './imported.ts';
import type { Fields } from './json-fields.ts';
import { isVersion, parseRangeText } from './version-range.ts';

const RECORD = 'a GitHub security advisory';
/** GitHub's ecosystem names for the registries this site lists. */
const ECOSYSTEM: Record<string, 'PyPI' | 'npm'> = { pip: 'PyPI', npm: 'npm' };

export function fromGhsa(record: Fields): Imported {
  const id = record.string('ghsa_id', RECORD)!;
  const out = emptyImport(`GitHub advisory ${id}`);
  out.title = record.string('summary', RECORD);
  out.description = record.string('description');
  out.published = record.string('published_at');
  const state = record.string('state');
  if (state === 'withdrawn' || state === 'closed' || record.string('withdrawn_at'))
    out.notes.push(`the GitHub advisory is ${state ?? 'withdrawn'}; make sure it should be published`);

  addAlias(out, id);
  addAlias(out, record.string('cve_id'));
  for (const i of record.objects('identifiers')) addAlias(out, i.string('value'));

  const severities = record.object('cvss_severities');
  addVector(out, severities?.object('cvss_v3')?.string('vector_string'));
  addVector(out, severities?.object('cvss_v4')?.string('vector_string'));
  addVector(out, record.object('cvss')?.string('vector_string')); // older responses: one vector

  for (const cwe of record.strings('cwe_ids')) addCwe(out, cwe);
  for (const c of record.objects('cwes')) addCwe(out, c.string('cwe_id'));

  // credits_detailed says whether each person accepted the credit; a declined one is left
  // out. Only older responses lack it, and their `credits` list then stands in.
  const detailed = record.objects('credits_detailed');
  for (const c of detailed) {
    const user = c.object('user');
    if (c.string('state') === 'declined') out.notes.push(`credits: ${user?.string('login')} declined the credit and is left out`);
    else addCredit(out, user?.string('login'), c.string('type'), [user?.string('html_url')]);
  }
  if (detailed.length === 0)
    for (const c of record.objects('credits')) addCredit(out, c.string('login') ?? c.object('user')?.string('login'), c.string('type'));

  const html = record.string('html_url');
  addReference(out, html, 'advisory');
  for (const r of record.array('references')) addReference(out, typeof r === 'string' ? r : undefined);
  // Repository advisories have no reference list: the links are in the description's Markdown.
  for (const url of (out.description ?? '').match(/https?:\/\/[^\s)<>\]"']+/g) ?? []) addReference(out, url.replace(/[.,;:]+$/, ''));

  const repository =
    repositoryOf(html?.includes('/security/advisories/') ? html : undefined) ?? repositoryOf(record.string('source_code_location'));
  for (const v of record.objects('vulnerabilities')) importVulnerability(out, v, repository);
  if (out.affected.length === 0 && repository && !out.references.some((r) => commitOf(r.url))) addRepository(out, repository);
  fixesFromReferences(out);
  return out;
}

/** One affected product: a registry package with versions, else the repository itself. */
function importVulnerability(out: Imported, v: Fields, repository: string | undefined): void {
  const pkg = v.object('package');
  const name = pkg?.string('name');
  const ecosystem = ECOSYSTEM[(pkg?.string('ecosystem') ?? '').toLowerCase()];
  const first = v.value.first_patched_version;
  const patched =
    v.string('patched_versions') ??
    (typeof first === 'string'
      ? first
      : typeof first === 'object' && first
        ? v.object('first_patched_version')?.string('identifier')
        : undefined);
  const range = parseRangeText(v.string('vulnerable_version_range'));
  const fixedVersion = patched
    ?.split(',')
    .map((p) => p.trim())
    .find(isVersion);
  // A package named like the advisory's repository, with no version range, is the
  // repository deployed from source (the platform is not installed from PyPI).
  const isSource =
    !ecosystem || (!range && !fixedVersion && repository !== undefined && currentRepository(`openedx/${name}`) === repository);
  if (isSource) {
    if (repository) addRepository(out, repository);
    else
      out.notes.push(`affected: ${name ?? 'a product'} is not a PyPI or npm package and the advisory names no repository; add it by hand`);
    return;
  }
  if (!name) return;
  const ranges = range
    ? [{ ...range, ...(fixedVersion && !range.fixed && !range.last_affected ? { fixed: fixedVersion } : {}) }]
    : fixedVersion
      ? [{ introduced: '0', fixed: fixedVersion }]
      : [];
  if (!range)
    out.notes.push(
      `affected: ${name}: the vulnerable range "${v.string('vulnerable_version_range') ?? ''}" was not understood; check the range`,
    );
  out.affected.push({ package: { ecosystem: ecosystem!, name }, ...(repository ? { repository } : {}), ranges, releases: [] });
}
