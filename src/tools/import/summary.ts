/**
 * The summary of an imported record: the sentence(s) of its description that describe the
 * flaw. CVE and OSV descriptions of Open edX flaws follow the CNA templates: a sentence on what
 * the product is ("Open edX Platform is a service-oriented platform for …"), the affected
 * versions, the flaw, then where it was fixed. The product sentence says nothing an advisory
 * page does not (it names the component), and the versions and the fix have fields and a
 * Patches section of their own; what is left is the flaw, and the summary is its first words.
 */

/** The longest summary built from several sentences; a single flaw sentence is kept whatever its length. */
export const SUMMARY_MAX = 400;

/** "X is a platform for …", "X provides …": what the product is, not what is wrong with it. */
const PRODUCT = /\b(is|are) (a|an|the)\b|\b(provides|implements|enables|offers|powers|delivers)\b/i;
/** Where and when it was fixed, or what to do instead: the Patches and Workarounds sections' business. */
const REMEDIATION =
  /\b(patched|fixed|addressed|resolved|mitigated|remediated)\b|\bthe (patch|fix)\b|\bupgrad(e|ing) to\b|\bworkarounds?\b|\bbeyond patching\b/i;
/** "Versions 7.0.0 and above, prior to 7.2.2, are vulnerable to …": the affected ranges are fields. */
const VERSIONS_ONLY = /^(all )?versions?\b.*\b(are|is) (vulnerable|affected)\b/i;
/** "From 7.0.2 to 7.0.4, …", "Prior to commit 59bb6d6, …": a version prefix before the flaw itself. */
const VERSION_PREFIX =
  /^(from|prior to|before|until|up to|starting (in|with)|since|in) (versions? |commits? )?[\w.-]*\d[\w.-]*( (to|through|and) [\w.-]*\d[\w.-]*)?,\s+/i;
/** Words that say something is wrong: what a flaw sentence has and a context sentence lacks. */
const FLAW =
  /\b(vulnerab\w*|attackers?|malicious|unauthori[sz]ed|exceed\w*|bypass\w*|expos\w*|leak\w*|inject\w*|forge(d|ry)?|arbitrary|escalat\w*|disclos\w*|publicly|could|may|allow(s|ed|ing)?|ssrf|xss|cross-site|traversal|denial of service)\b|\b(of|for|to) any\b|\bany (authenticated|signed-in|logged-in)\b|\bno [\w-]+( [\w-]+)? (check|validation|verification)\b|\bwithout (checking|verifying|validating)\b/i;

/** Sentences of one paragraph of plain text: a split after . ! or ? before a capital or an opening mark. */
export function sentences(paragraph: string): string[] {
  return paragraph
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z"'(`])/)
    .filter(Boolean);
}

const isFlaw = (s: string) => FLAW.test(s);

/** The sentences worth keeping, version prefixes removed: no product introduction, no versions, no remedy. */
function flawSentences(paragraph: string): string[] {
  const all = sentences(paragraph);
  // The product introduction leads; a later sentence with "is a" is about the flaw.
  let start = 0;
  while (start < all.length && PRODUCT.test(all[start]!) && !isFlaw(all[start]!)) start++;
  return all
    .slice(start)
    .filter((s) => !REMEDIATION.test(s) && !VERSIONS_ONLY.test(s))
    .map((s) => {
      const rest = s.replace(VERSION_PREFIX, '');
      return rest === s ? s : rest[0]!.toUpperCase() + rest.slice(1);
    });
}

/**
 * The summary: the kept sentences up to the first that says what is wrong, and the flaw
 * sentences straight after it, within SUMMARY_MAX characters (from the first flaw sentence
 * when the context before it is too long). Undefined when no sentence is left.
 */
export function flawSummary(paragraph: string | undefined): string | undefined {
  const kept = flawSentences(paragraph ?? '');
  if (kept.length === 0) return undefined;
  const first = kept.findIndex(isFlaw);
  if (first < 0) return kept[0];
  const lead = kept.slice(0, first + 1).join(' ');
  const chosen = lead.length <= SUMMARY_MAX ? kept.slice(0, first + 1) : [kept[first]!];
  for (const next of kept.slice(first + 1)) {
    if (!isFlaw(next) || [...chosen, next].join(' ').length > SUMMARY_MAX) break;
    chosen.push(next);
  }
  return chosen.join(' ');
}

/** A Markdown paragraph without its leading product introduction (the Impact section's first paragraph). */
export function withoutProductIntroduction(paragraph: string): string {
  const all = sentences(paragraph);
  let start = 0;
  while (start < all.length - 1 && PRODUCT.test(all[start]!) && !isFlaw(all[start]!)) start++;
  return start === 0 ? paragraph : all.slice(start).join(' ');
}
