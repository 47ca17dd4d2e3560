import { decodeHTML } from 'entities';

const TAG = /<\/?[a-zA-Z][^<>]*>|<!--[\s\S]*?-->/g;

/**
 * A title as plain text: tags removed, entities decoded, white space
 * collapsed. Used on RSS titles (often escaped HTML) and Atom `type="html"`.
 *
 * @example toPlainText('Conseil&nbsp;<b>municipal</b>') // 'Conseil municipal'
 */
export function toPlainText(html: string): string {
  return decodeHTML(html.replace(TAG, '')).replace(/\s+/g, ' ').trim();
}
