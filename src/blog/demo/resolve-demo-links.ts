/**
 * Replaces each `%art:key%` in a demo body with SPIP's `art<id>`, using the ids of the demo
 * articles already created. A key not yet created is a mistake in the demo content: it throws.
 *
 * @example
 * resolveDemoLinks('Voir [->%art:budget%].', new Map([['budget', 4]])); // 'Voir [->art4].'
 */
export function resolveDemoLinks(body: string, ids: ReadonlyMap<string, number>): string {
  return body.replace(/%art:([a-z0-9-]+)%/g, (_whole, key: string) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`Contenu de démonstration : l’article « ${key} » doit être publié avant celui qui le cite.`);
    return `art${id}`;
  });
}
