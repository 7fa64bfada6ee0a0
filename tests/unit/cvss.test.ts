/**
 * CVSS: shape validation with fault positions, scores from the library, levels.
 * Expected scores come from published records (the CVE JSON 5 records of the sample
 * advisories, as given by their CNA) and from FIRST's CVSS 4.0 calculator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cvssVectorProblem, levelForScore, scoreCvss, type CvssVersion } from '../../src/schemas/cvss.ts';
import { computeSeverity } from '../../src/schemas/severity.ts';

const V31 = 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N';
const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';

describe('scoreCvss', () => {
  it.each([
    // CVE-2024-22209 (XBlock handlers and JWT scopes)
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4, 'medium'],
    // CVE-2024-41806 (cohort uploads)
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N', 5.3, 'medium'],
    // CVE-2026-42860 (edx-enterprise SSRF)
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:L/A:N', 8.5, 'high'],
    // CVE-2026-53635 (course mode price)
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L', 7.6, 'high'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0, 'none'],
  ] as const)('CVSS 3.1 %s scores %d (%s)', (vector, score, level) => {
    expect(scoreCvss(vector, '3.1')).toEqual({ version: '3.1', vector, score, level });
  });

  it.each([
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10, 'critical'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3, 'critical'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.7, 'high'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N', 6.9, 'medium'],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0, 'none'],
  ] as const)('CVSS 4.0 %s scores %d (%s)', (vector, score, level) => {
    expect(scoreCvss(vector, '4.0')).toEqual({ version: '4.0', vector, score, level });
  });

  it('refuses to score a malformed vector instead of guessing the missing metrics', () => {
    expect(() => scoreCvss('CVSS:3.1/AV:N/AC:L', '3.1')).toThrow(/missing base metric\(s\) PR, UI, S, C, I, A/);
    expect(() => scoreCvss(V40, '3.1')).toThrow(/must start with "CVSS:3.1\/"/);
  });

  it('scores a CVSS 3.1 vector the same in any metric order', () => {
    const shuffled = 'CVSS:3.1/A:N/I:L/C:L/S:C/UI:N/PR:L/AC:L/AV:N';
    expect(cvssVectorProblem(shuffled, '3.1')).toBeNull();
    expect(scoreCvss(shuffled, '3.1').score).toBe(scoreCvss(V31, '3.1').score);
  });
});

describe('levelForScore', () => {
  it.each([
    [0, 'none'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4, 'medium'],
    [6.9, 'medium'],
    [7, 'high'],
    [8.9, 'high'],
    [9, 'critical'],
    [10, 'critical'],
  ] as const)('%d is %s', (score, level) => expect(levelForScore(score)).toBe(level));
});

describe('cvssVectorProblem', () => {
  it.each([
    [V31, '3.1'],
    [V40, '4.0'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N/E:P/RL:O/RC:C/CR:H/IR:X/AR:X/MAV:N/MAC:X/MPR:X/MUI:X/MS:X/MC:X/MI:X/MA:X', '3.1'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N/E:P/CR:H/IR:X/AR:X/S:N/AU:Y/R:X/V:X/RE:X/U:Amber', '4.0'],
  ] as const)('accepts %s', (vector, version) => expect(cvssVectorProblem(vector, version)).toBeNull());

  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L', '3.1', 'incomplete: missing base metric(s) A'],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N/A:N', '3.1', 'at character 46: metric "A" appears twice'],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N/', '3.1', 'at character 46: expected METRIC:VALUE (found "")'],
    ['CVSS:3.1/AV:N//AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', '3.1', 'at character 15: expected METRIC:VALUE (found "")'],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N:N', '3.1', 'at character 42: expected METRIC:VALUE (found "A:N:N")'],
    ['CVSS:3.1/AV:N/AC:M/PR:L/UI:N/S:C/C:L/I:L/A:N', '3.1', 'at character 15: AC must be one of L, H (found "M")'],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N/E:A', '3.1', 'at character 46: E must be one of X, U, P, F, H (found "A")'],
    ['CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', '3.1', 'must start with "CVSS:3.1/" (found "CVSS:3.0/")'],
    ['AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', '3.1', 'must start with "CVSS:3.1/"'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N', '4.0', 'incomplete: missing base metric(s) SA'],
    ['CVSS:4.0/AV:N/AC:L/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '4.0', 'incomplete: missing base metric(s) AT'],
    [
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N',
      '4.0',
      'at character 45: metric "VI" is out of order (CVSS 4.0 lists metrics in the specification\'s order, VI before SC)',
    ],
    ['CVSS:4.0/AC:L/AV:N/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '4.0', 'at character 15: metric "AV" is out of order'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:N/E:A', '4.0', 'at character 69: metric "E" is out of order'],
    [
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:amber',
      '4.0',
      'U must be one of X, Clear, Green, Amber, Red (found "amber")',
    ],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '4.0', 'at character 30: UI must be one of N, P, A (found "R")'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:S/MSI:S', '4.0', 'metric "MSI" appears twice'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/S:U/C:H/I:H/A:H', '4.0', 'at character 35: S must be one of X, N, P (found "U")'], // a 3.1 vector labelled 4.0,
  ] as const)('rejects %s', (vector, version, message) => {
    expect(cvssVectorProblem(vector, version)).toContain(message);
  });

  // Any single corrupted value is reported at the position of its own metric.
  it.each([
    [V31, '3.1'],
    [V40, '4.0'],
  ] as const)('points at the corrupted metric of %s', (vector, version: CvssVersion) => {
    const parts = vector.split('/');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: parts.length - 1 }), fc.constantFrom('Q', 'ZZ', '', 'n'), (i, bad) => {
        const broken = parts.map((p, j) => (j === i ? `${p.split(':')[0]}:${bad}` : p)).join('/');
        const problem = cvssVectorProblem(broken, version);
        const at = Number(/at character (\d+)/.exec(problem ?? '')?.[1]);
        expect(broken.slice(at - 1).startsWith(`${parts[i]!.split(':')[0]}:${bad}`), `${broken}: ${problem}`).toBe(true);
      }),
    );
  });
});

describe('computeSeverity', () => {
  const notice = { severity: 'low' as const };
  it('shows the CVSS 3.1 score when both vectors are given', () => {
    const s = computeSeverity({ severity: { cvss_v3: V31, cvss_v4: V40 }, notice: notice as never });
    expect(s.scores.map((x) => x.version)).toEqual(['3.1', '4.0']);
    expect(s.primary?.score).toBe(6.4);
    expect(s.level).toBe('medium');
  });
  it('falls back to CVSS 4.0, then to the notice level', () => {
    expect(computeSeverity({ severity: { cvss_v4: V40 }, notice: notice as never }).level).toBe('high');
    const none = computeSeverity({ severity: undefined, notice: notice as never });
    expect(none).toEqual({ scores: [], level: 'low', primary: undefined });
  });
});

describe('published score', () => {
  it('is the CVSS 3.1 base score even when the vector carries temporal metrics', () => {
    const scored = scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O', '3.1');
    expect(scored.score).toBe(9.8);
    expect(scored.level).toBe('critical');
  });
});
