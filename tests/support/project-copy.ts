/**
 * A throwaway copy of the project's code (not its dependencies, which are linked), for tests
 * that must change the site itself, e.g. add a deliberately leaky page.
 */
import { cpSync, mkdtempSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from './build-site.ts';

// Prose pages live in content/pages and are read from the project, so they come along.
const CODE = ['src', 'scripts', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export function copyProject(extraFiles: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'oex-project-'));
  for (const name of CODE) cpSync(join(PROJECT_ROOT, name), join(root, name), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries(extraFiles)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
