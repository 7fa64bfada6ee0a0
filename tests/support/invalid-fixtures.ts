/**
 * The invalid-content fixtures (tests/fixtures/invalid/README.md): each folder an overlay of a
 * `content/` folder with one fault, and beside it `expected.txt`, the exact output of check.
 */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './build-site.ts';

export const INVALID = join(FIXTURES, 'invalid');
export const VALID = join(FIXTURES, 'valid');
export const EXPECTED = 'expected.txt';

/** The fixture folders, by name (the template `_base` left out). */
export function invalidFixtures(): string[] {
  return readdirSync(INVALID, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== '_base')
    .map((d) => d.name)
    .sort();
}

/** A temporary content root: the valid base with the overlays (not their expected output) copied over `content/`. */
export function overlayRoot(...overlays: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'oex-invalid-'));
  cpSync(join(VALID, 'content'), join(root, 'content'), { recursive: true });
  for (const o of overlays) cpSync(join(INVALID, o), join(root, 'content'), { recursive: true, filter: (src) => !src.endsWith(EXPECTED) });
  return root;
}
