const OBJECT = /^(article|rubrique|breve|mot|auteur|site|document)(\d{1,9})$/;
const ID_PARAM: readonly [param: string, object: string][] = [['id_article', 'article'], ['id_rubrique', 'rubrique'], ['id_document', 'document']];

/**
 * The key an old SPIP address is stored under in the redirect table, or undefined when the
 * address has no SPIP shape. Every form of one object gives one key:
 * `spip.php?article12`, `?article12`, `spip.php?page=article&id_article=12`, `article12.html` and
 * `/site/spip.php?article12` (SPIP in a sub-folder) give `article12`; `spip.php?page=backend` gives `backend` (and `page=sommaire`, `sommaire`); URLs *propres* and *arborescentes*
 * (`Titre-de-l-article`, `-Rubrique-`, `Titre.html`, `Rubrique/Sous-rubrique/Titre`) give the
 * URL SPIP stored (`Titre-de-l-article`); `IMG/jpg/photo.jpg` stays itself.
 *
 * @example oldAddressKey('/spip.php?page=article&id_article=12') // 'article12'
 */
export function oldAddressKey(url: string): string | undefined {
  const at = url.indexOf('?');
  let path: string;
  try {
    path = decodeURIComponent(at === -1 ? url : url.slice(0, at));
  } catch {
    return undefined;
  }
  const query = new URLSearchParams(at === -1 ? '' : url.slice(at + 1));
  // SPIP may live in a sub-folder (`/site/spip.php?article12`): the script's name is what counts.
  if (path.endsWith('/') && at !== -1 || /\/(?:spip|index)\.php$/.test(path)) {
    const page = query.get('page');
    if (page === 'backend' || page === 'rss') return 'backend';
    if (page === 'sommaire') return 'sommaire';
    for (const [param, object] of ID_PARAM) {
      const id = query.get(param);
      if (id !== null && /^\d{1,9}$/.test(id)) return `${object}${Number(id)}`;
    }
    // `?article12`, and `?Titre-de-l-article` (URLs "propres_qs"): the first key, without a value.
    const [first] = [...query.keys()];
    if (first === undefined || first === 'page' || query.get(first) !== '') return undefined;
    return lastSegmentKey(first);
  }
  if (path.startsWith('/IMG/')) return path.length > 5 && !path.includes('..') ? path.slice(1) : undefined;
  return lastSegmentKey(path);
}

/** The last segment of a path (URLs *arborescentes* end with the object's own URL), normalised. */
function lastSegmentKey(path: string): string | undefined {
  const last = path.split('/').filter((s) => s !== '').pop();
  return last === undefined ? undefined : normaliseSegment(last);
}

/** `article12.html` → `article12`; `-Rubrique-` → `Rubrique`; `_Auteur_`, `+Mot+`, `@Site@` likewise (SPIP's URL markers). */
function normaliseSegment(segment: string): string | undefined {
  let bare = segment;
  for (let previous = ''; previous !== bare;) {
    previous = bare;
    bare = bare.replace(/\.html?$/i, '').replace(/^[-_+@]+|[-_+@]+$/g, '');
  }
  if (bare === '' || bare.length > 255 || /^(?:spip|index)\.php$/.test(bare)) return undefined;
  const object = OBJECT.exec(bare);
  return object ? `${object[1]}${Number(object[2])}` : bare;
}

/** The key a URL SPIP stored in `spip_urls` answers to (markers and `.html` dropped like the incoming ones). */
export function storedUrlKey(url: string): string | undefined {
  return lastSegmentKey(url);
}
