/** How SPIP ids map to Relais ids, per kind of object a shortcut names. */
export interface SpipIdMaps {
  readonly article: ReadonlyMap<number, number>;
  readonly rubrique: ReadonlyMap<number, number>;
  readonly document: ReadonlyMap<number, number>;
}

// `[text->art12]`, `[->article12]`, `[->12]` (an article), `[->rub3]`, `[->rubrique3]`, `[->doc4]`.
const LINK = /(->\s*)(art|article|rub|rubrique|doc|document|img|image)?(\d+)(?=\s*(?:#[^\]]*)?\])/g;
// `<img4|left>`, `<doc5>`, `<emb6|center>` and SPIP 4's `<image4>`, `<document5>`, `<audio…>`, `<video…>`, `<text…>`.
const MODEL = /<(img|doc|emb|image|document|audio|video|text)(\d+)(?=[|>\s/])/g;

function linkKind(prefix: string | undefined): keyof SpipIdMaps {
  if (prefix === undefined || prefix.startsWith('art')) return 'article';
  if (prefix.startsWith('rub')) return 'rubrique';
  return 'document';
}

/**
 * Renumbers the object shortcuts of a SPIP text to the Relais ids the import gave the objects
 * (kept as shortcuts: the text still renders through the SPIP renderer). A shortcut to an object
 * not in the maps is left as typed.
 *
 * @example
 * rewriteSpipRefs('[voir->art12] <img4|left>', { article: new Map([[12, 40]]), rubrique: new Map(), document: new Map([[4, 9]]) })
 * // '[voir->art40] <img9|left>'
 */
export function rewriteSpipRefs(text: string, maps: SpipIdMaps): string {
  if (!text.includes('->') && !text.includes('<')) return text;
  return text
    .replace(LINK, (whole, arrow: string, prefix: string | undefined, id: string) => {
      const to = maps[linkKind(prefix)].get(Number(id));
      return to === undefined ? whole : `${arrow}${prefix ?? ''}${to}`;
    })
    .replace(MODEL, (whole, model: string, id: string) => {
      const to = maps.document.get(Number(id));
      return to === undefined ? whole : `<${model}${to}`;
    });
}

/** Whether a text names other articles (`[->art12]`): such texts are rewritten again once every article has its id. */
export function namesArticles(text: string): boolean {
  return /->\s*(?:art|article)?\d/.test(text);
}
