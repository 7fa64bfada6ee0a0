/** Prose pages: `content/pages/<slug>.md` (policy, operators, working group …). */
import { z } from 'zod';
import { OneLineSchema } from './common.ts';

export const PageSchema = z.strictObject({
  title: OneLineSchema,
  /** One sentence for search results and the meta description. */
  description: OneLineSchema.max(200, 'must be at most 200 characters'),
});

export type PageData = z.output<typeof PageSchema>;
