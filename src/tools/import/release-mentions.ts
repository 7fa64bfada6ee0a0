/**
 * Named releases a record mentions in its words ("when the uploader uses versions master,
 * palm, olive …", "open-release/ulmo.master"), so the import can propose a row for each. A
 * mention says the release is concerned, not how: each proposed row's status is for a person.
 */

/** The names from `known` (content/releases.yaml) that `text` uses as words, newest release first. */
export function mentionedReleases(text: string, known: readonly string[]): string[] {
  const words = new Set(text.toLowerCase().split(/[^a-z]+/));
  return known.filter((name) => words.has(name)).reverse();
}
