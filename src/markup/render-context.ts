import { NoteCollector } from './note-collector.js';
import type { Profile, RenderOptions, ResolveDocument, ResolveObjectLink } from './render-options.js';

/** The typographic characters, as entities (`article`) or UTF-8 characters (`forum`), per MARKUP.md. */
export interface Entities {
  readonly nbsp: string;
  readonly rsquo: string;
  readonly mdash: string;
  readonly deg: string;
}

const ARTICLE_ENTITIES: Entities = Object.freeze({ nbsp: '&nbsp;', rsquo: '&#8217;', mdash: '&mdash;', deg: '&#176;' });
const FORUM_ENTITIES: Entities = Object.freeze({ nbsp: '\u00a0', rsquo: '’', mdash: '—', deg: '°' });

/** Everything one rendering needs; `notes` accumulates the notes met on the way. */
export interface RenderContext {
  readonly profile: Profile;
  readonly forum: boolean;
  readonly entities: Entities;
  readonly resolveObjectLink: ResolveObjectLink;
  readonly resolveDocument: ResolveDocument;
  readonly notes: NoteCollector;
}

/** SPIP's own link pattern, used by the CLI and whenever the site passes no router. */
export const spipObjectLink: ResolveObjectLink = (kind, id) => `spip.php?${kind}${id}`;

const noDocument: ResolveDocument = () => undefined;

/** Builds the context of one rendering from the public options. */
export function createRenderContext(options: RenderOptions): RenderContext {
  const forum = options.profile === 'forum';
  return Object.freeze({
    profile: options.profile,
    forum,
    entities: forum ? FORUM_ENTITIES : ARTICLE_ENTITIES,
    resolveObjectLink: options.resolveObjectLink ?? spipObjectLink,
    resolveDocument: options.resolveDocument ?? noDocument,
    notes: new NoteCollector(),
  });
}
