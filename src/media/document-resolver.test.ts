import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSpip } from '../markup/render-spip.js';
import { createDocumentResolver, documentInfo } from './document-resolver.js';
import { formatFileSize } from './format-file-size.js';
import { imageSources } from './image-sources.js';
import type { MediaItem, MediaVariant } from './media-item.js';

const HASH = 'ab'.repeat(16);

function buildItem(overrides: Partial<MediaItem> = {}): MediaItem {
  const variant = (width: number, format: MediaVariant['format']): MediaVariant => ({
    width, height: width / 2, format, key: `ab/${HASH}-${width}.${format === 'jpeg' ? 'jpg' : format}`, bytes: 1000,
  });
  return {
    id: 12, kind: 'image', mime: 'image/jpeg', extension: 'jpg', hash: HASH, storageKey: `ab/${HASH}.jpg`, byteSize: 900_000,
    width: 2000, height: 1000,
    variants: [variant(1200, 'jpeg'), variant(480, 'jpeg'), variant(800, 'jpeg'), variant(480, 'webp'), variant(1200, 'webp'), variant(800, 'avif')],
    title: 'Fête de la musique', alt: 'Un orchestre sur la place de la mairie', decorative: false, caption: 'Place de la mairie, 21 juin.',
    credit: '© Ville de Relais', createdBy: null, createdAt: '2026-05-01T00:00:00Z', updatedAt: '2026-05-01T00:00:00Z', needsReview: false,
    ...overrides,
  };
}

const render = (text: string, items: MediaItem[], baseUrl = '') =>
  renderSpip(text, { profile: 'article', resolveDocument: createDocumentResolver(new Map(items.map((i) => [i.id, i])), baseUrl) }).html;

describe('media shortcuts', () => {
  test('<imgN|left> is a figure with srcset, sizes, width, height, lazy loading and its caption, through both walls', () => {
    const html = render('Avant.\n\n<img12|left>\n\nAprès.', [buildItem()]);
    assert.match(html, /<div class="spip_document_12 spip_document spip_documents spip_document_image spip_documents_left spip_document_left"><figure class="spip_doc_inner"><picture>/);
    assert.match(html, new RegExp(`<source type="image/avif" srcset="/media/ab/${HASH}-800.avif 800w" sizes="[^"]+">`));
    assert.match(html, new RegExp(`<source type="image/webp" srcset="/media/ab/${HASH}-480.webp 480w, /media/ab/${HASH}-1200.webp 1200w"`));
    assert.match(html, new RegExp(`<img src="/media/ab/${HASH}-1200.jpg" srcset="/media/ab/${HASH}-480.jpg 480w, /media/ab/${HASH}-800.jpg 800w, /media/ab/${HASH}-1200.jpg 1200w, /media/ab/${HASH}.jpg 2000w" sizes="[^"]+" width="1200" height="600" alt="Un orchestre sur la place de la mairie" loading="lazy" decoding="async"`));
    assert.match(html, /<figcaption class="spip_doc_legende"><span class="spip_doc_descriptif">Place de la mairie, 21 juin.<\/span> <span class="spip_doc_credits">© Ville de Relais<\/span><\/figcaption>/);
    assert.ok(!/<p>\s*<div/.test(html), 'the figure is kept out of paragraphs');
  });

  test('a decorative image gets alt=""; <docN> on an image adds its title', () => {
    const html = render('<doc12|center>', [buildItem({ decorative: true, alt: '', caption: '', credit: '' })]);
    assert.match(html, / alt="" /);
    assert.match(html, /<span class="spip_doc_titre">Fête de la musique<\/span>/);
  });

  test('<docN> is a link giving the type and size, e.g. "PDF – 1,2 Mo"', () => {
    const pdf = buildItem({ id: 4, kind: 'document', mime: 'application/pdf', extension: 'pdf', storageKey: `ab/${HASH}.pdf`, byteSize: 1_258_291, width: null, height: null, variants: [], title: 'Délibération du 3 mars', caption: '', credit: '' });
    const html = render('Lire <doc4>.', [pdf], 'https://www.ville.fr');
    assert.match(html, new RegExp(`<a href="https://www.ville.fr/media/ab/${HASH}.pdf" class="spip_doc_lien">Délibération du 3 mars <span class="spip_doc_infos">\\(PDF – 1,2 Mo\\)</span></a>`));
    assert.equal(documentInfo(pdf), 'PDF – 1,2 Mo');
  });

  test('a missing item stays as typed', () => {
    assert.match(render('<img99>', []), /<tt>&lt;img99&gt;<\/tt>/);
  });

  test('texts from the library are escaped', () => {
    const html = render('<img12>', [buildItem({ alt: '"><script>alert(1)</script>', caption: '<b>x</b>' })]);
    assert.ok(!html.includes('<script'));
    assert.ok(!html.includes('<b>x'));
  });

  test('the fallback is the original when no web size was needed', () => {
    const small = buildItem({ width: 600, height: 400, variants: [] });
    const s = imageSources(small);
    assert.equal(s.src, `/media/ab/${HASH}.jpg`);
    assert.equal(s.srcset, '');
    assert.deepEqual([s.width, s.height], [600, 400]);
  });

  test('sizes read in French', () => {
    assert.equal(formatFileSize(800), '800 octets');
    assert.equal(formatFileSize(5_300), '5 ko');
    assert.equal(formatFileSize(1_258_291), '1,2 Mo');
    assert.equal(formatFileSize(30 * 1024 * 1024), '30 Mo');
  });
});
