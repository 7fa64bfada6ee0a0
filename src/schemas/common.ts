/** Field types shared by every content schema. */
import { z } from 'zod';

/**
 * An instant written with an explicit offset (`Z` or `+hh:mm`). A time without an offset is
 * rejected rather than guessed: an embargo that lifts in the wrong time zone is a leak.
 * Content is parsed with a YAML schema that keeps timestamps as text, so the offset written
 * in the file is what is checked here.
 */
export const InstantSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with seconds and an explicit offset, like "2026-12-02T14:00:00Z" or "2026-12-02T19:30:00+05:30"',
});

/** A calendar date (YYYY-MM-DD), for release and support dates. */
export const DateSchema = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const HttpsUrlSchema = z
  .url({
    protocol: /^https$/,
    error: 'must be an https:// URL',
  })
  // Published as links and in exports: a user name or password in one would be published too.
  .refine((url) => !/^https:\/\/[^/?#]*@/i.test(url), 'must not carry a user name or password (user:pass@)');

/** A GitHub repository slug such as `openedx/openedx-platform`. */
export const RepositorySchema = z
  .string()
  .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, 'must be a GitHub repository written owner/name, like "openedx/openedx-platform"');

/** A full 40-hex-digit git commit id; short ids are ambiguous over time. */
export const CommitSchema = z.string().regex(/^[0-9a-f]{40}$/, 'must be a full 40-character lowercase git commit SHA');

/** Lower-case release names as in `content/releases.yaml` (e.g. `teak`). */
export const ReleaseNameSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case named release, like "teak"');

export const OneLineSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !/[\r\n]/.test(s), 'must be a single line');
