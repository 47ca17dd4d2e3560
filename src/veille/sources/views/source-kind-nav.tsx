import type { VeilleSourceKind } from '../../../db/schema.js';
import { SOURCE_KIND_LABELS } from '../source-kind-labels.js';

/** Where each kind of source is added: the feed form, then one form per network. */
export function addSourceHref(kind: VeilleSourceKind): string {
  return kind === 'feed' ? '/ecrire/veille/sources/ajouter' : `/ecrire/veille/sources/ajouter/${kind}`;
}

/** The kinds of source one can add, as links, the current one marked (the back office's filter style). */
export function SourceKindNav(props: { current: VeilleSourceKind }) {
  return (
    <nav class="status-filter" aria-label="Type de source">
      <ul>
        {(Object.keys(SOURCE_KIND_LABELS) as VeilleSourceKind[]).map((kind) => (
          <li><a href={addSourceHref(kind)} aria-current={props.current === kind ? 'page' : undefined}>{SOURCE_KIND_LABELS[kind]}</a></li>
        ))}
      </ul>
    </nav>
  );
}
