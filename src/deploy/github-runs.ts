/**
 * Which instants other runs of the deploy workflow are waiting to reveal, from GitHub's REST
 * API (https://docs.github.com/en/rest/actions/workflow-runs): a waiting run's deploy job is
 * named `reveal <instant>` (REVEAL_JOB, the job name in .github/workflows/deploy.yml).
 * Node's own modules only, like plan.ts: the workflow's first step runs it with nothing
 * installed.
 */

/** GET a path of the API (`/repos/…`) and its parsed JSON body. */
export type GetJson = (path: string) => Promise<unknown>;

export const revealJobName = (at: string) => `reveal ${at}`;

type Runs = { workflow_runs?: Array<{ id: number }> };
type Jobs = { jobs?: Array<{ name: string; status: string }> };

export async function revealingInstants(get: GetJson, repository: string, workflowFile: string, ownRunId: string): Promise<string[]> {
  const runs = (await get(`/repos/${repository}/actions/workflows/${workflowFile}/runs?status=in_progress&per_page=100`)) as Runs;
  const instants: string[] = [];
  for (const run of runs.workflow_runs ?? []) {
    if (String(run.id) === ownRunId) continue;
    const { jobs = [] } = (await get(`/repos/${repository}/actions/runs/${run.id}/jobs?per_page=100`)) as Jobs;
    for (const job of jobs) {
      const at = /^reveal (\S+)$/.exec(job.name)?.[1];
      if (at && job.status !== 'completed') instants.push(at);
    }
  }
  return instants;
}

/** A GetJson over fetch, authenticated with a token (the workflow's GITHUB_TOKEN needs `actions: read`). */
export function githubApi(token: string, apiUrl = 'https://api.github.com'): GetJson {
  return async (path) => {
    const res = await fetch(`${apiUrl}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
      signal: AbortSignal.timeout(20_000),
    });
    if (!res.ok) throw new Error(`GitHub API ${path}: HTTP ${res.status}`);
    return res.json();
  };
}
