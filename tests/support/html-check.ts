/**
 * Validates every HTML file of a built site with html-validate (a real HTML5 validator that
 * parses like a browser and knows the content model, ARIA and the spec's deprecations).
 * The rules are html-validate's strictest preset; the one rule turned off is named below
 * with the reason, so a new exception has to be argued here too.
 */
import { readFileSync } from 'node:fs';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { htmlFiles, sitePath } from './link-check.ts';

export const HTML_VALIDATE_CONFIG: ConfigData = {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // A search-result length hint, not validity: advisory titles are precise sentences and
    // the page title adds the site name after them.
    'long-title': 'off',
  },
};

export type HtmlProblem = { page: string; line: number; column: number; rule: string; message: string };

/** Errors (not warnings) in one HTML document. */
export async function validateHtml(html: string, name: string, validator = new HtmlValidate(HTML_VALIDATE_CONFIG)): Promise<HtmlProblem[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) =>
    r.messages
      .filter((m) => m.severity === 2)
      .map((m) => ({ page: name, line: m.line, column: m.column, rule: m.ruleId, message: m.message })),
  );
}

/** Errors in every HTML file under `dist`, pages named by their site path. */
export async function validateHtmlTree(dist: string): Promise<HtmlProblem[]> {
  const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
  const problems: HtmlProblem[] = [];
  for (const file of htmlFiles(dist)) problems.push(...(await validateHtml(readFileSync(file, 'utf8'), sitePath(dist, file), validator)));
  return problems;
}

export const formatHtmlProblems = (problems: HtmlProblem[]) =>
  problems.map((p) => `${p.page}:${p.line}:${p.column}: ${p.rule}: ${p.message}`);
