/**
 * What the content loader stores for the site: the public projection of an advisory at the
 * build clock. Hidden advisories have no entry at all. The Astro collection validates its
 * entries with this schema, so nothing else can slip into the data store by accident.
 */
import { z } from 'zod';
import { AdvisoryIdSchema, AdvisorySchema, NoticeSchema } from './advisory.ts';
import { InstantSchema } from './common.ts';

/** Set only in an explicit dev preview of embargoed content; a build refuses it. */
const EmbargoedSchema = z.enum(['hidden', 'announced']).optional();

export const NoticeEntrySchema = z.strictObject({
  visibility: z.literal('announced'),
  id: AdvisoryIdSchema,
  announce_at: InstantSchema,
  publish_at: InstantSchema,
  notice: NoticeSchema,
});

export const PublishedEntrySchema = z.strictObject({
  visibility: z.enum(['published', 'withdrawn']),
  advisory: AdvisorySchema,
  /** The body rendered to HTML (raw HTML escaped). */
  html: z.string(),
  headings: z.array(z.strictObject({ depth: z.number(), id: z.string(), text: z.string() })),
  /** The body as plain text, its blocks separated by blank lines, for search, CSAF notes and the leak scan. */
  text: z.string(),
  /** The body's Markdown source (CommonMark, checked: no raw HTML, https links only), for OSV `details`. */
  markdown: z.string(),
  embargoed: EmbargoedSchema,
});

export const PublicEntrySchema = z.discriminatedUnion('visibility', [NoticeEntrySchema, PublishedEntrySchema]);

export type NoticeEntry = z.output<typeof NoticeEntrySchema>;
export type PublishedEntry = z.output<typeof PublishedEntrySchema>;
export type PublicEntry = z.output<typeof PublicEntrySchema>;
