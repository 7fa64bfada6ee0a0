/**
 * What an importer learned from a record, before it becomes an advisory file, and the
 * helpers every format shares: aliases, CVSS vectors, CWE ids, credits, typed references and
 * fix commits. Facts only; what a record cannot know (named-release status, the dates, the
 * public notice) is left to `to-advisory.ts` to mark as FILL-IN.
 */
import { cvssVectorProblem } from '../../schemas/cvss.ts';
import { ALIAS_PATTERNS, CREDIT_TYPES, REFERENCE_TYPES, type Credit, type Reference } from '../../schemas/advisory.ts';
import { currentGithubUrl, currentRepository } from '../repository-names.ts';

/** A repository deployed from source (the platform, MFEs): fixed by commits. */
export type ImportedRepository = { repository: string; master_fix?: string; releases: Array<{ release: string; status: string }> };
/** A package from a registry: fixed by versions. */
export type ImportedPackage = {
  package: { ecosystem: 'PyPI' | 'npm'; name: string };
  repository?: string;
  ranges: Array<{ introduced: string; fixed?: string; last_affected?: string }>;
  releases: Array<{ release: string; status: string }>;
};
export type ImportedAffected = ImportedRepository | ImportedPackage;

export type Imported = {
  /** The record, for messages: "OSV PYSEC-2023-21". */
  source: string;
  title?: string | undefined;
  /** The record's description, Markdown. */
  description?: string | undefined;
  /** When the record says it was published, ISO 8601. */
  published?: string | undefined;
  aliases: string[];
  cvss_v3?: string;
  cvss_v4?: string;
  cwe: string[];
  credits: Credit[];
  references: Reference[];
  affected: ImportedAffected[];
  /** Fix commits found that are not the master fix (backports): their release is for a person to say. */
  otherFixes: Array<{ repository: string; sha: string }>;
  /** What a person should look at (not placeholders: things the importer guessed or dropped). */
  notes: string[];
};

export const emptyImport = (source: string): Imported => ({
  source,
  aliases: [],
  cwe: [],
  credits: [],
  references: [],
  affected: [],
  otherFixes: [],
  notes: [],
});

/** A record that cannot be imported: names the input and the field, and what was expected. */
export class ImportError extends Error {
  constructor(input: string, field: string, expected: string) {
    super(`${input}: ${field}: ${expected}`);
    this.name = 'ImportError';
  }
}

