/**
 * Content rules that ask the visibility gate what is public at the clock. They run wherever
 * content is checked (`check`, its `--at`, and the build at its clock), after the content
 * rules of src/content/lint.ts: a rule of this kind is a CorpusRule added to EMBARGO_RULES.
 */
import type { CorpusRule } from '../content/lint/corpus-rule.ts';
import { readCorpus, type ReadResult } from '../content/read-content.ts';
import type { Problem } from '../content/problems.ts';
import { DETAIL_FIELDS } from '../schemas/notice-only.ts';
import { visibilityOf } from './visibility.ts';

/** A notice-only file may stand in for an advisory until publication, never at it. */
export const noticeOnlyDue: CorpusRule = ({ notices, at }) => {
  const problems: Problem[] = [];
  for (const { file, data, lineOf } of notices) {
    const phase = visibilityOf(data, at);
    if (phase !== 'published' && phase !== 'withdrawn') continue;
    problems.push({
      file,
      field: 'publish_at',
      line: lineOf(['publish_at']),
      message: `has passed at the clock (${at.toISOString().replace('.000Z', 'Z')}), and the file holds only the notice: a published advisory needs ${DETAIL_FIELDS.join(', ')} and its Markdown body (add them, or move publish_at later)`,
    });
  }
  return problems;
};

export const EMBARGO_RULES: readonly CorpusRule[] = [noticeOnlyDue];

/** The content read and checked with every rule, at `at` (`check` and the build). */
export function readCheckedCorpus(root: string, only: readonly string[] | undefined, at: Date): ReadResult {
  return readCorpus(root, only, { at, rules: EMBARGO_RULES });
}
