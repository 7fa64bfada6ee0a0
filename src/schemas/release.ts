/** Open edX named releases: `content/releases.yaml`. */
import { z } from 'zod';
import { DateSchema, OneLineSchema, PlainLineSchema, ReleaseNameSchema } from './common.ts';

export const ReleaseSchema = z
  .strictObject({
    /** Lower-case name used in advisories and URLs, e.g. `teak`. */
    name: ReleaseNameSchema,
    /** Display name, e.g. `Teak`. */
    title: PlainLineSchema,
    /** The release date (a whole UTC day). */
    released: DateSchema,
    /** Last day of security support. Support status is computed from the build clock. */
    end_of_support: DateSchema,
    /** The release branch that receives backports. */
    branch: OneLineSchema,
  })
  .refine((r) => r.released < r.end_of_support, {
    message: 'must be after the release date',
    path: ['end_of_support'],
  });

export const ReleasesFileSchema = z.strictObject({
  /** Every named release the site knows, supported or not (a past one keeps its pages). */
  releases: z.array(ReleaseSchema).min(1, 'must list at least one named release'),
});

export type Release = z.output<typeof ReleaseSchema>;

/**
 * Supported at `now`: released and not past its end of support. Both dates name whole UTC
 * days, end_of_support included (docs/embargo.md, "The schedule").
 */
export function isSupported(release: Pick<Release, 'released' | 'end_of_support'>, now: Date): boolean {
  const today = now.toISOString().slice(0, 10);
  return release.released <= today && today <= release.end_of_support;
}
