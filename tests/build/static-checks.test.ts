/**
 * The checks a reviewer would run before reading a change, as part of the suite so CI runs
 * them on every stop: types (`astro check`, which covers .astro files and the content
 * collection's generated types), lint (`npm run lint`'s rules, in-process) and formatting
 * (`npm run format:check`). Each failure lists what to fix.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PROJECT_ROOT } from '../support/build-site.ts';

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules/.bin', name);

function run(command: string, args: string[]) {
  const r = spawnSync(command, args, { cwd: PROJECT_ROOT, env: cleanEnv(), encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('static checks', () => {
  it('astro check: no type error in any .ts or .astro file', () => {
    const r = run(bin('astro'), ['check']);
    expect(r.output).toMatch(/- 0 errors/);
    expect(r.status, r.output).toBe(0);
  });

  it('ESLint: no error and no warning', async () => {
    const eslint = new ESLint({ cwd: PROJECT_ROOT });
    const results = await eslint.lintFiles(['.']);
    const problems = results.flatMap((file) =>
      file.messages.map((m) => `${file.filePath.slice(PROJECT_ROOT.length + 1)}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`),
    );
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(100); // it did look at the project
  });

  it('Prettier: every file it formats is formatted', () => {
    const r = run(bin('prettier'), ['--check', '.']);
    expect(r.status, r.output).toBe(0);
  });
});
