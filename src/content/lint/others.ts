/**
 * The fast path's cross-file rule: when only some files are checked (`check <file>`,
 * `check --changed`), their ids and aliases are held against the other files without
 * validating those. A cheap text search first; only a file that mentions an alias is parsed,
 * so both block lists (- CVE-…) and flow lists ([CVE-…, GHSA-…]) are read exactly.
 */
import { join } from 'node:path';
import type { AdvisoryEntry, NoticeOnlyEntry } from '../corpus.ts';
import { parseMarkdownFile } from '../frontmatter.ts';
import type { Problem } from '../problems.ts';
import { readContentFile } from '../read-file.ts';
import { aliasTakenMessage, duplicateMessage } from './corpus.ts';

export function lintAgainstOthers(root: string, checked: ReadonlyArray<AdvisoryEntry | NoticeOnlyEntry>, others: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const other of others) {
    const base = other.split('/').pop()!.replace(/\.md$/, '');
    let text: string | undefined;
    let aliases: unknown;
    for (const { file, data, lineOf } of checked) {
      if (data.id === base) problems.push({ file, field: 'id', message: duplicateMessage(data.id, other), line: lineOf(['id']) });
      if (!('aliases' in data)) continue;
      data.aliases.forEach((alias, i) => {
        text ??= readContentFile(join(root, other)).text ?? '';
        if (!text.includes(alias)) return;
        aliases ??= aliasesIn(text);
        if (Array.isArray(aliases) && aliases.includes(alias)) {
          problems.push({ file, field: `aliases[${i}]`, message: aliasTakenMessage(alias, other), line: lineOf(['aliases', i]) });
        }
      });
    }
  }
  return problems;
}

/** The aliases field of an advisory's text, or undefined when it does not parse (reported on its own check). */
function aliasesIn(text: string): unknown {
  try {
    return parseMarkdownFile(text).data.aliases;
  } catch {
    return undefined;
  }
}
