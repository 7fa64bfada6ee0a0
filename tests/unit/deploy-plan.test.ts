/**
 * The deploy plan (src/deploy/plan.ts) case by case, the waiting runs it learns from GitHub's
 * API (src/deploy/github-runs.ts), and the plan step as the workflow runs it: from a folder
 * holding only the files its sparse checkout fetches, with no node_modules anywhere above.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { revealingInstants, revealJobName, type GetJson } from '../../src/deploy/github-runs.ts';
import { LEAD_HOURS, liveWindow, planRun, type DeployRecord, type PlanInput } from '../../src/deploy/plan.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';

const COMMIT = 'a'.repeat(40);
const NEXT = '2026-12-02T14:00:00Z';
const record: DeployRecord = { commit: COMMIT, at: '2026-11-30T09:00:00Z', next: NEXT };
const hoursBefore = (h: number) => new Date(Date.parse(NEXT) - h * 3_600_000);
const plan = (change: Partial<PlanInput>) =>
  planRun({ event: 'schedule', commit: COMMIT, record, revealing: [], now: hoursBefore(10), ...change });

describe('planRun', () => {
  it('stays idle while the next transition is beyond the lead window', () => {
    expect(plan({})).toMatchObject({ action: 'idle' });
    expect(plan({ now: hoursBefore(LEAD_HOURS + 0.01) })).toMatchObject({ action: 'idle' });
    expect(plan({}).why).toBe('the next transition is at 2026-12-02T14:00:00Z, in 10.0 h (lead window 2.0 h)');
  });

  it('reveals a transition inside the lead window, at its instant', () => {
    expect(plan({ now: hoursBefore(LEAD_HOURS) })).toEqual({
      action: 'reveal',
      at: NEXT,
      why: 'the transition at 2026-12-02T14:00:00Z is 2.0 h ahead',
    });
    expect(plan({ now: new Date(Date.parse(NEXT) - 40_000) })).toMatchObject({
      action: 'reveal',
      at: NEXT,
      why: expect.stringMatching(/40 s ahead$/),
    });
  });

  it('does nothing when another run already waits for that instant, and reveals when the one waiting is for another', () => {
    expect(plan({ now: hoursBefore(1), revealing: ['2026-12-02T14:00:00.000Z'] })).toMatchObject({ action: 'in-flight', at: NEXT });
    expect(plan({ now: hoursBefore(1), revealing: ['2026-12-01T14:00:00Z'] })).toMatchObject({ action: 'reveal', at: NEXT });
  });

  it('deploys at once when the transition is past, the commit is not the one deployed, there is no record, or on a push', () => {
    expect(plan({ now: new Date(Date.parse(NEXT) + 3 * 3_600_000) })).toMatchObject({
      action: 'deploy',
      why: 'the transition at 2026-12-02T14:00:00Z passed 3.0 h ago',
    });
    expect(plan({ now: new Date(NEXT) })).toMatchObject({ action: 'deploy' });
    expect(plan({ commit: 'b'.repeat(40) })).toMatchObject({
      action: 'deploy',
      why: 'the live site is built from aaaaaaaaaaaa, not bbbbbbbbbbbb',
    });
    expect(plan({ record: null })).toMatchObject({ action: 'deploy' });
    expect(plan({ event: 'push' })).toMatchObject({ action: 'deploy' });
    expect(plan({ force: true })).toMatchObject({ action: 'deploy' });
    expect(plan({ record: { ...record, next: 'soon' } })).toMatchObject({ action: 'deploy' });
  });

  it('dispatched runs (an external scheduler) plan like scheduled ones', () => {
    for (const event of ['workflow_dispatch', 'repository_dispatch']) {
      expect(plan({ event })).toMatchObject({ action: 'idle' });
      expect(plan({ event, now: hoursBefore(0.1) })).toMatchObject({ action: 'reveal', at: NEXT });
    }
  });

  it('takes a lead window of up to 5 hours, and the default for a value that is not one', () => {
    expect(plan({ now: hoursBefore(4), leadHours: 4 })).toMatchObject({ action: 'reveal' });
    expect(plan({ now: hoursBefore(5.5), leadHours: 8 })).toMatchObject({ action: 'idle' });
    expect(plan({ now: hoursBefore(3), leadHours: Number('soon') })).toMatchObject({ action: 'idle' });
    expect(plan({ now: hoursBefore(1), leadHours: -1 })).toMatchObject({ action: 'reveal' });
  });
});

describe('liveWindow', () => {
  const built = { at: NEXT, until: '2026-12-09T14:00:00Z' };
  it('is early before the clock, live until the next transition, over from then', () => {
    expect(liveWindow(built, new Date(Date.parse(NEXT) - 1000))).toBe('early');
    expect(liveWindow(built, new Date(NEXT))).toBe('live');
    expect(liveWindow(built, new Date(Date.parse(built.until) - 1000))).toBe('live');
    expect(liveWindow(built, new Date(built.until))).toBe('over');
  });
});

describe('revealingInstants', () => {
  it("finds other runs' reveal jobs that are not finished, never this run's", async () => {
    const responses: Record<string, unknown> = {
      '/repos/o/r/actions/workflows/deploy.yml/runs?status=in_progress&per_page=100': { workflow_runs: [{ id: 1 }, { id: 2 }, { id: 3 }] },
      '/repos/o/r/actions/runs/1/jobs?per_page=100': {
        jobs: [
          { name: 'plan', status: 'completed' },
          { name: revealJobName(NEXT), status: 'in_progress' },
        ],
      },
      '/repos/o/r/actions/runs/2/jobs?per_page=100': {
        jobs: [
          { name: 'deploy', status: 'in_progress' },
          { name: revealJobName('2026-12-03T14:00:00Z'), status: 'completed' },
        ],
      },
    };
    const asked: string[] = [];
    const get: GetJson = async (path) => {
      asked.push(path);
      return responses[path] ?? { jobs: [{ name: revealJobName('2026-12-04T14:00:00Z'), status: 'queued' }] };
    };
    expect(await revealingInstants(get, 'o/r', 'deploy.yml', '3')).toEqual([NEXT]);
    expect(asked.filter((p) => p.includes('/runs/3/'))).toEqual([]);
  });

  it('the job name the workflow gives a reveal is the one looked for', () => {
    const workflow = readFileSync(join(PROJECT_ROOT, '.github/workflows/deploy.yml'), 'utf8');
    expect(workflow).toContain("format('reveal {0}', needs.plan.outputs.at)");
    expect(revealJobName(NEXT)).toBe(`reveal ${NEXT}`);
  });
});

describe('node scripts/deploy-plan.ts, as the workflow runs it', () => {
  /** The sparse checkout of the plan job, and nothing else: no package.json, no node_modules. */
  const SPARSE = ['scripts/deploy-plan.ts', 'src/deploy/plan.ts', 'src/deploy/github-runs.ts'];
  const checkout = mkdtempSync(join(tmpdir(), 'oex-plan-checkout-'));
  for (const file of SPARSE) {
    mkdirSync(join(checkout, file, '..'), { recursive: true });
    cpSync(join(PROJECT_ROOT, file), join(checkout, file));
  }
  const run = (env: Record<string, string>, args: string[] = []) => {
    const output = join(checkout, `output-${Math.random()}`);
    writeFileSync(output, '');
    const r = spawnSync(process.execPath, ['scripts/deploy-plan.ts', '--record', '.deploy-state/record.json', ...args], {
      cwd: checkout,
      env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: output, GITHUB_SHA: COMMIT, ...env },
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout + r.stderr, outputs: readFileSync(output, 'utf8') };
  };

  it('plans a deploy when no record was restored', () => {
    const r = run({ GITHUB_EVENT_NAME: 'schedule' });
    expect(r.out).toBe('plan: deploy (no deploy is recorded (first run, or the record expired))\n');
    expect(r.outputs).toBe('action=deploy\nat=\n');
  });

  it('reads the record the last deploy left and plans from it', () => {
    mkdirSync(join(checkout, '.deploy-state'), { recursive: true });
    writeFileSync(join(checkout, '.deploy-state/record.json'), JSON.stringify(record));
    expect(run({ GITHUB_EVENT_NAME: 'schedule' }, ['--at', '2026-11-30T10:00:00Z'])).toMatchObject({
      code: 0,
      outputs: 'action=idle\nat=\n',
    });
    expect(run({ GITHUB_EVENT_NAME: 'schedule' }, ['--at', '2026-12-02T13:00:00Z'])).toMatchObject({
      code: 0,
      outputs: `action=reveal\nat=${NEXT}\n`,
    });
    expect(run({ GITHUB_EVENT_NAME: 'schedule', LEAD_HOURS: '0.5' }, ['--at', '2026-12-02T13:00:00Z']).outputs).toBe('action=idle\nat=\n');
    expect(run({ GITHUB_EVENT_NAME: 'schedule', DEPLOY_NOW: 'true' }, ['--at', '2026-11-30T10:00:00Z']).outputs).toBe(
      'action=deploy\nat=\n',
    );
  });

  it('treats a record it cannot read as none, and refuses a bad clock', () => {
    writeFileSync(join(checkout, '.deploy-state/record.json'), '{"commit": 1}');
    expect(run({ GITHUB_EVENT_NAME: 'schedule' })).toMatchObject({ code: 0, outputs: 'action=deploy\nat=\n' });
    expect(run({}, ['--at', 'tomorrow'])).toMatchObject({ code: 2, out: expect.stringMatching(/^--at: expected an instant/) });
  });
});