export const FULL_SHA = /^[0-9a-f]{40}$/;
const COMMIT_URL = /^https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\/(?:pull\/\d+\/)?commits?\/([0-9a-f]{7,40})\b/;
const GITHUB_REPO_URL = /^(?:https?|git):\/\/github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?(?:[/#?].*)?$/;

export { currentRepository };

/** `owner/name` of a GitHub URL (repository, advisory, commit, file), with today's name. */
export function repositoryOf(url: string | undefined): string | undefined {
  const m = url ? GITHUB_REPO_URL.exec(url.trim()) : null;
  return m ? currentRepository(m[1]!) : undefined;
}

export function commitOf(url: string): { repository: string; sha: string } | undefined {
  const m = COMMIT_URL.exec(url);
  return m ? { repository: currentRepository(m[1]!), sha: m[2]! } : undefined;
}

/** OSV reference types, from the URL when the record does not type it. */
export function referenceType(url: string, hint?: string | undefined): Reference['type'] {
  if (COMMIT_URL.test(url)) return 'fix';
  if (/\/security\/advisories\/GHSA-|nvd\.nist\.gov\/vuln|osv\.dev\/vulnerability|github\.com\/advisories\/|cve\.org\/CVERecord/.test(url))
    return 'advisory';
  const typed = hint?.toLowerCase();
  if (typed && (REFERENCE_TYPES as readonly string[]).includes(typed)) return typed as Reference['type'];
  if (/\/(issues|pull)\/\d+/.test(url)) return 'report';
  if (/pypi\.org\/project|npmjs\.com\/package/.test(url)) return 'package';
  return 'web';
}

/** OSV, GitHub and CVE credit types all map onto OSV's lower-case list ("remediation developer" too). */
export function creditType(type: string | undefined): Credit['type'] {
  const t = (type ?? 'other').toLowerCase().replace(/[\s-]+/g, '_');
  return (CREDIT_TYPES as readonly string[]).includes(t) ? (t as Credit['type']) : 'other';
}

export function addCredit(into: Imported, name: string | undefined, type: string | undefined, contact?: Array<string | undefined>): void {
  const clean = name?.replace(/\s+/g, ' ').trim();
  if (!clean || into.credits.some((c) => c.name === clean)) return;
  const urls = (contact ?? []).filter((u): u is string => typeof u === 'string' && u.startsWith('https://'));
  into.credits.push({ name: clean, type: creditType(type), ...(urls.length ? { contact: urls } : {}) });
}

/**
 * References kept: https only, deduplicated, GitHub links under the repository's current name;
 * an http link is upgraded and noted.
 */
export function addReference(into: Imported, url: string | undefined, type?: string | undefined): void {
  if (!url) return;
  let href = url.trim();
  if (href.startsWith('http://')) {
    href = `https://${href.slice(7)}`;
    into.notes.push(`references: ${url} was http; check that ${href} works`);
  }
  if (!href.startsWith('https://')) return;
  const current = currentGithubUrl(href);
  if (current !== href) {
    const renamed = GITHUB_REPO_URL.exec(href)![1]!;
    const note = `references: links to ${renamed} now use its current name, ${currentRepository(renamed)}`;
    if (!into.notes.includes(note)) into.notes.push(note);
    href = current;
  }
  if (into.references.some((r) => r.url === href)) return;
  into.references.push({ type: referenceType(href, type), url: href });
}

export function addAlias(into: Imported, id: string | undefined): void {
  const alias = id?.trim();
  if (alias && Object.values(ALIAS_PATTERNS).some((re) => re.test(alias)) && !into.aliases.includes(alias)) into.aliases.push(alias);
}

/** GHSA ids named in URLs (CVE records point at the GitHub advisory). */
export const ghsaIn = (text: string) => /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/.exec(text)?.[0];

/** CVSS 3.1 and 4.0 vectors are kept (the first of each); others are noted for a person. */
export function addVector(into: Imported, vector: string | undefined | null): void {
  const v = vector?.trim();
  if (!v) return;
  const version = v.startsWith('CVSS:3.1/') ? '3.1' : v.startsWith('CVSS:4.0/') ? '4.0' : undefined;
  if (!version) {
    into.notes.push(`severity: ${v} is neither CVSS 3.1 nor 4.0, so it was left out; score the flaw with CVSS 3.1 or 4.0`);
    return;
  }
  const key = version === '3.1' ? 'cvss_v3' : 'cvss_v4';
  if (into[key]) return;
  const problem = cvssVectorProblem(v, version);
  if (problem)
    into.notes.push(`severity.${key}: the record's vector is not valid (${problem}); check will refuse it until it is corrected`);
  into[key] = v;
}

export function addCwe(into: Imported, id: string | undefined): void {
  const cwe = id?.trim().toUpperCase();
  if (cwe && /^CWE-\d+$/.test(cwe) && !into.cwe.includes(cwe)) into.cwe.push(cwe);
}

/**
 * Fix commits of repositories deployed from source: the first full SHA found for a
 * repository is its master fix, the others are kept as backports for a person to place.
 * A repository that is a package's source gets no entry of its own: the package's version
 * is its fix, and the commit stays a `fix` reference.
 */
export function addRepositoryFix(into: Imported, fix: { repository: string; sha: string }): void {
  if (into.affected.some((a) => 'package' in a && a.repository === fix.repository)) return;
  if (!FULL_SHA.test(fix.sha)) {
    into.notes.push(`affected ${fix.repository}: the record names commit ${fix.sha} only by a short id; write its full SHA`);
    return;
  }
  const entry = into.affected.find(
    (a): a is ImportedRepository => 'repository' in a && !('package' in a) && a.repository === fix.repository,
  );
  if (!entry) into.affected.push({ repository: fix.repository, master_fix: fix.sha, releases: [] });
  else if (!entry.master_fix) entry.master_fix = fix.sha;
  else if (entry.master_fix !== fix.sha && !into.otherFixes.some((f) => f.sha === fix.sha)) into.otherFixes.push(fix);
}

/**
 * Commits among the references (typed `fix`, or GitHub commit URLs): for a record about
 * repositories deployed from source they are fixes; for a package record they stay
 * references, since the package's version is its fix.
 */
export function fixesFromReferences(into: Imported): void {
  if (into.affected.some((a) => 'package' in a)) return;
  for (const r of into.references) {
    const fix = r.type === 'fix' ? commitOf(r.url) : undefined;
    if (fix) addRepositoryFix(into, fix);
  }
}

/** A repository entry without a known fix yet (the person adds master_fix). */
export function addRepository(into: Imported, repository: string): ImportedRepository {
  const existing = into.affected.find((a): a is ImportedRepository => !('package' in a) && a.repository === repository);
  if (existing) return existing;
  const entry: ImportedRepository = { repository, releases: [] };
  into.affected.push(entry);
  return entry;
}
