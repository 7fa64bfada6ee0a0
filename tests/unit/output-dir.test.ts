import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDirProblem } from '../../src/build/output-dir.ts';
import { isWithin } from '../../src/content/path-within.ts';

const base = mkdtempSync(join(tmpdir(), 'oex-outdir-'));
const project = join(base, 'project');
const content = join(base, 'elsewhere');
mkdirSync(join(project, 'src'), { recursive: true });
mkdirSync(join(content, 'content/advisories'), { recursive: true });

describe('outputDirProblem', () => {
  it('allows a new folder, an empty one and a previous build', () => {
    expect(outputDirProblem(join(base, 'new'), project, content)).toBeUndefined();
    mkdirSync(join(base, 'empty'));
    expect(outputDirProblem(join(base, 'empty'), project, content)).toBeUndefined();
    mkdirSync(join(base, 'old-build'));
    for (const f of ['index.html', 'sitemap-index.xml', 'feed.xml']) writeFileSync(join(base, 'old-build', f), '');
    expect(outputDirProblem(join(base, 'old-build'), project, content)).toBeUndefined();
    expect(outputDirProblem(join(project, 'dist'), project, project)).toBeUndefined();
  });

  it('refuses the project, the content root, anything holding them and anything inside the content', () => {
    expect(outputDirProblem(project, project, content)).toMatch(/project folder/);
    expect(outputDirProblem(dirname(base), project, content)).toMatch(/project folder/);
    expect(outputDirProblem(content, project, content)).toMatch(/content root/);
    expect(outputDirProblem(join(content, 'content/advisories'), project, content)).toMatch(/inside the content folder/);
    expect(outputDirProblem(join(project, 'src/pages'), project, project)).toMatch(/project's src\/ folder/);
    expect(outputDirProblem(join(project, 'content'), project, project)).toMatch(/inside the content folder/);
  });

  it('refuses a folder with other things in it, and a file', () => {
    mkdirSync(join(base, 'notes'));
    writeFileSync(join(base, 'notes', 'IMPORTANT.txt'), 'keep me');
    expect(outputDirProblem(join(base, 'notes'), project, content)).toMatch(/not a previous build of this site/);
    writeFileSync(join(base, 'a-file'), '');
    expect(outputDirProblem(join(base, 'a-file'), project, content)).toMatch(/not a folder/);
  });
});

describe('isWithin', () => {
  it('holds for the folder itself and what is inside, not for siblings sharing a prefix or names starting with dots', () => {
    expect(isWithin('/a/b', '/a/b')).toBe(true);
    expect(isWithin('/a/b', '/a/b/c/d')).toBe(true);
    expect(isWithin('/a/b', '/a/bc')).toBe(false);
    expect(isWithin('/a/b', '/a')).toBe(false);
    expect(isWithin('/a/b', '/a/b/../c')).toBe(false);
    expect(isWithin('/a/b', '/a/b/..foo')).toBe(true);
  });
});
