/**
 * `npm run build` refuses bad flags and dangerous output folders before it reads or removes
 * anything. Those refusals come before the build touches its process, so they run in-process;
 * the build itself is spawned (tests/support/build-site.ts), and so is the last test here.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as buildCommand, describeFailure } from '../../src/commands/build.ts';
import { cleanEnv, PROJECT_ROOT } from '../support/build-site.ts';
import { runCommand } from '../support/run-command.ts';

const spawnBuild = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['scripts/build.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: cleanEnv({ BUILD_AT: '', ...env }),
    encoding: 'utf8',
  });
/** The command in this process; only for arguments it refuses before building. */
const build = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = await runCommand(buildCommand, args, { env });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
};

describe('npm run build, before building', () => {
  it('prints its usage for --help and builds nothing', async () => {
    const r = await build(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: npm run build');
    expect(r.stdout).not.toContain('build clock');
  });

  it('refuses an unknown flag, a stray argument and --out without a folder', async () => {
    for (const args of [['--bogus'], ['dist2'], ['--out']]) {
      const r = await build(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: npm run build');
    }
  });

  it('refuses to replace the content root or a folder that is not a previous build, and removes nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'oex-build-cli-'));
    cpSync(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
    writeFileSync(join(root, 'IMPORTANT.txt'), 'keep me');
    const intoRoot = await build(['--out', root, '--at', '2026-11-30T19:00:00Z'], { CONTENT_ROOT: root });
    expect(intoRoot.status).toBe(2);
    expect(intoRoot.stderr).toContain('--out:');
    expect(intoRoot.stderr).toContain('content root');
    expect(readFileSync(join(root, 'IMPORTANT.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(root, 'content/site.yaml'))).toBe(true);

    const other = mkdtempSync(join(tmpdir(), 'oex-build-cli-other-'));
    writeFileSync(join(other, 'notes.txt'), 'keep me too');
    const intoOther = await build([`--out=${other}`], { CONTENT_ROOT: root });
    expect(intoOther.status).toBe(2);
    expect(intoOther.stderr).toContain('not a previous build of this site');
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('keep me too');

    const project = await build(['--out', '.']);
    expect(project.status).toBe(2);
    expect(project.stderr).toContain('project folder');
  });

  it('takes its clock from --at only: BUILD_AT is not read', () => {
    // Broken content stops the build right after the clock is read; a BUILD_AT it read would be refused first (exit 2).
    const root = mkdtempSync(join(tmpdir(), 'oex-build-cli-'));
    cpSync(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
    writeFileSync(join(root, 'content/site.yaml'), 'title: [unclosed');
    const r = spawnBuild([], { CONTENT_ROOT: root, BUILD_AT: 'not an instant' });
    expect(r.stderr).toContain('build refused');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('(real time)');
  });
});

describe('what a failed build says', () => {
  it('the error message when it has one, else the whole error: Astro has errors with a title and no message', () => {
    expect(describeFailure(new Error('Cannot find module x'))).toBe('Cannot find module x');
    const untitled = Object.assign(new Error(''), { name: 'UnknownFilesystemError', cause: new Error('ENOENT: rename a.tmp') });
    expect(describeFailure(untitled)).toMatch(/UnknownFilesystemError[\s\S]*ENOENT: rename a\.tmp/);
    expect(describeFailure(new AggregateError([new Error('first'), new Error('second')]))).toMatch(/first[\s\S]*second/);
    expect(describeFailure('a string')).toBe("'a string'");
  });
});
