/** Named-release facts derived from the build clock. */
import type { Release } from '../schemas/release.ts';

// A property of a release, defined beside its schema (check's calendar warnings use it too).
export { isSupported } from '../schemas/release.ts';

/** Newest first. */
export function sortReleases(releases: readonly Release[]): Release[] {
  return [...releases].sort((a, b) => b.released.localeCompare(a.released));
}
