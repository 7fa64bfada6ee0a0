/**
 * Runs the real production build (`scripts/build.ts`) in a child process against a content
 * folder, so tests see exactly what `npm run build` would publish.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readOutput } from '../../src/embargo/leak-scan.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures');

/**
 * The environment a developer's shell would give a child: without Vitest's own variables, and
 * without colour. CI sets FORCE_COLOR and CI, either of which makes Astro's and Vite's loggers
 * split a line such as "[build] directory:" with escape codes, so that a test matching the
 * output would find nothing on CI and pass or fail otherwise than here. NO_COLOR outranks
 * both in their colour libraries; Node's own colours follow FORCE_COLOR, so that goes.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (['NODE_ENV', 'TEST', 'PROD', 'DEV', 'MODE', 'SSR', 'BASE_URL', 'FORCE_COLOR'].includes(key) || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

export type BuildResult = { code: number; stdout: string; stderr: string; outDir: string };

export type BuildOptions = {
  outDir?: string;
  /** Extra environment for the build process. */
  env?: NodeJS.ProcessEnv;
  /** Build another copy of the project (e.g. one with a deliberately leaky page). */
  projectRoot?: string;
};

/** Builds the site from `contentRoot` (a folder holding `content/`) at clock `at`. */
export function buildSite(contentRoot: string, at: string, options: BuildOptions | string = {}): BuildResult {
  const {
    outDir = mkdtempSync(join(tmpdir(), 'oex-dist-')),
    env = {},
    projectRoot = PROJECT_ROOT,
  } = typeof options === 'string' ? { outDir: options } : options;
  const run = spawnSync(process.execPath, ['scripts/build.ts', '--at', at, '--out', outDir], {
    cwd: projectRoot,
    env: cleanEnv({ BUILD_AT: '', ...env, CONTENT_ROOT: contentRoot }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr, outDir };
}

/** Every file under `dir`, relative path to content as a client reads it (decompressed). */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(relative(dir, p).split(sep).join('/'), readOutput(p));
    }
  };
  walk(dir);
  return files;
}

/**
 * A throwaway content root: a copy of `tests/fixtures/<base>/content` (default: the
 * project's own content), plus extra files given as `{ 'advisories/2026/X.md': text }`.
 */
export function makeContentRoot(extra: Record<string, string> = {}, base?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'oex-content-'));
  const source = base ? join(FIXTURES, base, 'content') : join(PROJECT_ROOT, 'content');
  cpSync(source, join(root, 'content'), { recursive: true });
  for (const [path, text] of Object.entries(extra)) {
    const file = join(root, 'content', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

/** A content root with the project's site facts and releases but only the given advisories. */
export function makeBareContentRoot(advisories: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'oex-content-'));
  mkdirSync(join(root, 'content/advisories'), { recursive: true });
  for (const name of ['site.yaml', 'releases.yaml']) cpSync(join(PROJECT_ROOT, 'content', name), join(root, 'content', name));
  for (const [path, text] of Object.entries(advisories)) {
    const file = join(root, 'content', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}
