/** Site-wide facts: `content/site.yaml`. Pages, SECURITY.md and security.txt reuse them. */
import { z } from 'zod';
import { HttpsUrlSchema, PlainLineSchema, RepositorySchema } from './common.ts';

const DaysSchema = z.number().int().positive();

export const SlaSchema = z.strictObject({
  /** Days to acknowledge a report. */
  acknowledge_days: DaysSchema,
  /** Days from report to a released fix. */
  fix_days: DaysSchema,
});

export const MemberSchema = z.strictObject({
  /** The member's name, plain text. */
  name: PlainLineSchema,
  /** Who they work for, when they say. */
  organization: PlainLineSchema.optional(),
  /** Their GitHub user name. */
  github: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'must be a GitHub user name')
    .optional(),
  /** Their role in the working group. */
  role: PlainLineSchema.optional(),
});

export const SiteSchema = z.strictObject({
  /** The site's name, in page titles and feeds. */
  title: PlainLineSchema,
  /** Canonical origin of the deployed site, no trailing slash. */
  url: HttpsUrlSchema.refine((u) => !u.endsWith('/'), 'must not end with a slash'),
  /** Where reports go: the policy, security.txt and every SECURITY.md name it. */
  contact_email: z.email('must be an email address'),
  /** Where the working group coordinates fixes (GitHub private advisories). */
  advisory_repository: RepositorySchema,
  /** The languages of the site and its advisories (security.txt's Preferred-Languages). */
  languages: z.array(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/)).min(1),
  /** Response and fix targets per severity level. */
  sla: z.strictObject({
    /** Targets for critical reports. */
    critical: SlaSchema,
    /** Targets for high ones. */
    high: SlaSchema,
    /** Targets for medium ones. */
    medium: SlaSchema,
    /** Targets for low ones. */
    low: SlaSchema,
  }),
  /** Minimum hours between a pre-announcement and publication. */
  notice_hours: z.number().int().positive(),
  /** The working group, as its page lists it. */
  members: z.array(MemberSchema).default([]),
});

export type Site = z.output<typeof SiteSchema>;
