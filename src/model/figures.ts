/**
 * Data and geometry for the site's two figures, computed at build time and drawn as inline SVG
 * (no client JavaScript): advisories per year by severity, and time from report to fix against
 * the fix target of each severity in `site.yaml`. Every figure has a table of the same numbers
 * beside it; the geometry here is only for sighted readers.
 *
 * Withdrawn advisories are left out of both: they were not vulnerabilities.
 */
import type { Site } from '../schemas/site.ts';
import type { SeverityLevel } from '../schemas/cvss.ts';
import { daysBetween } from './dates.ts';

/** Highest first: the order of stacks, legends and table columns. */
export const LEVELS_DESC = ['critical', 'high', 'medium', 'low', 'none'] as const satisfies readonly SeverityLevel[];

type FigureAdvisory = {
  id: string;
  level: SeverityLevel;
  visibility: 'published' | 'withdrawn';
  advisory: { publish_at: string; reported_at?: string | undefined };
};

export type YearRow = { year: number; counts: Record<SeverityLevel, number>; total: number };

const zeroCounts = (): Record<SeverityLevel, number> => ({ critical: 0, high: 0, medium: 0, low: 0, none: 0 });
const live = <T extends FigureAdvisory>(items: readonly T[]) => items.filter((a) => a.visibility === 'published');

/** Advisories per UTC year of publication, every year from the first to the last (gaps as zero). */
export function advisoriesPerYear(items: readonly FigureAdvisory[]): YearRow[] {
  const byYear = new Map<number, Record<SeverityLevel, number>>();
  for (const a of live(items)) {
    const year = new Date(a.advisory.publish_at).getUTCFullYear();
    const counts = byYear.get(year) ?? zeroCounts();
    counts[a.level]++;
    byYear.set(year, counts);
  }
  if (byYear.size === 0) return [];
  const years = [...byYear.keys()];
  const rows: YearRow[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) {
    const counts = byYear.get(y) ?? zeroCounts();
    rows.push({ year: y, counts, total: Object.values(counts).reduce((s, n) => s + n, 0) });
  }
  return rows;
}

export type FixTimeRow = {
  id: string;
  level: SeverityLevel;
  reported_at: string;
  publish_at: string;
  /** Days from report to publication, one decimal. */
  days: number;
  /** The fix target for the level, in days; none for level "none". */
  target?: number | undefined;
  withinTarget?: boolean | undefined;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One row per advisory that records when it was reported, oldest publication first. */
export function fixTimes(items: readonly FigureAdvisory[], sla: Site['sla']): FixTimeRow[] {
  return live(items)
    .flatMap((a) => {
      const reported = a.advisory.reported_at;
      if (!reported) return [];
      const days = round1(daysBetween(reported, a.advisory.publish_at));
      const target = a.level === 'none' ? undefined : sla[a.level].fix_days;
      return [
        {
          id: a.id,
          level: a.level,
          reported_at: reported,
          publish_at: a.advisory.publish_at,
          days,
          target,
          withinTarget: target === undefined ? undefined : days <= target,
        },
      ];
    })
    .sort((a, b) => Date.parse(a.publish_at) - Date.parse(b.publish_at) || a.id.localeCompare(b.id));
}

export type FixTimeSummary = {
  level: SeverityLevel;
  target?: number | undefined;
  count: number;
  fastest: number;
  median: number;
  slowest: number;
  /** How many were published within the target. */
  within: number;
};

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : round1((s[mid - 1]! + s[mid]!) / 2);
}

/** Per severity level (highest first), only levels that have rows. */
export function summarizeFixTimes(rows: readonly FixTimeRow[]): FixTimeSummary[] {
  return LEVELS_DESC.flatMap((level) => {
    const mine = rows.filter((r) => r.level === level);
    if (mine.length === 0) return [];
    const days = mine.map((r) => r.days);
    return [
      {
        level,
        target: mine[0]!.target,
        count: mine.length,
        fastest: Math.min(...days),
        median: median(days),
        slowest: Math.max(...days),
        within: mine.filter((r) => r.withinTarget).length,
      },
    ];
  });
}

/** A round axis maximum and tick step for values up to `max` (1, 2 or 5 times a power of ten). */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const stepInt = Math.max(step, 1);
  return { max: Math.ceil(max / stepInt) * stepInt, step: stepInt };
}

export type Box = { left: number; top: number; right: number; bottom: number };
export type Tick = { value: number; at: number };

export type StackedBars = {
  width: number;
  height: number;
  plot: Box;
  segments: Array<{ year: number; level: SeverityLevel; count: number; x: number; y: number; width: number; height: number }>;
  totals: Array<{ year: number; total: number; x: number; y: number }>;
  yTicks: Tick[];
  xLabels: Array<{ year: number; x: number }>;
};

/** Geometry of the per-year stacked bar chart, SVG user units. */
export function stackedBars(rows: readonly YearRow[], width = 640, height = 300): StackedBars {
  const plot: Box = { left: 44, top: 16, right: width - 12, bottom: height - 32 };
  const { max, step } = niceScale(Math.max(1, ...rows.map((r) => r.total)));
  const y = (v: number) => plot.bottom - (v / max) * (plot.bottom - plot.top);
  const slot = (plot.right - plot.left) / Math.max(1, rows.length);
  const barWidth = Math.min(56, slot * 0.7);
  const segments: StackedBars['segments'] = [];
  const totals: StackedBars['totals'] = [];
  rows.forEach((row, i) => {
    const x = plot.left + slot * i + (slot - barWidth) / 2;
    let base = 0;
    // Lowest severity at the bottom, so the most severe sit on top where the eye lands.
    for (const level of [...LEVELS_DESC].reverse()) {
      const count = row.counts[level];
      if (count === 0) continue;
      segments.push({ year: row.year, level, count, x, y: y(base + count), width: barWidth, height: y(base) - y(base + count) });
      base += count;
    }
    totals.push({ year: row.year, total: row.total, x: x + barWidth / 2, y: y(row.total) - 4 });
  });
  const yTicks: Tick[] = [];
  for (let v = 0; v <= max; v += step) yTicks.push({ value: v, at: y(v) });
  const xLabels = rows.map((row, i) => ({ year: row.year, x: plot.left + slot * i + slot / 2 }));
  return { width, height, plot, segments, totals, yTicks, xLabels };
}

export type RangeChart = {
  width: number;
  height: number;
  plot: Box;
  rows: Array<FixTimeSummary & { y: number; x0: number; x1: number; xMedian: number; xTarget?: number | undefined }>;
  xTicks: Tick[];
};

/** Geometry of the report-to-fix chart: per level, fastest-to-slowest range, median, target. */
export function rangeChart(summary: readonly FixTimeSummary[], width = 640, rowHeight = 44): RangeChart {
  const height = 40 + rowHeight * Math.max(1, summary.length) + 24;
  const plot: Box = { left: 84, top: 12, right: width - 16, bottom: height - 36 };
  const { max, step } = niceScale(Math.max(1, ...summary.flatMap((s) => [s.slowest, s.target ?? 0])));
  const x = (v: number) => plot.left + (v / max) * (plot.right - plot.left);
  const rows = summary.map((s, i) => ({
    ...s,
    y: plot.top + rowHeight * i + rowHeight / 2,
    x0: x(s.fastest),
    x1: x(s.slowest),
    xMedian: x(s.median),
    xTarget: s.target === undefined ? undefined : x(s.target),
  }));
  const xTicks: Tick[] = [];
  for (let v = 0; v <= max; v += step) xTicks.push({ value: v, at: x(v) });
  return { width, height, plot, rows, xTicks };
}
