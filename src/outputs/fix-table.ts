/**
 * The fix table of a feed item (RSS `content:encoded`, JSON Feed `content_html`): the same rows
 * as the advisory page's "What to apply" (src/model/advisory-page.ts), so an item read in a
 * feed reader says what to apply without a visit to the site. Every link is absolute.
 */
import { RELEASE_STATUS_LABELS } from '../schemas/advisory.ts';
import { fixRows, type FixRow } from '../model/advisory-page.ts';
import type { PublishedAdvisory } from '../model/site-model.ts';
import { absolute, githubCommit, githubTag, packagePage, paths } from '../model/urls.ts';
import type { OutputContext } from './common.ts';

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const link = (url: string, text: string) => `<a href="${escapeHtml(url)}">${text}</a>`;
const code = (s: string) => `<code>${escapeHtml(s)}</code>`;

function cells(row: FixRow, ctx: Pick<OutputContext, 'site'>): [string, string, string, string] {
  if (row.kind === 'package') {
    const fix = row.fixed
      ? `${link(packagePage(row.ecosystem, row.component, row.fixed), `version ${code(row.fixed)}`)} or later`
      : 'no fixed version';
    return [
      `${escapeHtml(row.component)} (${escapeHtml(row.ecosystem)})`,
      `affected: ${code(row.range)}`,
      row.fixed ? 'Fixed' : 'No fixed version yet',
      fix,
    ];
  }
  const where = row.release ? link(absolute(ctx.site.url, paths.release(row.release.name)), escapeHtml(row.release.title)) : 'master';
  const fixes = [
    row.commit && row.repository ? link(githubCommit(row.repository, row.commit), `commit ${code(row.commit.slice(0, 10))}`) : '',
    row.tag ? (row.repository ? link(githubTag(row.repository, row.tag), `tag ${code(row.tag)}`) : `tag ${code(row.tag)}`) : '',
  ].filter(Boolean);
  return [escapeHtml(row.component), where, RELEASE_STATUS_LABELS[row.status], fixes.join(' or ') || 'none'];
}

/** The table as HTML, or '' when the advisory has no rows. */
export function fixTableHtml(p: PublishedAdvisory, ctx: Pick<OutputContext, 'site' | 'releases'>): string {
  const rows = fixRows(p.advisory.affected, ctx.releases);
  if (rows.length === 0) return '';
  const head = ['Component', 'Branch or release', 'Status', 'Fix'].map((h) => `<th>${h}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${cells(r, ctx)
          .map((c) => `<td>${c}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const caption = p.advisory.withdrawn ? 'Fixes as recorded (withdrawn: nothing to apply)' : 'What to apply';
  return `<table>\n<caption>${caption}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
