/**
 * The advisory: YAML frontmatter of `content/advisories/<year>/<ID>.md`.
 *
 * This module is the single source of truth for the content model. The Astro content config,
 * `npm run check`, the importers and the exporters all import it. It must not import anything
 * from `astro:*`, so plain Node scripts and tests load it directly.
 */
import { z } from 'zod';
import { SEVERITY_LEVELS } from './cvss.ts';
import { CommitSchema, HttpsUrlSchema, InstantSchema, OneLineSchema, ReleaseNameSchema, RepositorySchema } from './common.ts';
import { ADVISORY_ID_PATTERN, ALIAS_PATTERNS } from './identifiers.ts';

export { ADVISORY_ID_PATTERN, ALIAS_PATTERNS } from './identifiers.ts';
export const AdvisoryIdSchema = z
  .string()
  .regex(
    ADVISORY_ID_PATTERN,
    'must be an advisory id like "OEA-2026-007" (OEA-, the year, a sequence of 3 or more digits without extra leading zeros)',
  );

export const AliasSchema = z
  .string()
  .refine((s) => Object.values(ALIAS_PATTERNS).some((re) => re.test(s)), 'must be a CVE-YYYY-NNNN, GHSA-xxxx-xxxx-xxxx or PYSEC-YYYY-N id');

export const SeverityLevelSchema = z.enum(SEVERITY_LEVELS, {
  error: `must be one of ${SEVERITY_LEVELS.join(', ')}`,
});

/** The pre-announcement: the only fields that may be public before `publish_at`. */
export const NoticeSchema = z.strictObject({
  /** Affected components: repository slugs or package names named in `affected`. */
  components: z.array(OneLineSchema).min(1, 'must name at least one component'),
  /** Named releases that will receive a patch (lower-case, from releases.yaml). */
  releases: z.array(ReleaseNameSchema).default([]),
  /** Severity level; when a CVSS vector is given it must equal the computed level. */
  severity: SeverityLevelSchema,
  /** Optional one-line public text for the pre-announcement. No details of the flaw. */
  text: OneLineSchema.max(280, 'must be at most 280 characters').optional(),
});

/** CVSS vectors; scores and levels are always computed, never written by hand. */
export const SeveritySchema = z
  .strictObject({
    /** A CVSS 3.1 vector, `CVSS:3.1/AV:…`. */
    cvss_v3: z.string().optional(),
    /** A CVSS 4.0 vector, `CVSS:4.0/AV:…`. */
    cvss_v4: z.string().optional(),
  })
  .refine((s) => s.cvss_v3 || s.cvss_v4, 'must give cvss_v3 and/or cvss_v4 (leave severity out when there is no vector)');

export const RELEASE_STATUSES = ['affected', 'fixed', 'not_affected', 'wont_fix'] as const;

