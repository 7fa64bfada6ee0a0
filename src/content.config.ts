import { defineCollection } from 'astro:content';
import { advisoryLoader } from './build/content-loader.ts';
import { PublicEntrySchema } from './schemas/public-entry.ts';

/** One collection: the public projection of every advisory at the build clock. */
const advisories = defineCollection({
  loader: advisoryLoader(),
  schema: PublicEntrySchema,
});

export const collections = { advisories };
