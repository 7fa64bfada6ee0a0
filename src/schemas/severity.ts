/** The computed severity of an advisory: scores from its vectors, one level for display. */
import type { AdvisoryData } from './advisory.ts';
import { scoreCvss, type CvssScore, type SeverityLevel } from './cvss.ts';

export type ComputedSeverity = {
  /** Scores of every vector given, CVSS 3.1 first. */
  scores: CvssScore[];
  /** The level shown: from CVSS 3.1 when present (the policy's scale), else 4.0, else the notice. */
  level: SeverityLevel;
  /** The score shown next to the level, when there is a vector. */
  primary?: CvssScore | undefined;
};

/** Assumes vectors already passed `check`; throws on a malformed one. */
export function computeSeverity(advisory: Pick<AdvisoryData, 'severity' | 'notice'>): ComputedSeverity {
  const scores: CvssScore[] = [];
  if (advisory.severity?.cvss_v3) scores.push(scoreCvss(advisory.severity.cvss_v3, '3.1'));
  if (advisory.severity?.cvss_v4) scores.push(scoreCvss(advisory.severity.cvss_v4, '4.0'));
  const primary = scores[0];
  return { scores, level: primary?.level ?? advisory.notice.severity, primary };
}
