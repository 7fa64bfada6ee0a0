/**
 * Repositories that GitHub knows under more than one name. `openedx/edx-platform` became
 * `openedx/openedx-platform`; GitHub redirects the old URLs, so advisories written before the
 * rename link commits under either name. A fix must not be listed twice for that reason: every
 * list of links and fixes compares repositories and GitHub URLs through these functions.
 */

/** Old name → current name, both lower-case. */
export const RENAMED_REPOSITORIES: Readonly<Record<string, string>> = {
  'openedx/edx-platform': 'openedx/openedx-platform',
};

/** The current name of a repository (`owner/name`), as GitHub spells it now. */
export function canonicalRepository(repository: string): string {
  return RENAMED_REPOSITORIES[repository.toLowerCase()] ?? repository;
}

const GITHUB_REPO = /^https:\/\/github\.com\/([^/?#]+\/[^/?#]+)(.*)$/i;

/**
 * A key under which two URLs of the same resource are equal: GitHub URLs under the
 * repository's current name, owner and name in lower case, no trailing slash or fragment.
 */
export function urlKey(url: string): string {
  const bare = url.replace(/#.*$/, '').replace(/\/+$/, '');
  const m = GITHUB_REPO.exec(bare);
  if (!m) return bare;
  return `https://github.com/${canonicalRepository(m[1]!).toLowerCase()}${m[2]}`;
}

/** The list without the entries whose URL (by `urlKey`) came earlier in it. */
export function uniqueByUrl<T>(items: readonly T[], urlOf: (item: T) => string, seen: Set<string> = new Set()): T[] {
  return items.filter((item) => {
    const key = urlKey(urlOf(item));
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
