/**
 * Names and ids: an advisory's id is its file name and its folder is its id's year, so a URL
 * can be worked out from the id alone and two files can never claim one id unnoticed.
 */
import { idYear } from '../../schemas/advisory-facts.ts';
import type { AdvisoryRule, Finding } from './rule.ts';

export const idRules: AdvisoryRule = (a, { file }) => {
  if (!a.id) return [];
  const found: Finding[] = [];
  const base = file.split('/').pop()!.replace(/\.md$/, '');
  if (base !== a.id) found.push({ path: ['id'], message: `must equal the file name (expected "${base}", found "${a.id}")` });
  const dir = file.split('/').slice(-2, -1)[0];
  const year = idYear(a.id);
  if (dir !== year) {
    found.push({ path: ['id'], message: `the file must sit in the folder of its year (expected advisories/${year}/, found advisories/${dir}/)` });
  }
  // New ids take the year of publication (advisory:new and the importer pick them so). Another
  // year is allowed (a published id is never renamed; CSAF files the document by publication
  // year), but in a new file it is usually a slip.
  const published = a.publish_at ? String(new Date(a.publish_at).getUTCFullYear()) : undefined;
  if (published && published !== year) {
    found.push({
      path: ['id'],
      severity: 'warning',
      message: `the id's year (${year}) differs from the year of publish_at (${published}, in UTC); new ids take the year of publication, so check the id and the date`,
    });
  }
  return found;
};
