import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { PACKAGE_ROOT } from '../../package-root.js';
import { CHANNELS } from '../channels/channels.js';
import { NETWORK_NAMES } from '../channels/channel-adapter.js';
import { urlWeight } from './length-counter.js';

const SCRIPT = readFileSync(join(PACKAGE_ROOT, 'public/relay-counter.js'), 'utf8');

const TEXTS = [
  'Fête de la musique ce soir !',
  'Noël à Val-Fleuri 🎄👩‍👩‍👧🇫🇷 — « marché » de 10 h à 18 h ; entrée libre !',
  'Cafe\u0301 crème, naïveté, œuvre… 1️⃣ 👍🏽',
  'Lisez https://www.ville-exemple.fr/article/fete?utm_source=x&utm_medium=social&utm_campaign=fete. Merci !',
  'Deux liens : https://a.fr/b et http://exemple.fr/une/tres/longue/adresse/qui/ne/finit/pas, puis 漢字.',
  '',
];

/** Runs the page script on a stub document holding one text area and its counter; returns the count it shows. */
function liveCount(text: string, counter: { limit: number; urlWeight: number | undefined; network: string }): number {
  const output = { textContent: '' };
  const area = { value: text, addEventListener() {}, setAttribute() {} };
  const element = {
    className: '',
    getAttribute: (name: string) => ({ 'data-for': 'f-text', 'data-limit': String(counter.limit), 'data-url-weight': String(counter.urlWeight ?? ''), 'data-counting': counter.network === 'x' || counter.network === 'bluesky' ? counter.network : null } as Record<string, string | null>)[name] ?? null,
    querySelector: (selector: string) => (selector === '.relay-count' ? output : null),
  };
  const document = { querySelectorAll: () => [element], getElementById: (id: string) => (id === 'f-text' ? area : null) };
  runInNewContext(SCRIPT, { document, Intl, URL });
  return Number(output.textContent);
}

test('the live counter of the composer counts as each network’s adapter does', () => {
  for (const network of NETWORK_NAMES) {
    const adapter = CHANNELS[network];
    const settings = { limit: adapter.limits().maxLength, urlWeight: urlWeight(adapter), network };
    for (const text of TEXTS) assert.equal(liveCount(text, settings), adapter.countLength(text), `${network}: ${text}`);
  }
});
