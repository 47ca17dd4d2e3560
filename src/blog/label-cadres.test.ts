import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSpip } from '../markup/render-spip.js';
import { labelCadres } from './label-cadres.js';

test('names every cadre of rendered SPIP text, and only once', () => {
  const { html } = renderSpip('<cadre>\nhttps://exemple.fr/a.ics\n</cadre>\n\n<cadre>deux</cadre>', { profile: 'article' });
  const labelled = labelCadres(html, 'Texte à copier');
  assert.equal(labelled.match(/<textarea aria-label="Texte à copier"/g)?.length, 2);
  assert.equal(labelCadres(labelled, 'Texte à copier'), labelled);
});

test('escapes the label and leaves text without a cadre alone', () => {
  assert.match(labelCadres('<textarea readonly>x</textarea>', 'a "b" <c>'), /aria-label="a &#34;b&#34; &#60;c&#62;"/);
  assert.equal(labelCadres('<p>&lt;textarea&gt;</p>', 'x'), '<p>&lt;textarea&gt;</p>');
});
