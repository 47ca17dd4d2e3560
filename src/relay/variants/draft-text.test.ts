import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftText, normalizeHashtags, type DraftTemplate } from './draft-text.js';
import { stripEmoji } from './strip-emoji.js';
import { campaignLink } from './campaign-link.js';

const segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });
const count = (text: string) => [...segmenter.segment(text.replace(/https?:\/\/\S+/g, 'x'.repeat(23)))].length;

const page: DraftTemplate = {
  network: 'mastodon', use_title: 1, use_lead: 1, use_link: 1, opening_line: '📣 Nouveau sur le site :', hashtags: 'jeunesse #Val-Fleuri',
  emoji_allowed: 1, utm_tags: 1,
};
const article = { title: 'Fête de la musique 🎶', lead: '{{Concerts}} gratuits dans le [centre-ville->https://ex.fr] !', body: 'Corps.', slug: 'fete-de-la-musique' };

test('drafts the opening line, title, lead, tagged link and hashtags in paragraphs', () => {
  const draft = draftText(article, page, 'https://www.ville-exemple.fr', count, 500);
  assert.equal(draft.text, [
    '📣 Nouveau sur le site :',
    'Fête de la musique 🎶',
    'Concerts gratuits dans le centre-ville !',
    'https://www.ville-exemple.fr/article/fete-de-la-musique?utm_source=mastodon&utm_medium=social&utm_campaign=fete-de-la-musique',
    '#jeunesse #Val-Fleuri',
  ].join('\n\n'));
  assert.equal(draft.linkTitle, 'Fête de la musique 🎶');
});

test('leaves out what the page does not use, and emoji when it does not allow them', () => {
  const draft = draftText(article, { ...page, use_lead: 0, utm_tags: 0, emoji_allowed: 0, hashtags: '' }, 'https://www.ville-exemple.fr/', count, 500);
  assert.equal(draft.text, 'Nouveau sur le site :\n\nFête de la musique\n\nhttps://www.ville-exemple.fr/article/fete-de-la-musique');
});

test('shortens the lead until the post fits the network, keeping title and link', () => {
  const long = { ...article, lead: 'Une phrase de plus sur la fête. '.repeat(30) };
  const draft = draftText(long, page, 'https://www.ville-exemple.fr', count, 200);
  assert.ok(count(draft.text) <= 200, `${count(draft.text)}`);
  assert.match(draft.text, /…\n\nhttps:/);
  assert.match(draft.text, /^📣 Nouveau sur le site :\n\nFête de la musique 🎶\n\nUne phrase/);
});

test('a title too long for the network stays too long (the composer blocks it)', () => {
  const draft = draftText({ ...article, title: 'Très long titre '.repeat(40) }, page, 'https://www.ville-exemple.fr', count, 300);
  assert.ok(count(draft.text) > 300);
});

test('strips emoji, flags, skin tones and joined sequences but keeps accents, ©, digits and French punctuation', () => {
  assert.equal(stripEmoji('🇫🇷 Noël 👩‍👩‍👧 à 20 h ! 👍🏽 « ok » © 2026 #1 e\u0301'), 'Noël à 20 h ! « ok » © 2026 #1 e\u0301');
  assert.equal(stripEmoji('Ligne 🎉\n🎉 Suite'), 'Ligne\nSuite');
});

test('hashtags and campaign tags are normalised', () => {
  assert.equal(normalizeHashtags(' #a,b  ##c '), '#a #b #c');
  assert.equal(campaignLink('https://v.fr/a?utm_source=x&p=1', 'bluesky', 'a'), 'https://v.fr/a?utm_source=bluesky&p=1&utm_medium=social&utm_campaign=a');
});
