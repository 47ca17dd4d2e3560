import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFeedBytes } from './decode-feed-bytes.js';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

test('reads a UTF-16 document by its byte order mark', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss>Élu</rss>', 'utf16le')]);
  assert.deepEqual(decodeFeedBytes(le), { text: '<rss>Élu</rss>', encoding: 'utf-16le', problems: [] });
});

test('prefers the XML declaration to a Content-Type charset, and uses the charset when the document declares nothing', () => {
  const declared = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss>\xe9</rss>');
  assert.equal(decodeFeedBytes(declared, 'text/xml; charset=utf-8').text.endsWith('<rss>é</rss>'), true);
  const undeclared = latin1('<rss>\xe9t\xe9</rss>');
  assert.deepEqual(decodeFeedBytes(undeclared, 'application/rss+xml; charset="iso-8859-1"'), { text: '<rss>été</rss>', encoding: 'windows-1252', problems: [] });
});

test('reads ISO-8859-1 as Windows-1252, as browsers do: curly quotes, œ and € survive', () => {
  const bytes = latin1('<?xml version="1.0" encoding="iso-8859-1"?><t>\x92\x9c\x80\x85</t>');
  assert.ok(decodeFeedBytes(bytes).text.endsWith('<t>’œ€…</t>'));
});

test('says so when the declared encoding is unknown, and reads UTF-8', () => {
  const result = decodeFeedBytes(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><rss>é</rss>'));
  assert.equal(result.encoding, 'utf-8');
  assert.deepEqual(result.problems, ['L’encodage déclaré « x-klingon » est inconnu ; le flux est lu en UTF-8.']);
});
