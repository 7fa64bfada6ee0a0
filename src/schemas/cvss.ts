/**
 * CVSS vectors: strict shape validation, then scoring with a maintained library.
 *
 * The library (ae-cvss-calculator) happily scores incomplete vectors (missing base metrics
 * count as "X"), so every vector is checked against the specification's metric tables first
 * and a fault is reported with its character position.
 * Specs: https://www.first.org/cvss/v3.1/specification-document,
 *        https://www.first.org/cvss/v4.0/specification-document
 */
import calculator from 'ae-cvss-calculator';

export type CvssVersion = '3.1' | '4.0';
export const SEVERITY_LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

type MetricTable = { mandatory: Record<string, string[]>; optional: Record<string, string[]> };

const X = 'X';
const V31: MetricTable = {
  mandatory: {
    AV: ['N', 'A', 'L', 'P'],
    AC: ['L', 'H'],
    PR: ['N', 'L', 'H'],
    UI: ['N', 'R'],
    S: ['U', 'C'],
    C: ['H', 'L', 'N'],
    I: ['H', 'L', 'N'],
    A: ['H', 'L', 'N'],
  },
  optional: {
    E: [X, 'U', 'P', 'F', 'H'],
    RL: [X, 'O', 'T', 'W', 'U'],
    RC: [X, 'U', 'R', 'C'],
    CR: [X, 'L', 'M', 'H'],
    IR: [X, 'L', 'M', 'H'],
    AR: [X, 'L', 'M', 'H'],
    MAV: [X, 'N', 'A', 'L', 'P'],
    MAC: [X, 'L', 'H'],
    MPR: [X, 'N', 'L', 'H'],
    MUI: [X, 'N', 'R'],
    MS: [X, 'U', 'C'],
    MC: [X, 'N', 'L', 'H'],
    MI: [X, 'N', 'L', 'H'],
    MA: [X, 'N', 'L', 'H'],
  },
};
const V40: MetricTable = {
  mandatory: {
    AV: ['N', 'A', 'L', 'P'],
    AC: ['L', 'H'],
    AT: ['N', 'P'],
    PR: ['N', 'L', 'H'],
    UI: ['N', 'P', 'A'],
    VC: ['H', 'L', 'N'],
    VI: ['H', 'L', 'N'],
    VA: ['H', 'L', 'N'],
    SC: ['H', 'L', 'N'],
    SI: ['H', 'L', 'N'],
    SA: ['H', 'L', 'N'],
  },
  optional: {
    E: [X, 'A', 'P', 'U'],
    CR: [X, 'H', 'M', 'L'],
    IR: [X, 'H', 'M', 'L'],
    AR: [X, 'H', 'M', 'L'],
    MAV: [X, 'N', 'A', 'L', 'P'],
    MAC: [X, 'L', 'H'],
    MAT: [X, 'N', 'P'],
    MPR: [X, 'N', 'L', 'H'],
    MUI: [X, 'N', 'P', 'A'],
    MVC: [X, 'H', 'L', 'N'],
    MVI: [X, 'H', 'L', 'N'],
    MVA: [X, 'H', 'L', 'N'],
    MSC: [X, 'H', 'L', 'N'],
    MSI: [X, 'S', 'H', 'L', 'N'],
    MSA: [X, 'S', 'H', 'L', 'N'],
    S: [X, 'N', 'P'],
    AU: [X, 'N', 'Y'],
    R: [X, 'A', 'U', 'I'],
    V: [X, 'D', 'C'],
    RE: [X, 'L', 'M', 'H'],
    U: [X, 'Clear', 'Green', 'Amber', 'Red'],
  },
};
const TABLES: Record<CvssVersion, MetricTable> = { '3.1': V31, '4.0': V40 };

/**
 * CVSS 4.0 vectors must list metrics in the specification's order (the tables above): the OSV
 * schema's CVSS_V4 pattern and FIRST's JSON schema reject any other order. CVSS 3.1 vectors may
 * come in any order (FIRST's cvss-v3.1.json pattern allows it), so only 4.0 is held to it.
 */
const ORDERED: Record<CvssVersion, boolean> = { '3.1': false, '4.0': true };

/** Returns null when the vector is well-formed for `version`, else what is wrong and where. */
export function cvssVectorProblem(vector: string, version: CvssVersion): string | null {
  const prefix = `CVSS:${version}/`;
  if (!vector.startsWith(prefix)) {
    return `must start with "${prefix}" (found "${vector.slice(0, prefix.length)}")`;
  }
  const table = TABLES[version];
  const seen = new Set<string>();
  const order = [...Object.keys(table.mandatory), ...Object.keys(table.optional)];
  let previous = -1;
  let position = prefix.length;
  for (const part of vector.slice(prefix.length).split('/')) {
    const at = `at character ${position + 1}`;
    const [metric, value, ...extra] = part.split(':');
    if (!metric || value === undefined || extra.length > 0) {
      return `${at}: expected METRIC:VALUE (found "${part}")`;
    }
    const allowed = table.mandatory[metric] ?? table.optional[metric];
    if (!allowed) return `${at}: unknown metric "${metric}" for CVSS ${version}`;
    if (seen.has(metric)) return `${at}: metric "${metric}" appears twice`;
    const index = order.indexOf(metric);
    if (ORDERED[version] && index < previous) {
      return `${at}: metric "${metric}" is out of order (CVSS ${version} lists metrics in the specification's order, ${metric} before ${order[previous]})`;
    }
    previous = index;
    if (!allowed.includes(value)) {
      return `${at}: ${metric} must be one of ${allowed.join(', ')} (found "${value}")`;
    }
    seen.add(metric);
    position += part.length + 1;
  }
  const missing = Object.keys(table.mandatory).filter((m) => !seen.has(m));
  if (missing.length > 0) return `incomplete: missing base metric(s) ${missing.join(', ')}`;
  return null;
}

/** Qualitative rating, the same bands in CVSS 3.1 and 4.0. */
export function levelForScore(score: number): SeverityLevel {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

export type CvssScore = { version: CvssVersion; vector: string; score: number; level: SeverityLevel };

// Archives reuse a handful of vectors; scoring is pure, so each is computed once.
const scored = new Map<string, CvssScore>();

/** Scores a vector that passed `cvssVectorProblem`; throws on a malformed one. */
export function scoreCvss(vector: string, version: CvssVersion): CvssScore {
  const key = `${version} ${vector}`;
  let result = scored.get(key);
  if (!result) {
    result = computeScore(vector, version);
    scored.set(key, result);
  }
  return { ...result };
}

function computeScore(vector: string, version: CvssVersion): CvssScore {
  const problem = cvssVectorProblem(vector, version);
  if (problem) throw new Error(`CVSS ${version} vector ${problem}`);
  // CVSS 3.1 advisories publish the base score (temporal metrics describe a moment, and
  // CSAF's baseScore must match the vector's base); a CVSS 4.0 score covers every metric
  // the vector gives, as the 4.0 nomenclature (CVSS-B, CVSS-BT, ...) intends.
  const score =
    version === '3.1'
      ? Number(new calculator.Cvss3P1(vector).calculateScores().base ?? 0)
      : Number(new calculator.Cvss4P0(vector).calculateScores().overall ?? 0);
  return { version, vector, score, level: levelForScore(score) };
}
