/** References to the same flaw elsewhere: each alias (CVE, GHSA, PYSEC id) is listed once. */
import type { AdvisoryRule, Finding } from './rule.ts';

export const referenceRules: AdvisoryRule = (a) => {
  const found: Finding[] = [];
  const seen = new Set<string>();
  a.aliases?.forEach((alias, i) => {
    if (alias === undefined) return;
    if (seen.has(alias)) found.push({ path: ['aliases', i], message: `duplicate alias (found "${alias}" twice)` });
    seen.add(alias);
  });
  return found;
};
