/**
 * The site's own code as text: templates, styles, scripts and static files. Whatever of it
 * reaches the output (labels, CSS, CSP hash names like "sha256") is there whatever an advisory
 * says, so a plain value it also holds is no evidence of a leak (distinctive.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { words } from './words.ts';

const PROJECT = resolve(import.meta.dirname, '../../..');
const FOLDERS = ['src', 'public'];
const SOURCE = /\.(ts|astro|mjs|js|css|svg|txt)$/;

let cached: string | undefined;
let cachedWords: string[] | undefined;
let cachedPrinted: string[] | undefined;

/** Every source file of the project's site, once per process. */
export function siteCode(): string {
  if (cached !== undefined) return cached;
  const parts: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && SOURCE.test(e.name)) parts.push(readFileSync(path, 'utf8'));
    }
  };
  for (const folder of FOLDERS) walk(join(PROJECT, folder));
  try {
    parts.push(readFileSync(join(PROJECT, 'astro.config.mjs'), 'utf8'));
  } catch {
    // a project without its own config reads none
  }
  return (cached = parts.join('\n'));
}

/** The words of siteCode(), once per process. */
export function siteCodeWords(): string[] {
  return (cachedWords ??= words(siteCode()));
}

/**
 * The words of siteCode() without its comments: what the code may print. Dates are judged by
 * these only, so an example date in a comment cannot excuse an embargoed advisory's date.
 */
export function printedCodeWords(): string[] {
  return (cachedPrinted ??= words(
    siteCode()
      .replace(/\/\*[\s\S]*?\*\//g, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1'),
  ));
}
