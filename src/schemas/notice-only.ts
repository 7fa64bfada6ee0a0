/**
 * A notice-only advisory file: before `publish_at` an advisory may be its pre-announcement
 * alone, the id, `announce_at`, `publish_at` and `notice` (and `draft`), with an empty body.
 * It is what the public mirror holds for an announced advisory, whose details stay in the
 * working group's private repository until publication. It may not reach `publish_at` so:
 * `check` and the build refuse it at a clock where it is due (src/content/lint/notice-only.ts).
 */
import { z } from 'zod';
import { AdvisorySchema } from './advisory.ts';

const { id, draft, announce_at, publish_at, notice } = AdvisorySchema.shape;

/** The keys a notice-only file may have; any other key makes it a full advisory. */
export const NOTICE_ONLY_KEYS: readonly string[] = ['id', 'draft', 'announce_at', 'publish_at', 'notice'];

export const NoticeOnlySchema = z.strictObject({
  id,
  draft,
  /** Required: without a pre-announcement nothing of a notice-only file is ever shown. */
  announce_at: announce_at.unwrap(),
  publish_at,
  notice,
});

export type NoticeOnlyData = z.output<typeof NoticeOnlySchema>;

/** Whether a parsed file has the notice-only shape: only those keys, a notice, no body. */
export function isNoticeOnlyShape(data: Record<string, unknown>, body: string): boolean {
  return 'notice' in data && Object.keys(data).every((k) => NOTICE_ONLY_KEYS.includes(k)) && body.trim() === '';
}

/** What a published advisory needs that a notice-only file lacks: its required fields, and a body. */
export const DETAIL_FIELDS = Object.entries(AdvisorySchema.shape)
  .filter(([key, schema]) => !NOTICE_ONLY_KEYS.includes(key) && !schema.safeParse(undefined).success)
  .map(([key]) => key);
