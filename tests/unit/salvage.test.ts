/**
 * What makes one run report every problem: the part of a refused file the schema accepts
 * (src/content/salvage.ts), and suggestions for a mistyped name (src/content/suggest.ts).
 */
import { describe, expect, it } from 'vitest';
import { AdvisorySchema } from '../../src/schemas/advisory.ts';
import { ReleasesFileSchema } from '../../src/schemas/release.ts';
import { knownKeysAt, salvage } from '../../src/content/salvage.ts';
import { closest, didYouMean, editDistance } from '../../src/content/suggest.ts';
import { problemsFromZod } from '../../src/content/problems.ts';

describe('salvage', () => {
  const input = {
    id: 'OEA-2026-201',
    title: 'T',
    publish_at: 'next Tuesday',
    notice: { components: ['a/b'], releases: ['verawood', 'Verawood'], severity: 'severe' },
    severity: { cvss_v3: 'CVSS:3.1/AV:N' },
    affected: [{ repository: 'a/b' }, { repository: 'bad slug' }],
    aliases: [],
    cwe: 'CWE-79',
    unknown: 1,
  };

  it('keeps every field and entry the schema accepts, and the places of those it refuses', () => {
    expect(AdvisorySchema.safeParse(input).success).toBe(false);
    expect(salvage(AdvisorySchema, input)).toEqual({
      id: 'OEA-2026-201',
      title: 'T',
      draft: false,
      notice: { components: ['a/b'], releases: ['verawood', undefined] },
      severity: { cvss_v3: 'CVSS:3.1/AV:N' },
      affected: [{ repository: 'a/b', releases: [] }, undefined],
      aliases: [],
      credits: [],
      references: [],
      revisions: [],
    });
  });

  it('leaves out a list whose entries all pass but which fails as a whole', () => {
    expect(salvage(AdvisorySchema, { ...input, affected: [] })).not.toHaveProperty('affected');
  });

  it('returns nothing for a document that is not a mapping', () => {
    expect(salvage(AdvisorySchema, ['a'])).toEqual({});
  });

  it('knows the fields at any path, through lists and unions', () => {
    expect(knownKeysAt(AdvisorySchema, ['notice'])).toEqual(['components', 'releases', 'severity', 'text']);
    expect(knownKeysAt(AdvisorySchema, ['affected', 0])).toEqual([
      'repository',
      'master_fix',
      'introduced',
      'releases',
      'package',
      'ranges',
    ]);
    expect(knownKeysAt(ReleasesFileSchema, ['releases', 3])).toEqual(['name', 'title', 'released', 'end_of_support', 'branch']);
    expect(knownKeysAt(AdvisorySchema, ['title'])).toEqual([]);
  });
});

describe('suggestions', () => {
  it('counts edits, a swap of neighbours as one', () => {
    expect(editDistance('severity', 'severity')).toBe(0);
    expect(editDistance('sevreity', 'severity')).toBe(1);
    expect(editDistance('verawod', 'verawood')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it.each([
    ['cwe_ids', ['id', 'cwe', 'credits'], 'cwe'],
    ['severty', ['severity', 'summary'], 'severity'],
    ['Verawood', ['verawood', 'ulmo'], 'verawood'],
    ['wontfix', ['affected', 'fixed', 'not_affected', 'wont_fix'], 'wont_fix'],
    ['publish', ['publish_at', 'announce_at'], 'publish_at'],
    ['zebrawood', ['palm', 'verawood'], 'verawood'],
  ])('%s: did you mean %s?', (found, known, want) => {
    expect(closest(found, known)).toBe(want);
    expect(didYouMean(found, known)).toBe(`; did you mean "${want}"?`);
  });

  it.each([
    ['discoverer', ['finder', 'reporter']],
    ['patch', ['fix', 'web']],
    ['x', ['id']],
  ])('%s is close to none of %j', (found, known) => {
    expect(closest(found, known)).toBeUndefined();
    expect(didYouMean(found, known)).toBe('');
  });

  it('suggests in the schema messages: unknown fields and values outside a list', () => {
    const input = { releases: [{ name: 'teak', titel: 'Teak', released: '2025-06-09', end_of_support: '2025-12-31', branch: 'b' }] };
    const result = ReleasesFileSchema.safeParse(input);
    expect(result.success).toBe(false);
    const problems = problemsFromZod('content/releases.yaml', result.error!, input, () => 3, ReleasesFileSchema);
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'releases[0].title: is required (expected string)',
      'releases[0].titel: unknown field (not in the schema; did you mean "title"?)',
    ]);
  });
});
