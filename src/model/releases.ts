/** Named-release facts derived from the build clock. */
import type { Release } from '../schemas/release.ts';

/** Supported on the build date: released and not past its end of support (inclusive, UTC). */
export function isSupported(release: Release, now: Date): boolean {
  const today = now.toISOString().slice(0, 10);
  return release.released <= today && today <= release.end_of_support;
}

/** Newest first. */
export function sortReleases(releases: readonly Release[]): Release[] {
  return [...releases].sort((a, b) => b.released.localeCompare(a.released));
}
