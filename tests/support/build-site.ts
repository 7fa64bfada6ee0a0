/**
 * Runs the real production build (`scripts/build.ts`) in a child process against a content
 * folder, so tests see exactly what `npm run build` would publish.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures');

export type BuildResult = { code: number; stdout: string; stderr: string; outDir: string };

/** Builds the site from `contentRoot` (a folder holding `content/`) at clock `at`. */
export function buildSite(contentRoot: string, at: string, outDir = mkdtempSync(join(tmpdir(), 'oex-dist-'))): BuildResult {
  const run = spawnSync(process.execPath, ['scripts/build.ts', '--at', at, '--out', outDir], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CONTENT_ROOT: contentRoot, BUILD_AT: '' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr, outDir };
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
