/**
 * The deploy workflow's shape, which no test run on GitHub can check for us: the plan job
 * installs nothing and fetches only files that import nothing but Node and each other; every
 * action of every workflow is pinned by commit; runs that plan nothing stop after the plan; the
 * steps of a deploy come in the order that keeps an unverified deploy from being recorded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAX_LEAD_HOURS } from '../../src/deploy/plan.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';

type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown> };
type Job = { steps: Step[]; if?: string; 'timeout-minutes': number; needs?: string };
const text = readFileSync(join(PROJECT_ROOT, '.github/workflows/deploy.yml'), 'utf8');
const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const { plan, deploy } = workflow.jobs as { plan: Job; deploy: Job };

/** What a TypeScript file imports: node: modules and relative paths. */
function imports(file: string): string[] {
  const source = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  return [...source.matchAll(/^import [^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const WORKFLOWS = readdirSync(join(PROJECT_ROOT, '.github/workflows'));

describe('every workflow', () => {
  // A tag can be moved to other code; a commit cannot.
  it.each(WORKFLOWS)('%s pins every action to a full commit SHA, with the version beside it', (name) => {
    const source = readFileSync(join(PROJECT_ROOT, '.github/workflows', name), 'utf8');
    const uses = [...source.matchAll(/uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, comment] of uses) {
      expect(ref, `${name}: ${ref}`).toMatch(/^[\w-]+\/[\w/-]+@[0-9a-f]{40}$/);
      expect(comment, `${name}: ${ref}`).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });
});

describe('.github/workflows/deploy.yml', () => {
  it('plans with nothing installed, from a sparse checkout of files that need only Node', () => {
    for (const step of plan.steps) {
      expect(step.run ?? '', step.run).not.toMatch(/\bnp[mx]\b|yarn|pnpm|pip|apt/);
      expect(step.with?.cache, step.uses).toBeUndefined();
    }
    const checkout = plan.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    const files = String(checkout.with!['sparse-checkout']).trim().split('\n');
    expect(checkout.with!['sparse-checkout-cone-mode']).toBe(false);
    const code = files.filter((f) => f.endsWith('.ts'));
    expect(plan.steps.at(-1)!.run).toMatch(/^node scripts\/deploy-plan\.ts /);
    for (const file of code) {
      for (const spec of imports(file)) {
        if (spec.startsWith('node:')) continue;
        const target = join(file, '..', spec);
        expect(code, `${file} imports ${spec}, which the sparse checkout does not fetch`).toContain(target);
      }
    }
  });

  it('stops after the plan unless it says deploy or reveal, and names a reveal job after its instant', () => {
    expect(deploy.needs).toBe('plan');
    expect(deploy.if).toBe("needs.plan.outputs.action == 'deploy' || needs.plan.outputs.action == 'reveal'");
    expect(plan['timeout-minutes']).toBeLessThanOrEqual(5);
  });

  it('runs hourly away from the start of the hour, and on push, dispatch and repository_dispatch', () => {
    const [cron] = (workflow.on.schedule as Array<{ cron: string }>).map((s) => s.cron);
    expect(cron).toMatch(/^([1-9]|[1-5]\d) \* \* \* \*$/);
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'repository_dispatch', 'schedule', 'workflow_dispatch']);
  });

  it('gives a reveal the whole lead window and stays within the 6-hour job limit', () => {
    expect(deploy['timeout-minutes']).toBeGreaterThan(MAX_LEAD_HOURS * 60 + 30);
    expect(deploy['timeout-minutes']).toBeLessThan(360);
  });

  it('builds, publishes, verifies, and only then records the deploy and publishes the mirror (when configured)', () => {
    const at = (pattern: RegExp) => deploy.steps.findIndex((s) => pattern.test(`${s.uses ?? ''} ${s.run ?? ''}`));
    const order = [
      /npm run deploy-build/,
      /wrangler-action|nginx-publish\.sh switch/,
      /npm run verify-live/,
      /actions\/cache\/save/,
      /npm run publish-mirror/,
    ].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(deploy.steps[order[4]!]!.if).toBe("vars.PUBLIC_MIRROR_REMOTE != ''");
  });
});

describe('the mirror in the workflows', () => {
  const load = (name: string) => {
    const source = readFileSync(join(PROJECT_ROOT, '.github/workflows', name), 'utf8');
    return {
      source,
      workflow: parse(source) as { on: Record<string, unknown>; jobs: Record<string, Job & { env?: Record<string, string> }> },
    };
  };

  it('publishes the mirror at the clock just deployed', () => {
    const step = deploy.steps.find((s) => /npm run publish-mirror/.test(s.run ?? '')) as Step & { env: Record<string, string> };
    expect(step.run).toContain('npm run publish-mirror -- "$REMOTE" --at "$CLOCK"');
    expect(step.env.CLOCK).toBe('${{ steps.build.outputs.clock }}');
  });

  it('apply-public runs only when dispatched and proposes its changes on a branch of their own, never on main', () => {
    const { workflow } = load('apply-public.yml');
    expect(Object.keys(workflow.on)).toEqual(['workflow_dispatch']);
    const job = workflow.jobs.apply!;
    expect(job.if).toBe("vars.PUBLIC_MIRROR_REMOTE != ''");
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/npm run apply-public -- "\$REMOTE"/);
    expect(runs.indexOf('npm run check')).toBeGreaterThan(runs.indexOf('npm run apply-public'));
    const pushes = [...runs.matchAll(/git push (.*)$/gm)].map((m) => m[1]);
    expect(pushes).toEqual(['origin "HEAD:refs/heads/$branch"']);
    expect(runs).toContain('branch="from-public/run-$GITHUB_RUN_ID"');
    expect(runs).toContain('gh pr create --base main --head "$branch"');
  });

  it('the public repository checks its pull requests as this one does: validate.yml travels with the code', () => {
    const { workflow } = load('validate.yml');
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    const runs = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
    expect(runs).toContain('npm run check -- --changed --format github');
    expect(runs).toContain('sh .ci/run');
  });
});
