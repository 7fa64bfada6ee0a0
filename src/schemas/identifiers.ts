/**
 * The shapes of advisory ids and of the aliases other databases give them. Without zod, so the
 * search page's script can use them too (src/pages/search.astro) while the schema
 * (src/schemas/advisory.ts) validates with the same patterns.
 */

/**
 * Site ids: `OEA-<year>-<sequence>`, the sequence padded to three digits and no further, so one
 * number has one spelling (OEA-2026-305, never OEA-2026-0305 beside it).
 */
export const ADVISORY_ID_PATTERN = /^OEA-(\d{4})-(\d{3}|[1-9]\d{3,})$/;

/** Aliases other databases gave the same vulnerability. */
export const ALIAS_PATTERNS = {
  CVE: /^CVE-\d{4}-\d{4,}$/,
  GHSA: /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/,
  PYSEC: /^PYSEC-\d{4}-\d+$/,
} as const;

const ANY_CASE = [ADVISORY_ID_PATTERN, ...Object.values(ALIAS_PATTERNS)].map((re) => new RegExp(re.source, 'i'));

/** Whether `term` is an advisory id or an alias, written in any case ("cve-2026-1234"). */
export const isIdentifier = (term: string): boolean => ANY_CASE.some((re) => re.test(term));
