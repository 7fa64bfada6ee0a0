/**
 * Dates in order: the pre-announcement before the publication, the report before triage and
 * both before publication, revisions and a withdrawal after it. (The notice period, which
 * needs site.yaml, is a corpus rule: src/content/lint/corpus.ts.)
 */
import { instant, type AdvisoryRule, type Finding } from './rule.ts';

export const dateRules: AdvisoryRule = (a) => {
  const found: Finding[] = [];
  const add = (path: PropertyKey[], message: string) => found.push({ path, message });
  const publish = a.publish_at ? instant(a.publish_at) : undefined;
  if (a.reported_at && a.triaged_at && instant(a.triaged_at) < instant(a.reported_at)) {
    add(['triaged_at'], `must not be before reported_at (found ${a.triaged_at}, reported_at ${a.reported_at})`);
  }
  if (publish === undefined) return found;
  if (a.announce_at && instant(a.announce_at) >= publish) {
    add(['announce_at'], `must be before publish_at (found ${a.announce_at}, publish_at ${a.publish_at})`);
  }
  for (const key of ['reported_at', 'triaged_at'] as const) {
    const at = a[key];
    if (at && instant(at) > publish) add([key], `must not be after publish_at (found ${at}, publish_at ${a.publish_at})`);
  }
  let previous = publish;
  a.revisions?.forEach((r, i) => {
    if (!r) return;
    if (instant(r.date) < previous) add(['revisions', i, 'date'], `revisions must be in order and not before publish_at (found ${r.date})`);
    previous = Math.max(previous, instant(r.date));
  });
  if (a.withdrawn?.at && instant(a.withdrawn.at) < publish) {
    add(
      ['withdrawn', 'at'],
      `must not be before publish_at (found ${a.withdrawn.at}, publish_at ${a.publish_at}); cancel an unpublished advisory with draft: true`,
    );
  }
  return found;
};
