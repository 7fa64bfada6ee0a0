/** Turns a validated advisory into what the public site may hold at the build clock. */
import type { PublicEntry } from '../schemas/public-entry.ts';
import type { AdvisoryEntry } from './content.ts';
import { renderMarkdown } from './markdown.ts';
import { publicView, visibilityOf } from './visibility.ts';

export type EntryOptions = {
  /** Dev-server preview of embargoed advisories in full. Never set by a production build. */
  previewEmbargoed?: boolean;
};

export function toPublicEntry(entry: AdvisoryEntry, now: Date, options: EntryOptions = {}): PublicEntry | null {
  const full = () => renderMarkdown(entry.body);
  if (options.previewEmbargoed) {
    const phase = visibilityOf(entry.data, now);
    if (phase === 'hidden' || phase === 'announced') {
      return { visibility: 'published', advisory: entry.data, ...full(), embargoed: phase };
    }
  }
  const view = publicView(entry.data, now, full);
  if (!view) return null;
  if (view.visibility === 'announced') return view;
  const { data, visibility, ...rest } = view;
  return { visibility, advisory: data, ...rest };
}