/** What happened on one named release's branch. */
export const ReleaseFixSchema = z
  .strictObject({
    release: ReleaseNameSchema,
    status: z.enum(RELEASE_STATUSES, { error: `must be one of ${RELEASE_STATUSES.join(', ')}` }),
    /** The backport commit on the release branch. */
    commit: CommitSchema.optional(),
    /** The release tag that first contains the fix, e.g. `open-release/teak.3`. */
    tag: OneLineSchema.regex(/^[^\s~^:?*[\\]+$/, 'must be a git tag name, like "open-release/teak.3" (no spaces or ~^:?*[\\)').optional(),
  })
  .refine((r) => r.status !== 'fixed' || r.commit || r.tag, {
    message: 'a fixed release needs its commit and/or tag',
    path: ['status'],
  });

/** A repository deployed from source (the platform, MFEs): fixes are commits. */
export const RepositoryAffectedSchema = z.strictObject({
  repository: RepositorySchema,
  /** The fix commit on the default (master) branch. */
  master_fix: CommitSchema.optional(),
  /** The commit that introduced the flaw, when known. */
  introduced: CommitSchema.optional(),
  releases: z.array(ReleaseFixSchema).default([]),
});

export const ECOSYSTEMS = ['PyPI', 'npm'] as const;

export const VersionRangeSchema = z
  .strictObject({
    introduced: OneLineSchema,
    fixed: OneLineSchema.optional(),
    last_affected: OneLineSchema.optional(),
  })
  .refine((r) => !(r.fixed && r.last_affected), 'give fixed or last_affected, not both');

/** A package installed from a registry: fixes are versions. */
export const PackageAffectedSchema = z.strictObject({
  package: z.strictObject({
    ecosystem: z.enum(ECOSYSTEMS, { error: `must be one of ${ECOSYSTEMS.join(', ')}` }),
    name: OneLineSchema,
  }),
  /** Source repository of the package, for links to fix commits. */
  repository: RepositorySchema.optional(),
  ranges: z.array(VersionRangeSchema).min(1, 'must give at least one version range'),
  releases: z.array(ReleaseFixSchema).default([]),
});

export const AffectedSchema = z.union([RepositoryAffectedSchema, PackageAffectedSchema], {
  error: 'each entry needs either "repository" (with master_fix/releases) or "package" (with ranges)',
});

/** OSV credit types, lower-case. https://ossf.github.io/osv-schema/#creditstype-field */
export const CREDIT_TYPES = [
  'finder',
  'reporter',
  'analyst',
  'coordinator',
  'remediation_developer',
  'remediation_reviewer',
  'remediation_verifier',
  'tool',
  'sponsor',
  'other',
] as const;
/** How a credit reads after the name, on pages and in CSAF acknowledgments: "Ada (found the vulnerability)". */
export const CREDIT_LABELS: Record<(typeof CREDIT_TYPES)[number], string> = {
  finder: 'found the vulnerability',
  reporter: 'reported the vulnerability',
  analyst: 'analysed the vulnerability',
  coordinator: 'coordinated the response',
  remediation_developer: 'developed the fix',
  remediation_reviewer: 'reviewed the fix',
  remediation_verifier: 'verified the fix',
  tool: 'tool that found the vulnerability',
  sponsor: 'sponsored the work',
  other: 'contributed',
};
export const CreditSchema = z.strictObject({
  name: OneLineSchema,
  type: z.enum(CREDIT_TYPES, { error: `must be one of ${CREDIT_TYPES.join(', ')}` }),
  contact: z.array(HttpsUrlSchema).optional(),
});

/** OSV reference types, lower-case. https://ossf.github.io/osv-schema/#references-field */
export const REFERENCE_TYPES = [
  'advisory',
  'article',
  'detection',
  'discussion',
  'report',
  'fix',
  'introduced',
  'package',
  'evidence',
  'web',
] as const;
/** What a reference is, on pages and in CSAF reference summaries. */
export const REFERENCE_LABELS: Record<(typeof REFERENCE_TYPES)[number], string> = {
  advisory: 'Advisory',
  article: 'Article',
  detection: 'Detection',
  discussion: 'Discussion',
  report: 'Report',
  fix: 'Fix',
  introduced: 'Change that introduced the flaw',
  package: 'Package',
  evidence: 'Evidence',
  web: 'Web page',
};
export const ReferenceSchema = z.strictObject({
  type: z.enum(REFERENCE_TYPES, { error: `must be one of ${REFERENCE_TYPES.join(', ')}` }),
  url: HttpsUrlSchema,
});

export const RevisionSchema = z.strictObject({
  date: InstantSchema,
  summary: OneLineSchema,
});

export const WithdrawnSchema = z.strictObject({
  at: InstantSchema,
  reason: OneLineSchema,
});

export const AdvisorySchema = z.strictObject({
  /** Stable site id; equals the file name. Published ids are forever. */
  id: AdvisoryIdSchema,
  title: OneLineSchema.max(160, 'must be at most 160 characters'),
  /** One plain-text paragraph: what is wrong and who is affected. */
  summary: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .refine((s) => !/\n\s*\n/.test(s), 'must be one paragraph'),
  /** Never public in any build while true. */
  draft: z.boolean().default(false),
  /** When the pre-announcement (notice) becomes public. */
  announce_at: InstantSchema.optional(),
  /** When everything becomes public (the patch is released). */
  publish_at: InstantSchema,
  notice: NoticeSchema,
  severity: SeveritySchema.optional(),
  affected: z.array(AffectedSchema).min(1, 'must list at least one affected repository or package'),
  aliases: z.array(AliasSchema).default([]),
  cwe: z.array(z.string().regex(/^CWE-\d+$/, 'must be a CWE id like "CWE-284"')).default([]),
  credits: z.array(CreditSchema).default([]),
  references: z.array(ReferenceSchema).default([]),
  /** When the report reached the working group (for response-time figures). */
  reported_at: InstantSchema.optional(),
  /** When triage finished and severity was set. */
  triaged_at: InstantSchema.optional(),
  /** Update history after publication, oldest first; the last date is the modified date. */
  revisions: z.array(RevisionSchema).default([]),
  withdrawn: WithdrawnSchema.optional(),
});

export type AdvisoryInput = z.input<typeof AdvisorySchema>;
export type AdvisoryData = z.output<typeof AdvisorySchema>;
export type Notice = z.output<typeof NoticeSchema>;
export type Affected = z.output<typeof AffectedSchema>;
export type RepositoryAffected = z.output<typeof RepositoryAffectedSchema>;
export type PackageAffected = z.output<typeof PackageAffectedSchema>;
export type ReleaseFix = z.output<typeof ReleaseFixSchema>;
export type Credit = z.output<typeof CreditSchema>;
export type Reference = z.output<typeof ReferenceSchema>;

export function isPackage(a: Affected): a is PackageAffected {
  return 'package' in a;
}

/** The name a component goes by in notices, filters and feeds. */
export function componentName(a: Affected): string {
  return isPackage(a) ? a.package.name : a.repository;
}
