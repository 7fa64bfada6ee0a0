/** Site-wide facts: `content/site.yaml`. Pages, SECURITY.md and security.txt reuse them. */
import { z } from 'zod';
import { HttpsUrlSchema, OneLineSchema, RepositorySchema } from './common.ts';

const DaysSchema = z.number().int().positive();

export const SlaSchema = z.strictObject({
  /** Days to acknowledge a report. */
  acknowledge_days: DaysSchema,
  /** Days from report to a released fix. */
  fix_days: DaysSchema,
});

export const MemberSchema = z.strictObject({
  name: OneLineSchema,
  organization: OneLineSchema.optional(),
  github: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'must be a GitHub user name')
    .optional(),
  role: OneLineSchema.optional(),
});

export const SiteSchema = z.strictObject({
  title: OneLineSchema,
  /** Canonical origin of the deployed site, no trailing slash. */
  url: HttpsUrlSchema.refine((u) => !u.endsWith('/'), 'must not end with a slash'),
  contact_email: z.email('must be an email address'),
  /** Where the working group coordinates fixes (GitHub private advisories). */
  advisory_repository: RepositorySchema,
  languages: z.array(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/)).min(1),
  /** Response and fix targets per severity level. */
  sla: z.strictObject({
    critical: SlaSchema,
    high: SlaSchema,
    medium: SlaSchema,
    low: SlaSchema,
  }),
  /** Minimum hours between a pre-announcement and publication. */
  notice_hours: z.number().int().positive(),
  members: z.array(MemberSchema).default([]),
});

export type Site = z.output<typeof SiteSchema>;
