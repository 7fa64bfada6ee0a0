/**
 * Severity: vectors are checked against the CVSS specification's metric tables, and since
 * scores are computed, the only thing a human writes is the notice's level, which must agree.
 */
import { cvssVectorProblem, scoreCvss } from '../../schemas/cvss.ts';
import type { AdvisoryRule, Finding } from './rule.ts';

const VECTORS = [
  ['cvss_v3', '3.1'],
  ['cvss_v4', '4.0'],
] as const;

export const severityRules: AdvisoryRule = (a) => {
  const found: Finding[] = [];
  const levels: string[] = [];
  for (const [key, version] of VECTORS) {
    const vector = a.severity?.[key];
    if (!vector) continue;
    const problem = cvssVectorProblem(vector, version);
    if (problem) found.push({ path: ['severity', key], message: `not a valid CVSS ${version} vector: ${problem}` });
    else levels.push(scoreCvss(vector, version).level);
  }
  const computed = levels[0];
  const written = a.notice?.severity;
  if (computed && written && computed !== written) {
    found.push({
      path: ['notice', 'severity'],
      message: `must match the level computed from the CVSS vector (expected "${computed}", found "${written}")`,
    });
  }
  return found;
};
