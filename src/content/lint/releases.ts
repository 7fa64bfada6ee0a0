/**
 * Releases and components: every named release is one of content/releases.yaml, and the
 * notice names exactly the components listed in `affected`, so a pre-announcement never
 * leaves out what operators must patch.
 */
import { componentName } from '../../schemas/advisory.ts';
import { didYouMean } from '../suggest.ts';
import type { AdvisoryRule, Finding } from './rule.ts';

export const releaseRules: AdvisoryRule = (a, { releases }) => {
  if (!releases) return [];
  const found: Finding[] = [];
  const known = releases.map((r) => r.name);
  const check = (path: PropertyKey[], name: string | undefined) => {
    if (name === undefined || known.includes(name)) return;
    found.push({
      path,
      message: `unknown named release (expected one of ${known.join(', ')} from content/releases.yaml, found "${name}")${didYouMean(name, known)}`,
    });
  };
  a.notice?.releases?.forEach((name, i) => check(['notice', 'releases', i], name));
  a.affected?.forEach((entry, i) => entry?.releases.forEach((r, j) => check(['affected', i, 'releases', j, 'release'], r.release)));
  return found;
};

export const componentRules: AdvisoryRule = (a) => {
  const components = a.notice?.components;
  // Either side refused by the schema: comparing what is left would report its absence twice.
  if (!a.affected || !components || a.affected.includes(undefined) || components.includes(undefined)) return [];
  const found: Finding[] = [];
  const names = a.affected.map((entry) => componentName(entry!));
  components.forEach((c, i) => {
    if (c !== undefined && !names.includes(c)) {
      found.push({
        path: ['notice', 'components', i],
        message: `must name a component listed in affected (expected one of ${names.join(', ')}, found "${c}")${didYouMean(c, names)}`,
      });
    }
  });
  names.forEach((name, i) => {
    if (!components.includes(name)) {
      found.push({ path: ['affected', i], message: `"${name}" is missing from notice.components (the pre-announcement must name every affected component)` });
    }
  });
  return found;
};
