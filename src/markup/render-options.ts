/** `article`: trusted editors in the back office; `forum`: anyone on the public site (MARKUP.md, "Two profiles"). */
export type Profile = 'article' | 'forum';

/** The SPIP objects a `[->art12]` / `[->rub3]` link can point to. */
export type ObjectKind = 'article' | 'rubrique';

/** Maps an object to its URL on the site, or undefined when it does not exist. */
export type ResolveObjectLink = (kind: ObjectKind, id: number) => string | undefined;

/** A media shortcut: `<img4|left>` is `{ kind: 'img', id: 4, align: 'left' }`. */
export interface DocumentRef {
  readonly kind: 'img' | 'doc' | 'emb';
  readonly id: number;
  readonly align?: 'left' | 'right' | 'center';
}

/**
 * Draws a media shortcut: returns trusted HTML (phrasing content, or a
 * `<div>`/`<figure>` block that is then kept out of paragraphs), or
 * undefined when the document does not exist.
 */
export type ResolveDocument = (ref: DocumentRef) => string | undefined;

/** Options of `renderSpip`. */
export interface RenderOptions {
  readonly profile: Profile;
  /** Defaults to SPIP's own pattern, `spip.php?article12` / `spip.php?rubrique3`. */
  readonly resolveObjectLink?: ResolveObjectLink;
  /** Defaults to "no document exists". */
  readonly resolveDocument?: ResolveDocument;
}

/** What `renderSpip` returns: the body and, separately, the notes block (`""` when there are none). */
export interface RenderResult {
  readonly html: string;
  readonly notes: string;
}
