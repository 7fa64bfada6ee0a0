/**
 * The exports that come one file per advisory: OSV records and CSAF documents with their
 * hash files. At 10,000 advisories that is tens of thousands of files; routing each through
 * Astro's page pipeline costs far more than writing it, so a production build writes them in
 * one pass (src/build/bulk-exports.ts) and the dev server serves the same text through
 * the endpoints. Both call `perAdvisoryFiles`, so the bytes cannot differ.
 */
import type { PublishedAdvisory, SiteModel } from '../model/site-model.ts';
import { paths } from '../model/urls.ts';
import { jsonCompact } from './common.ts';
import { csafPath } from './csaf-names.ts';
import { csafHashText, csafText, HASH_ALGORITHMS } from './csaf-provider.ts';
import { osvRecord } from './osv.ts';

export type OutputFile = { path: string; text: () => string };

export function perAdvisoryFiles(p: PublishedAdvisory, model: SiteModel): OutputFile[] {
  const csaf = csafPath(p);
  return [
    { path: paths.osv(p.id), text: () => jsonCompact(osvRecord(p, model)) },
    { path: csaf, text: () => csafText(p, model) },
    ...HASH_ALGORITHMS.map((h) => ({ path: `${csaf}.${h}`, text: () => csafHashText(p, model, h) })),
  ];
}
