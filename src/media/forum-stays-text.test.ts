import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderContributionText } from '../forum/render-contribution.js';
import { startTestSite, type TestSite } from '../test-support/test-site.js';
import { multipartBody } from './testdata/multipart-body.js';
import { plainImage } from './testdata/media-fixtures.js';

// Issue 5: visitors cannot upload, and the forum never shows library or remote images.
let site: TestSite;
before(async () => { site = await startTestSite('sqlite'); });
after(() => site.close());

test('the forum takes no file: a multipart post is refused before any handler reads it', async () => {
  const response = await site.app.inject({
    method: 'POST', url: '/forum/envoyer',
    ...multipartBody({ body: 'Voici une photo' }, { name: 'file', fileName: 'photo.png', type: 'image/png', bytes: await plainImage(10, 10, 'png') }, ''),
  });
  assert.equal(response.statusCode, 415);
});

test('a forum message shows neither a library image (<img1>) nor a remote <img>', async () => {
  const { item } = await site.relais.media.add({ source: Readable.from([await plainImage(40, 40, 'png', '#a0a')]), fileName: 'a.png' }, { alt: 'Carré' }, null);
  const html = renderContributionText({ id: 3, body: `Regardez <img${item.id}|left> et <img src="https://traceur.example/pixel.gif" alt="">` });
  assert.ok(!html.includes('<img'), html);
  assert.ok(!html.includes('/media/'), html);
});
