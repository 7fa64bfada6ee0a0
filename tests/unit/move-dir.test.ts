import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeInto } from '../../src/build/move-dir.ts';

const roots: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'oex-merge-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('mergeInto', () => {
  it('moves new folders whole, merges shared ones file by file, and removes the source', () => {
    const out = tree({ 'osv/index.json': 'index', 'index.html': 'home' });
    const staged = tree({ 'osv/OEA-2026-001.json': 'a', '.well-known/csaf/white/2026/oea-2026-001.json': 'b' });
    mergeInto(staged, out);
    expect(readFileSync(join(out, 'osv/index.json'), 'utf8')).toBe('index');
    expect(readFileSync(join(out, 'osv/OEA-2026-001.json'), 'utf8')).toBe('a');
    expect(readFileSync(join(out, '.well-known/csaf/white/2026/oea-2026-001.json'), 'utf8')).toBe('b');
    expect(existsSync(staged)).toBe(false);
  });

  it('refuses a file that both sides wrote, naming it', () => {
    const out = tree({ 'osv/OEA-2026-001.json': 'from a route' });
    const staged = tree({ 'osv/OEA-2026-001.json': 'from the exports' });
    expect(() => mergeInto(staged, out)).toThrow(/osv\/OEA-2026-001\.json: written twice/);
    expect(readFileSync(join(out, 'osv/OEA-2026-001.json'), 'utf8')).toBe('from a route');
  });
});
