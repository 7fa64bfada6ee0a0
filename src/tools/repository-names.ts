/**
 * Repositories renamed upstream, and their current names. GitHub redirects an old name, but a
 * new advisory should name what operators find today: openedx/edx-platform became
 * openedx/openedx-platform in 2026. Names compare case-insensitively, as GitHub's do.
 */
const RENAMED: Record<string, string> = { 'openedx/edx-platform': 'openedx/openedx-platform' };

/** `owner/name` under its current name. */
export const currentRepository = (repo: string): string => RENAMED[repo.toLowerCase()] ?? repo;

const GITHUB_PATH = /^https:\/\/github\.com\/([\w.-]+\/[\w.-]+?)(\.git)?(?=[/#?]|$)/i;

/** A github.com URL with the repository's current name (`/commit/…`, `/security/advisories/…` kept). */
export function currentGithubUrl(url: string): string {
  const m = GITHUB_PATH.exec(url);
  if (!m) return url;
  const current = currentRepository(m[1]!);
  return current === m[1] ? url : `https://github.com/${current}${m[2] ?? ''}${url.slice(m[0].length)}`;
}
