import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { Relais } from '../../main.js';

/** A demo illustration: drawn as SVG, rasterised by sharp, added to the library with its French texts. */
export interface DemoIllustration {
  /** The demo article it illustrates (`%art:key%` key). */
  readonly article: string;
  /** `logo`: the article's main illustration; `body`: an `<imgN|right>` at the top of its text. */
  readonly use: 'logo' | 'body';
  readonly fileName: string;
  readonly title: string;
  readonly alt: string;
  readonly svg: string;
}

const WIDTH = 960;
const HEIGHT = 540;
const CREDIT = '© Ville de Val-Fleuri';

function frame(defs: string, shapes: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}"><defs>${defs}</defs>${shapes}</svg>`;
}

/** Two main illustrations and one image in a body: coloured shapes, no photograph. */
export const DEMO_ILLUSTRATIONS: readonly DemoIllustration[] = Object.freeze([
  {
    article: 'musique', use: 'logo', fileName: 'fete-musique.png', title: 'Fête de la musique',
    alt: 'Dessin : des cercles colorés comme des projecteurs sur une scène violette au crépuscule',
    svg: frame(
      '<linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2b1055"/><stop offset="1" stop-color="#d53369"/></linearGradient>',
      '<rect width="960" height="540" fill="url(#s)"/><rect y="400" width="960" height="140" fill="#1b0a33"/>'
      + '<circle cx="220" cy="170" r="90" fill="#ffd23f" opacity=".85"/><circle cx="480" cy="130" r="70" fill="#3bceac" opacity=".8"/>'
      + '<circle cx="740" cy="190" r="110" fill="#ee4266" opacity=".75"/><rect x="300" y="330" width="360" height="70" rx="8" fill="#540d6e"/>',
    ),
  },
  {
    article: 'travaux', use: 'logo', fileName: 'travaux-voirie.png', title: 'Travaux de voirie',
    alt: 'Dessin : une chaussée grise barrée de plots orange et blancs sous un ciel bleu',
    svg: frame(
      '<linearGradient id="c" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5aa9e6"/><stop offset="1" stop-color="#bde0fe"/></linearGradient>',
      '<rect width="960" height="540" fill="url(#c)"/><polygon points="330,260 630,260 960,540 0,540" fill="#5c5f66"/>'
      + '<rect x="470" y="300" width="20" height="60" fill="#f8f9fa"/><rect x="462" y="400" width="36" height="90" fill="#f8f9fa"/>'
      + '<polygon points="200,500 250,340 300,500" fill="#f77f00"/><rect x="222" y="400" width="56" height="22" fill="#fff"/>'
      + '<polygon points="660,500 710,340 760,500" fill="#f77f00"/><rect x="682" y="400" width="56" height="22" fill="#fff"/>',
    ),
  },
  {
    article: 'creche', use: 'body', fileName: 'creche-jeux.png', title: 'Coin des petits',
    alt: 'Dessin : des cubes de jeu jaune, vert et bleu posés sur un tapis rose pâle',
    svg: frame(
      '<radialGradient id="t" cx=".5" cy=".6" r=".7"><stop offset="0" stop-color="#fde2e4"/><stop offset="1" stop-color="#fad2e1"/></radialGradient>',
      '<rect width="960" height="540" fill="url(#t)"/><rect x="220" y="300" width="160" height="160" rx="14" fill="#ffd166"/>'
      + '<rect x="400" y="300" width="160" height="160" rx="14" fill="#06d6a0"/><rect x="310" y="140" width="160" height="160" rx="14" fill="#118ab2"/>'
      + '<circle cx="700" cy="390" r="80" fill="#ef476f"/>',
    ),
  },
]);

/** What the demo illustrations became: the media id per article key, for the logo and for the body. */
export interface DemoMediaIds {
  readonly logo: ReadonlyMap<string, number>;
  readonly body: ReadonlyMap<string, number>;
}

/** Draws the demo illustrations and adds them through the media service (alternatives and credit included). */
export async function addDemoIllustrations(relais: Relais): Promise<DemoMediaIds> {
  const logo = new Map<string, number>();
  const body = new Map<string, number>();
  for (const illustration of DEMO_ILLUSTRATIONS) {
    const png = await sharp(Buffer.from(illustration.svg)).png({ compressionLevel: 6 }).toBuffer();
    const { item } = await relais.media.add(
      { source: Readable.from([png]), fileName: illustration.fileName },
      { title: illustration.title, alt: illustration.alt, credit: CREDIT },
      null,
    );
    (illustration.use === 'logo' ? logo : body).set(illustration.article, item.id);
  }
  return { logo, body };
}

/** Puts `<imgN|right>` at the top of a body that has a demo image. */
export function withBodyImage(body: string, mediaId: number | undefined): string {
  return mediaId === undefined ? body : `<img${mediaId}|right>\n\n${body}`;
}
