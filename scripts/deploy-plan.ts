/**
 * node scripts/deploy-plan.ts [--record <file>] [--at <instant>]
 *
 * The deploy workflow's first step: what this run does (src/deploy/plan.ts), from the record
 * the last deploy left (a JSON file, missing on a first run), the other runs waiting to
 * reveal an instant (GitHub's API, with GH_TOKEN) and the clock (`--at`, for tests). Prints
 * the plan; under GitHub Actions also writes `action` and `at` to $GITHUB_OUTPUT.
 *
 * It runs before anything is installed, so it uses Node's own modules and the two modules
 * beside plan.ts only. Environment: GITHUB_EVENT_NAME, GITHUB_SHA, GITHUB_REPOSITORY,
 * GITHUB_RUN_ID, GITHUB_WORKFLOW_REF, GITHUB_API_URL, GH_TOKEN; LEAD_HOURS (default 2);
 * DEPLOY_NOW=true for a deploy asked for by hand.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { githubApi, revealingInstants } from '../src/deploy/github-runs.ts';
import { planRun, type DeployRecord } from '../src/deploy/plan.ts';

const USAGE = 'usage: node scripts/deploy-plan.ts [--record <file>] [--at <instant>]';
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const env = process.env;

let flags: { record?: string | undefined; at?: string | undefined };
try {
  flags = parseArgs({ options: { record: { type: 'string' }, at: { type: 'string' } }, strict: true }).values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (flags.at !== undefined && !INSTANT.test(flags.at)) {
  console.error(`--at: expected an instant with an offset such as 2026-12-02T14:00:00Z (found "${flags.at}")`);
  process.exit(2);
}

/** The record, or null when there is none or it is not one (then the run deploys, which writes a new one). */
function readRecord(file: string | undefined): DeployRecord | null {
  if (!file || !existsSync(file)) return null;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Partial<DeployRecord>;
    if ([r.commit, r.at, r.next].every((v) => typeof v === 'string' && v)) return r as DeployRecord;
  } catch {
    // Unreadable: treated as missing, below.
  }
  console.log(`${file}: not a deploy record; planning as if there were none`);
  return null;
}

/** Other runs waiting to reveal; when the API cannot say, none (two runs revealing one instant do no harm). */
async function revealing(): Promise<string[]> {
  const { GH_TOKEN, GITHUB_REPOSITORY, GITHUB_WORKFLOW_REF, GITHUB_RUN_ID = '', GITHUB_API_URL } = env;
  if (!GH_TOKEN || !GITHUB_REPOSITORY || !GITHUB_WORKFLOW_REF) return [];
  const workflow = basename(GITHUB_WORKFLOW_REF.split('@')[0]!);
  try {
    return await revealingInstants(githubApi(GH_TOKEN, GITHUB_API_URL), GITHUB_REPOSITORY, workflow, GITHUB_RUN_ID);
  } catch (e) {
    console.log(`::warning::cannot list the runs of ${workflow} (${(e as Error).message}); assuming none is waiting to reveal`);
    return [];
  }
}

const plan = planRun({
  event: env.GITHUB_EVENT_NAME ?? 'workflow_dispatch',
  commit: env.GITHUB_SHA ?? '',
  record: readRecord(flags.record),
  revealing: await revealing(),
  now: flags.at ? new Date(flags.at) : new Date(),
  ...(env.LEAD_HOURS ? { leadHours: Number(env.LEAD_HOURS) } : {}),
  force: env.DEPLOY_NOW === 'true',
});
console.log(`plan: ${plan.action}${'at' in plan ? ` ${plan.at}` : ''} (${plan.why})`);
if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `action=${plan.action}\nat=${'at' in plan ? plan.at : ''}\n`);
