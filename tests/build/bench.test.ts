/**
 * `npm run bench` at a small size, end to end: it must print its tables, write the same
 * figures as JSON, and leave no generated archive or output behind. The timings themselves
 * are never asserted (speed is the benchmark's job, not the test suite's).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PROJECT_ROOT } from '../support/build-site.ts';

// What the benchmark creates at this size; other tests generate synthetic archives of other sizes.
const SIZE = 37;
const OWN = [`oex-bench-${SIZE}-`, `oex-bench-dist-${SIZE}-`, 'oex-bench-real-', 'oex-bench-usage-', 'oex-bench-hugo-'];
const generated = () => readdirSync(tmpdir()).filter((name) => OWN.some((prefix) => name.startsWith(prefix)));

describe('npm run bench', () => {
  it('prints the table and the budgets, writes the JSON and cleans up', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'bench-test-')), 'figures.json');
    const before = new Set(generated());
    const run = spawnSync(process.execPath, ['scripts/bench.ts', '--sizes', String(SIZE), '--no-browser', '--json', json], {
      cwd: PROJECT_ROOT,
      env: cleanEnv(),
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status, run.stderr).toBe(0);
    // advisories | check s | check MB | build s | build CPU user + system | build MB | pages | files | MB
    const row = /[\d.]+ \| \d+ \| [\d.]+ \| [\d.]+ \+ [\d.]+ \| \d+ \| \d+ \| \d+ \| [\d.]+ \|/.source;
    expect(run.stdout).toMatch(new RegExp(`\\| ${SIZE} \\| ${row}`));
    expect(run.stdout).toContain('| advisory page ships 0 B of JavaScript | 0 B | met |');
    expect(run.stdout).toContain('search weight not measured');

    const figures = JSON.parse(readFileSync(json, 'utf8'));
    const [size] = figures.sizes;
    expect(size.advisories).toBe(SIZE);
    expect(size.pages).toBeGreaterThan(SIZE);
    expect(size.build.seconds).toBeGreaterThan(0);
    expect(size.build.userS).toBeGreaterThan(0);
    expect(figures.pageWeights.find((w: { type: string }) => w.type === 'advisory').js).toBe(0);
    expect(generated().filter((name) => !before.has(name))).toEqual([]);
  });
});
