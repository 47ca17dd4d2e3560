import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';

export type { MessageKey };
export type Language = 'fr' | 'en';

/** Looks up a message and fills its `{name}` placeholders. */
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

const catalogues: Record<Language, Record<MessageKey, string>> = { fr, en };

/**
 * The translator for a language (French when unknown).
 *
 * @example
 * translator('fr')('site.pageOf', { page: 2, pages: 5 }) // "Page 2 sur 5"
 */
export function translator(language: string): Translate {
  const messages = catalogues[language === 'en' ? 'en' : 'fr'];
  return (key, values) => {
    const text = messages[key];
    return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)) : text;
  };
}
