/** `npm run build` refuses bad flags and dangerous output folders before it reads or removes anything. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PROJECT_ROOT } from '../support/build-site.ts';

const build = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['scripts/build.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: cleanEnv({ BUILD_AT: '', ...env }),
    encoding: 'utf8',
  });

describe('npm run build, before building', () => {
  it('prints its usage for --help and builds nothing', () => {
    const r = build(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: npm run build');
    expect(r.stdout).not.toContain('build clock');
  });

  it('refuses an unknown flag, a stray argument and --out without a folder', () => {
    for (const args of [['--bogus'], ['dist2'], ['--out']]) {
      const r = build(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: npm run build');
    }
  });

  it('refuses to replace the content root or a folder that is not a previous build, and removes nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'oex-build-cli-'));
    cpSync(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
    writeFileSync(join(root, 'IMPORTANT.txt'), 'keep me');
    const intoRoot = build(['--out', root, '--at', '2026-11-30T19:00:00Z'], { CONTENT_ROOT: root });
    expect(intoRoot.status).toBe(2);
    expect(intoRoot.stderr).toContain('--out:');
    expect(intoRoot.stderr).toContain('content root');
    expect(readFileSync(join(root, 'IMPORTANT.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(root, 'content/site.yaml'))).toBe(true);

    const other = mkdtempSync(join(tmpdir(), 'oex-build-cli-other-'));
    writeFileSync(join(other, 'notes.txt'), 'keep me too');
    const intoOther = build([`--out=${other}`], { CONTENT_ROOT: root });
    expect(intoOther.status).toBe(2);
    expect(intoOther.stderr).toContain('not a previous build of this site');
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('keep me too');

    const project = build(['--out', '.']);
    expect(project.status).toBe(2);
    expect(project.stderr).toContain('project folder');
  });
});
