/**
 * The pieces that make an import need little editing, on made-up text (the real records are
 * in import.test.ts): the flaw summary, the named releases a record mentions, and repository
 * names brought up to date.
 */
import { describe, expect, it } from 'vitest';
import { mentionedReleases } from '../../src/tools/import/release-mentions.ts';
import { flawSummary, sentences, SUMMARY_MAX, withoutProductIntroduction } from '../../src/tools/import/summary.ts';
import { currentGithubUrl, currentRepository } from '../../src/tools/repository-names.ts';

describe('the flaw summary', () => {
  it('drops the product introduction, the versions sentence and the fix, and strips a version prefix', () => {
    expect(
      flawSummary(
        'Frobnicator is a plugin that provides widgets for courses. Versions 2.0 and above, prior to 2.3, are vulnerable. ' +
          'Prior to commit abc1234, the widget view could render any learner name as HTML. This issue is patched in 2.3.',
      ),
    ).toBe('The widget view could render any learner name as HTML.');
  });

  it('keeps the context before the first flaw sentence and the flaw sentences after it, within the limit', () => {
    const context = 'Staff can export grades as a CSV file.';
    const flaw = 'The export could include learners of other courses.';
    const more = 'An attacker with staff rights could read any grade.';
    const after = 'The export runs nightly.';
    expect(flawSummary(`${context} ${flaw} ${more} ${after}`)).toBe(`${context} ${flaw} ${more}`);
    const long = Array.from({ length: 12 }, (_, i) => `Context sentence number ${i} explains the setting at length.`).join(' ');
    expect(long.length).toBeGreaterThan(SUMMARY_MAX);
    expect(flawSummary(`${long} ${flaw}`)).toBe(flaw);
  });

  it('falls back to the first sentence kept when none says what is wrong, and to nothing for an empty text', () => {
    expect(flawSummary('Widgets render in the sidebar. They use a template.')).toBe('Widgets render in the sidebar.');
    expect(flawSummary('The fix is in 2.3.')).toBeUndefined();
    expect(flawSummary(undefined)).toBeUndefined();
  });

  it('splits sentences at a full stop before a capital, not inside versions, paths or abbreviations', () => {
    expect(sentences('Fixed in 7.0.5. See lms/views.py:430 e.g. the view.   It ran (twice). "Quoted" too')).toEqual([
      'Fixed in 7.0.5.',
      'See lms/views.py:430 e.g. the view.',
      'It ran (twice).',
      '"Quoted" too',
    ]);
  });

  it("removes only a leading product introduction from the Impact section's first paragraph", () => {
    expect(withoutProductIntroduction('Frobnicator is a plugin for courses. The view could leak grades.')).toBe(
      'The view could leak grades.',
    );
    expect(withoutProductIntroduction('The view could leak grades. Frobnicator is a plugin.')).toBe(
      'The view could leak grades. Frobnicator is a plugin.',
    );
    // A paragraph that is only an introduction stays: something must be left to reword.
    expect(withoutProductIntroduction('Frobnicator is a plugin.')).toBe('Frobnicator is a plugin.');
  });
});

describe('named releases a record mentions', () => {
  const known = ['palm', 'quince', 'teak', 'ulmo', 'verawood'];
  it('are the known names used as words, newest first', () => {
    expect(mentionedReleases('uses versions master, Palm, olive or open-release/ulmo.master', known)).toEqual(['ulmo', 'palm']);
    expect(mentionedReleases('the palmer method on a teaktree', known)).toEqual([]);
  });
});

describe('repository names', () => {
  it('are brought to their current name in names and GitHub URLs, case aside, and nothing else changes', () => {
    expect(currentRepository('openedx/edx-platform')).toBe('openedx/openedx-platform');
    expect(currentRepository('openedx/edx-ora2')).toBe('openedx/edx-ora2');
    expect(currentGithubUrl('https://github.com/openedx/edx-platform/commit/019888f')).toBe(
      'https://github.com/openedx/openedx-platform/commit/019888f',
    );
    expect(currentGithubUrl('https://github.com/OpenedX/edx-platform/security/advisories/GHSA-qx8m-mqx3-j9fm')).toBe(
      'https://github.com/openedx/openedx-platform/security/advisories/GHSA-qx8m-mqx3-j9fm',
    );
    expect(currentGithubUrl('https://github.com/openedx/edx-platform.git')).toBe('https://github.com/openedx/openedx-platform.git');
    expect(currentGithubUrl('https://github.com/openedx/edx-platform-extras/pull/1')).toBe(
      'https://github.com/openedx/edx-platform-extras/pull/1',
    );
    expect(currentGithubUrl('https://example.org/openedx/edx-platform')).toBe('https://example.org/openedx/edx-platform');
  });
});
