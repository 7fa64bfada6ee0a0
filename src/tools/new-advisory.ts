/**
 * A new advisory from a few facts: every required field present, the facts given filled in,
 * a placeholder (FILL-IN with a hint) wherever a person must still decide, so `check`
 * refuses the file until it is complete.
 */
import { RepositorySchema } from '../schemas/common.ts';
import { cvssVectorProblem, scoreCvss, SEVERITY_LEVELS } from '../schemas/cvss.ts';
import { advisoryText, type AdvisoryDraft } from './advisory-writer.ts';
import { HINTS, releaseCommitHint, releaseTagHint } from './placeholders.ts';
import { currentRepository } from './repository-names.ts';
import type { Dates } from './schedule.ts';

export type NewAdvisoryOptions = Dates & {
  id: string;
  title?: string | undefined;
  summary?: string | undefined;
  /** `owner/repo` for a repository; `pypi:name`, `npm:name` or `@scope/name` for a package (a bare name is refused). */
  components?: readonly string[];
  releases?: readonly string[];
  severity?: string | undefined;
  cvss?: string | undefined;
};

/** A mistake in the facts given: the tool says which flag and what it expects. */
export class OptionError extends Error {
  constructor(flag: string, message: string) {
    super(`${flag}: ${message}`);
    this.name = 'OptionError';
  }
}

/** `note`: what the tool changed about the name given (a renamed repository). */
type Component = { name: string; entry: Record<string, unknown>; note?: string };

/**
 * The named releases' rows: a release named on the command line is one that gets a patch,
 * so it starts as `fixed`, waiting for its commit and tag. A repository with none named gets
 * one row to copy, since its users run named releases.
 */
function releaseEntries(releases: readonly string[], isRepository: boolean): unknown[] {
  // A package is fixed by a version; a named release carries it from the tag that pins it.
  const row = (release: string) =>
    isRepository
      ? { release, status: 'fixed', commit: releaseCommitHint(release), tag: releaseTagHint(release) }
      : { release, status: 'fixed', tag: releaseTagHint(release) };
  if (releases.length > 0) return releases.map(row);
  return isRepository ? [row(HINTS.release)] : [];
}

/**
 * How a component given on the command line becomes an `affected` entry: `owner/repo` is a
 * repository deployed from source (under its current name, if it was renamed), `pypi:name`
 * and `npm:name` (or `@scope/name`) a package. A bare name is refused: `edx-platform` could be
 * the repository or a PyPI package of that name, and guessing wrong publishes the wrong fix.
 */
export function componentEntry(text: string, releases: readonly string[] = []): Component {
  const explicit = /^(npm|pypi):(.+)$/i.exec(text);
  if (explicit || text.startsWith('@')) {
    const ecosystem = explicit ? (explicit[1]!.toLowerCase() === 'npm' ? 'npm' : 'PyPI') : 'npm';
    const name = explicit ? explicit[2]! : text;
    return {
      name,
      entry: {
        package: { ecosystem, name },
        ranges: [{ introduced: HINTS.introducedVersion, fixed: HINTS.fixedVersion }],
        releases: releaseEntries(releases, false),
      },
    };
  }
  if (!text.includes('/')) {
    const repository = currentRepository(`openedx/${text}`);
    const renamed = repository === `openedx/${text}` ? '' : ` (today ${repository})`;
    throw new OptionError(
      '--component',
      `"${text}" names no owner: write a repository as owner/name, like openedx/${text}${renamed}, or a package with its registry, pypi:${text} or npm:${text}`,
    );
  }
  if (!RepositorySchema.safeParse(text).success)
    throw new OptionError('--component', `a repository is written owner/name, like openedx/openedx-platform (found "${text}")`);
  const name = currentRepository(text);
  return {
    name,
    entry: { repository: name, master_fix: HINTS.masterFix, releases: releaseEntries(releases, true) },
    ...(name !== text ? { note: `--component: ${text} is now ${name}; the file uses the current name` } : {}),
  };
}

/** The notice level and the severity block from `--cvss` and `--severity`, which must agree. */
export function severityOf(cvss: string | undefined, level: string | undefined): { level: string; vectors: Record<string, string> } {
  if (level !== undefined && !(SEVERITY_LEVELS as readonly string[]).includes(level)) {
    throw new OptionError('--severity', `must be one of ${SEVERITY_LEVELS.join(', ')} (found "${level}")`);
  }
  if (!cvss) return { level: level ?? HINTS.severityLevel, vectors: { cvss_v3: HINTS.cvss } };
  const version = cvss.startsWith('CVSS:4.0/') ? '4.0' : '3.1';
  const problem = cvssVectorProblem(cvss, version);
  if (problem) throw new OptionError('--cvss', `not a valid CVSS ${version} vector: ${problem}`);
  const computed = scoreCvss(cvss, version);
  if (level && level !== computed.level) {
    throw new OptionError(
      '--severity',
      `the vector scores ${computed.score} (${computed.level}), not ${level}; leave --severity out to use the computed level`,
    );
  }
  return { level: computed.level, vectors: { [version === '4.0' ? 'cvss_v4' : 'cvss_v3']: cvss } };
}

/** The new file, and `notes` on anything the tool changed from what it was given. */
export function newAdvisory(o: NewAdvisoryOptions): { data: AdvisoryDraft; body: string; text: string; notes: string[] } {
  const releases = o.releases ?? [];
  const components = o.components?.length
    ? o.components.map((c) => componentEntry(c, releases))
    : [
        {
          name: HINTS.repository,
          entry: { repository: HINTS.repository, master_fix: HINTS.masterFix, releases: releaseEntries(releases, true) },
        },
      ];
  const severity = severityOf(o.cvss, o.severity);
  const data: AdvisoryDraft = {
    id: o.id,
    title: o.title ?? HINTS.title,
    summary: o.summary ?? HINTS.summary,
    announce_at: o.announceAt,
    publish_at: o.publishAt,
    notice: {
      components: components.map((c) => c.name),
      releases: releases.length > 0 ? [...releases] : [HINTS.noticeReleases],
      severity: severity.level,
      text: HINTS.noticeText,
    },
    severity: severity.vectors,
    affected: components.map((c) => c.entry),
    aliases: [],
    cwe: [],
    credits: [],
    references: [],
  };
  const body = [
    '## Impact',
    '',
    HINTS.impact,
    '',
    '## Patches',
    '',
    HINTS.patches,
    '',
    '## Workarounds',
    '',
    HINTS.workarounds,
    '',
    '## References',
    '',
    HINTS.references,
  ].join('\n');
  return { data, body, text: advisoryText(data, body), notes: components.flatMap((c) => ('note' in c && c.note ? [c.note] : [])) };
}
