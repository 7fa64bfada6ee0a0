/**
 * Golden messages: for every invalid fixture, the exact output of `npm run check` (its lines
 * on standard output, then standard error) is stored beside it as `expected.txt`, so any
 * change to a message shows up in review. After an intended change, rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/golden-messages.test.ts` and read the diff.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { EXPECTED, INVALID, invalidFixtures, overlayRoot } from '../support/invalid-fixtures.ts';

/** The clock every fixture is checked at (the release calendar is quiet then). */
const AT = '2026-11-01T00:00:00Z';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function checkOutput(root: string): string {
  const out: string[] = [];
  const err: string[] = [];
  const env = { CONTENT_ROOT: root, INIT_CWD: PROJECT_ROOT, GITHUB_ACTIONS: '' };
  const status = runCheck(['--at', AT], env, PROJECT_ROOT, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return `${[...out, ...err].join('\n')}\nexit status ${status}\n`;
}

describe.each(invalidFixtures())('%s', (name) => {
  it(`check prints exactly ${name}/${EXPECTED}`, () => {
    const root = overlayRoot(name);
    const output = checkOutput(root);
    rmSync(root, { recursive: true, force: true });
    const golden = join(INVALID, name, EXPECTED);
    if (UPDATE) writeFileSync(golden, output);
    expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/unit/golden-messages.test.ts`).toBe(true);
    expect(output).toBe(readFileSync(golden, 'utf8'));
    expect(output).toMatch(/\nexit status 1\n$/);
  });
});
