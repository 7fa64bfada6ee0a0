/**
 * `npm run reveal-drill` as anyone would run it: an advisory scheduled 40 s ahead in a copy of
 * the content, revealed by the deploy workflow's plan, build and publish steps on a local
 * nginx. Nothing may be served before publish_at (the drill fails then), and verify-live
 * must pass within a minute of it.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PROJECT_ROOT } from '../support/build-site.ts';

describe('npm run reveal-drill', () => {
  it('reveals the advisory on time and says how long after publish_at it was live', async () => {
    const { code, out } = await new Promise<{ code: number | null; out: string }>((done) => {
      const child = spawn(process.execPath, ['scripts/reveal-drill.ts'], { cwd: PROJECT_ROOT, env: cleanEnv({ BUILD_AT: '' }) });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('close', (code) => done({ code, out }));
    });
    expect(code, out).toBe(0);
    expect(out).toMatch(/^plan: deploy \(no deploy is recorded/m);
    expect(out).toMatch(/^plan: reveal \S+ \(the transition at \S+ is \d+ s ahead\)$/m);
    expect(out).toMatch(/^reveal-drill: switched [\d.]+ s after publish_at; \d+ polls of 4 URLs before it$/m);
    const last = out.trim().split('\n').at(-1)!;
    const seconds = /^reveal: live (\d+\.\d) s after publish_at$/.exec(last)?.[1];
    expect(seconds, last).toBeDefined();
    expect(Number(seconds)).toBeLessThanOrEqual(60);
    console.log(last);
  }, 240_000);
});
