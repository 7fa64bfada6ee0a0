/**
 * GitHub repository security advisories, as the REST API returns them
 * (GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}), to an Imported.
 */
import { addAlias, addReference, addVector, creditType, currentRepository, ImportError, type Imported } from './imported.ts';

type Ghsa = {
  ghsa_id: string;
  cve_id?: string | null;
  html_url?: string;
  summary?: string;
  description?: string;
  cvss_severities?: { cvss_v3?: { vector_string?: string | null }; cvss_v4?: { vector_string?: string | null } };
  cvss?: { vector_string?: string | null };
  cwe_ids?: string[];
  cwes?: Array<{ cwe_id: string }>;
  credits_detailed?: Array<{ user?: { login?: string }; type?: string }>;
  credits?: Array<{ login?: string; type?: string }>;
  vulnerabilities?: Array<{ package?: { ecosystem?: string; name?: string }; vulnerable_version_range?: string | null; patched_versions?: string | null }>;
  references?: Array<string | { url: string }>;
};

const ECOSYSTEM: Record<string, 'PyPI' | 'npm'> = { pip: 'PyPI', pypi: 'PyPI', npm: 'npm' };

export function fromGhsa(record: Ghsa, input: string): Imported {
  if (typeof record.ghsa_id !== 'string') throw new ImportError(input, 'ghsa_id', 'a GitHub security advisory needs its ghsa_id');
  const out: Imported = { source: `GitHub ${record.ghsa_id}`, title: record.summary, description: record.description, aliases: [], cwe: [], credits: [], references: [], affected: [], todo: [] };
  addAlias(out, record.ghsa_id);
  addAlias(out, record.cve_id ?? undefined);
  addVector(out, record.cvss_severities?.cvss_v3?.vector_string ?? record.cvss?.vector_string ?? undefined);
  addVector(out, record.cvss_severities?.cvss_v4?.vector_string ?? undefined);
  out.cwe.push(...(record.cwe_ids ?? record.cwes?.map((c) => c.cwe_id) ?? []).filter((c) => /^CWE-\d+$/.test(c)));
  for (const c of record.credits_detailed ?? []) if (c.user?.login) out.credits.push({ name: c.user.login, type: creditType(c.type) });
  for (const c of record.credits ?? []) if (c.login && !out.credits.some((x) => x.name === c.login)) out.credits.push({ name: c.login, type: creditType(c.type) });
  if (record.html_url) addReference(out, record.html_url, 'advisory');
  for (const r of record.references ?? []) addReference(out, typeof r === 'string' ? r : r.url);

  for (const [i, v] of (record.vulnerabilities ?? []).entries()) {
    const ecosystem = ECOSYSTEM[(v.package?.ecosystem ?? '').toLowerCase()];
    const name = v.package?.name;
    if (!name) throw new ImportError(input, `vulnerabilities[${i}].package.name`, 'each vulnerability needs a package name');
    if (!ecosystem) {
      out.todo.push(`affected: ecosystem ${v.package?.ecosystem} of ${name} is not PyPI or npm; describe it by hand`);
      continue;
    }
    const from = /(?:^|,)\s*>=\s*([\w.+-]+)/.exec(v.vulnerable_version_range ?? '')?.[1] ?? '0';
    const fixed = v.patched_versions?.split(',')[0]?.trim() || /<\s*([\w.+-]+)\s*$/.exec(v.vulnerable_version_range ?? '')?.[1];
    out.affected.push({ package: { ecosystem, name }, ranges: [{ introduced: from, ...(fixed ? { fixed } : {}) }], releases: [] });
  }
  if (out.affected.length === 0 && record.html_url) {
    const repo = /github\.com\/([\w.-]+\/[\w.-]+)\/security/.exec(record.html_url)?.[1];
    if (repo) {
      out.affected.push({ repository: currentRepository(repo), releases: [] });
      out.todo.push(`affected: ${currentRepository(repo)} needs its master_fix commit`);
    }
  }
  return out;
}
