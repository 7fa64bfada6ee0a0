/**
 * What an importer could learn from a record, before it becomes an advisory file. Anything
 * the record cannot know (named-release status, dates, the public notice) is left for a
 * person, and `todo` says what.
 */
import type { Affected, Credit, Reference } from '../../schemas/advisory.ts';

export type Imported = {
  source: string;
  title?: string;
  summary?: string;
  description?: string;
  aliases: string[];
  cvss_v3?: string;
  cvss_v4?: string;
  cwe: string[];
  credits: Credit[];
  references: Reference[];
  affected: Affected[];
  todo: string[];
};

/** A record that cannot be imported: names the input and the field. */
export class ImportError extends Error {
  constructor(input: string, field: string, expected: string) {
    super(`${input}: ${field}: ${expected}`);
    this.name = 'ImportError';
  }
}

export const SHA = /^[0-9a-f]{40}$/;
const COMMIT_URL = /^https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\/commit\/([0-9a-f]{7,40})\b/;

/** Repositories renamed upstream: imports use today's name (GitHub redirects the old one). */
const RENAMED: Record<string, string> = { 'openedx/edx-platform': 'openedx/openedx-platform' };
export const currentRepository = (repo: string) => RENAMED[repo] ?? repo;

export function commitOf(url: string): { repository: string; sha: string } | undefined {
  const m = COMMIT_URL.exec(url);
  return m ? { repository: currentRepository(m[1]!), sha: m[2]! } : undefined;
}

/** OSV reference types from a URL, when the record does not type it. */
export function referenceType(url: string): Reference['type'] {
  if (COMMIT_URL.test(url)) return 'fix';
  if (/\/security\/advisories\/GHSA-|nvd\.nist\.gov\/vuln|osv\.dev\/vulnerability|github\.com\/advisories\//.test(url)) return 'advisory';
  if (/\/(issues|pull)\/\d+/.test(url)) return 'report';
  if (/pypi\.org\/project|npmjs\.com\/package/.test(url)) return 'package';
  return 'web';
}

const CREDIT_TYPES = new Set(['finder', 'reporter', 'analyst', 'coordinator', 'remediation_developer', 'remediation_reviewer', 'remediation_verifier', 'tool', 'sponsor', 'other']);
/** OSV, GHSA and CVE credit types all map onto OSV's lower-case list. */
export function creditType(type: string | undefined): Credit['type'] {
  const t = (type ?? 'other').toLowerCase().replace(/[\s-]+/g, '_');
  return (CREDIT_TYPES.has(t) ? t : 'other') as Credit['type'];
}

/** References kept: https only, deduplicated; an http link is upgraded and noted. */
export function addReference(into: Imported, url: string, type?: Reference['type']): void {
  let href = url.trim();
  if (href.startsWith('http://')) {
    href = `https://${href.slice(7)}`;
    into.todo.push(`references: ${url} was http; check that ${href} works`);
  }
  if (!href.startsWith('https://') || into.references.some((r) => r.url === href)) return;
  into.references.push({ type: type ?? referenceType(href), url: href });
}

export function addAlias(into: Imported, id: string | undefined): void {
  if (!id) return;
  const alias = id.trim();
  if (/^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d+)$/.test(alias) && !into.aliases.includes(alias)) into.aliases.push(alias);
}

export function addVector(into: Imported, vector: string | undefined): void {
  if (!vector) return;
  if (vector.startsWith('CVSS:3.1/')) into.cvss_v3 ??= vector;
  else if (vector.startsWith('CVSS:4.0/')) into.cvss_v4 ??= vector;
  else into.todo.push(`severity: ${vector} is neither CVSS 3.1 nor 4.0; score the flaw with one of those`);
}

/** A repository entry for each repository a fix commit was found in; the first commit is master's. */
export function repositoryFixes(into: Imported, commits: Array<{ repository: string; sha: string }>): void {
  for (const { repository, sha } of commits) {
    if (!SHA.test(sha)) continue;
    const existing = into.affected.find((a) => 'repository' in a && a.repository === repository && !('package' in a));
    if (!existing) {
      into.affected.push({ repository, master_fix: sha, releases: [] });
    } else if ('master_fix' in existing && existing.master_fix !== sha) {
      into.todo.push(`affected ${repository}: commit ${sha} is another fix (a backport?); list it under the named release it belongs to`);
    }
  }
}
