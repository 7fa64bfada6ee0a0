/** Prose pages: `content/pages/<slug>.md` (policy, operators, working group …). */
import { z } from 'zod';
import { PlainLineSchema } from './common.ts';

export const PageSchema = z.strictObject({
  /** The page's heading and title, plain text. */
  title: PlainLineSchema,
  /** One sentence for search results and the meta description. */
  description: PlainLineSchema.max(200, 'must be at most 200 characters'),
});

export type PageData = z.output<typeof PageSchema>;
