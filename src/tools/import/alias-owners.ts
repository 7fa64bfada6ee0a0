/**
 * Which existing advisories already carry one of these aliases. An imported record whose CVE
 * or GHSA id is already on the site is an update to that advisory, not a new one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listAdvisoryFiles } from '../../content/read-content.ts';
import { parseMarkdownFile } from '../../content/frontmatter.ts';

export function aliasOwners(root: string, aliases: readonly string[]): Array<{ alias: string; file: string }> {
  const owners: Array<{ alias: string; file: string }> = [];
  for (const file of listAdvisoryFiles(root)) {
    let found: unknown;
    try {
      found = parseMarkdownFile(readFileSync(join(root, file), 'utf8')).data.aliases;
    } catch {
      continue; // an unreadable file is check's business, not the importer's
    }
    if (!Array.isArray(found)) continue;
    for (const alias of aliases) if (found.includes(alias)) owners.push({ alias, file });
  }
  return owners;
}
