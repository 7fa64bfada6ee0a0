/**
 * The site's own prose pages (policy, operators, working group): where each is served, which
 * generated blocks it places, and the site facts its text may quote. The pages are read and
 * rendered by src/content/prose-pages.ts; this module only says which ones the site has.
 */
import type { Site } from '../schemas/site.ts';
import { loadProsePage, type ProsePage } from '../content/prose-pages.ts';
import { hostPath, paths } from './urls.ts';

/** The site's prose pages, each with its path and the generated blocks it places. */
const SITE_PROSE = {
  policy: { url: paths.policy, blocks: ['sla'] },
  operators: { url: paths.operators, blocks: ['feeds', 'releases'] },
  'working-group': { url: paths.workingGroup, blocks: ['members'] },
} as const;
export const PROSE_SLUGS = Object.keys(SITE_PROSE) as Array<keyof typeof SITE_PROSE>;

/** One of the site's prose pages with the site's facts filled in, as its page renders it. */
export function loadSiteProse(slug: keyof typeof SITE_PROSE, site: Site): ProsePage & { url: string } {
  const { url, blocks } = SITE_PROSE[slug];
  return { ...loadProsePage(slug, { vars: proseVars(site), blocks }), url };
}

/** The facts prose may quote inline: `{{contact_email}}`, `{{notice_hours}}`, `{{paths.policy}}` … */
export function proseVars(site: Pick<Site, 'contact_email' | 'notice_hours' | 'url'>): Record<string, string> {
  const vars: Record<string, string> = {
    contact_email: site.contact_email,
    notice_hours: String(site.notice_hours),
    site_url: site.url,
  };
  // A link in prose is a path on the site's host: under the base path of a site under a path.
  for (const [name, value] of Object.entries(paths)) if (typeof value === 'string') vars[`paths.${name}`] = hostPath(site.url, value);
  return vars;
}
