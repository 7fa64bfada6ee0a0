import { describe, expect, it } from 'vitest';
import type { SeverityLevel } from '../../src/schemas/cvss.ts';
import { advisoriesPerYear, fixTimes, median, niceScale, rangeChart, stackedBars, summarizeFixTimes } from '../../src/model/figures.ts';
import { fixtureModel } from '../support/fixture-model.ts';
import { FIXTURE_IDS } from '../fixtures/site/canaries.ts';

const model = fixtureModel();
const SLA = model.site.sla;

type Item = Parameters<typeof advisoriesPerYear>[0][number];
const item = (
  id: string,
  level: SeverityLevel,
  publish_at: string,
  reported_at?: string,
  visibility: Item['visibility'] = 'published',
): Item => ({
  id,
  level,
  visibility,
  advisory: { publish_at, reported_at },
});

describe('advisories per year', () => {
  it('counts the fixture site by UTC year of publication and severity, without the withdrawn one', () => {
    const rows = advisoriesPerYear(model.published);
    expect(rows.map((r) => [r.year, r.total])).toEqual([
      [2024, 1],
      [2025, 3],
      [2026, 1],
    ]);
    expect(rows[0]!.counts).toEqual({ critical: 0, high: 0, medium: 0, low: 1, none: 0 });
    expect(rows[1]!.counts).toMatchObject({ high: 1, medium: 2 });
  });

  it('fills years without advisories and uses UTC years', () => {
    const rows = advisoriesPerYear([
      item('A', 'high', '2020-12-31T23:30:00-05:00'), // 2021 in UTC
      item('B', 'low', '2023-03-01T00:00:00Z'),
      item('C', 'low', '2023-04-01T00:00:00Z', undefined, 'withdrawn'),
    ]);
    expect(rows.map((r) => [r.year, r.total])).toEqual([
      [2021, 1],
      [2022, 0],
      [2023, 1],
    ]);
  });

  it('is empty when nothing is published', () => {
    expect(advisoriesPerYear([])).toEqual([]);
  });
});

describe('report to fix', () => {
  it('measures the fixture advisory that records its report date against its target', () => {
    const rows = fixTimes(model.published, SLA);
    expect(rows).toEqual([
      {
        id: FIXTURE_IDS.backported,
        level: 'medium',
        reported_at: '2026-08-20T08:30:00Z',
        publish_at: '2026-10-07T14:00:00Z',
        days: 48.2,
        target: SLA.medium.fix_days,
        withinTarget: true,
      },
    ]);
  });

  it('compares instants across offsets, oldest publication first, and has no target for level none', () => {
    const rows = fixTimes(
      [
        item('LATE', 'critical', '2026-03-01T00:00:00Z', '2026-02-01T00:00:00+02:00'),
        item('NONE', 'none', '2026-01-10T00:00:00Z', '2026-01-01T00:00:00Z'),
        item('NO-REPORT', 'high', '2026-01-05T00:00:00Z'),
      ],
      SLA,
    );
    expect(rows.map((r) => [r.id, r.days, r.target, r.withinTarget])).toEqual([
      ['NONE', 9, undefined, undefined],
      ['LATE', 28.1, SLA.critical.fix_days, false],
    ]);
  });

  it('summarises per level: fastest, median, slowest, within target', () => {
    const rows = fixTimes(
      [10, 20, 40, 35].map((d, i) => item(`H${i}`, 'high', new Date(Date.UTC(2026, 0, 1 + d)).toISOString(), '2026-01-01T00:00:00Z')),
      SLA,
    );
    expect(summarizeFixTimes(rows)).toEqual([{ level: 'high', target: 30, count: 4, fastest: 10, median: 27.5, slowest: 40, within: 2 }]);
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe('chart geometry', () => {
  it('picks round axis maxima', () => {
    expect(niceScale(4)).toEqual({ max: 4, step: 1 });
    expect(niceScale(14)).toEqual({ max: 15, step: 5 });
    expect(niceScale(85.3)).toEqual({ max: 100, step: 20 });
    expect(niceScale(0)).toEqual({ max: 1, step: 1 });
  });

  it('stacks bars from the least to the most severe, heights proportional to counts', () => {
    const rows = advisoriesPerYear([
      item('A', 'critical', '2025-01-01T00:00:00Z'),
      item('B', 'low', '2025-02-01T00:00:00Z'),
      item('C', 'low', '2025-03-01T00:00:00Z'),
      item('D', 'medium', '2026-01-01T00:00:00Z'),
    ]);
    const chart = stackedBars(rows);
    const y2025 = chart.segments.filter((s) => s.year === 2025);
    expect(y2025.map((s) => s.level)).toEqual(['low', 'critical']);
    const unit = (chart.plot.bottom - chart.plot.top) / chart.yTicks.at(-1)!.value;
    expect(y2025[0]!.height).toBeCloseTo(2 * unit);
    expect(y2025[0]!.y + y2025[0]!.height).toBeCloseTo(chart.plot.bottom);
    expect(y2025[1]!.y + y2025[1]!.height).toBeCloseTo(y2025[0]!.y);
    expect(chart.segments.every((s) => s.height > 0)).toBe(true);
    expect(chart.xLabels.map((l) => l.year)).toEqual([2025, 2026]);
  });

  it('places the range, median and target of each level on one axis', () => {
    const chart = rangeChart([
      { level: 'high', target: 30, count: 3, fastest: 5, median: 12, slowest: 45, within: 2 },
      { level: 'none', count: 1, fastest: 3, median: 3, slowest: 3, within: 0 },
    ]);
    const [high, none] = chart.rows;
    expect(high!.x0).toBeLessThan(high!.xMedian);
    expect(high!.xMedian).toBeLessThan(high!.xTarget!);
    expect(high!.xTarget).toBeLessThan(high!.x1);
    expect(none!.xTarget).toBeUndefined();
    expect(chart.xTicks.at(-1)!.value).toBeGreaterThanOrEqual(45);
    expect(none!.y).toBeGreaterThan(high!.y);
  });
});
