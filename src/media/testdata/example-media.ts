import { Readable } from 'node:stream';
import type { Relais } from '../../main.js';
import { pdfFile, plainImage } from './media-fixtures.js';

/**
 * A few library items for page tests: a photo with caption and credit (renditions made), a plan,
 * a decorative ornament and a PDF; returns their ids.
 */
export async function addExampleMedia(relais: Pick<Relais, 'media'>): Promise<{ photo: number; plan: number; ornament: number; pdf: number }> {
  const add = async (bytes: Buffer, fileName: string, texts: object) =>
    (await relais.media.add({ source: Readable.from([bytes]), fileName }, texts, null)).item.id;
  const photo = await add(await plainImage(1400, 900, 'jpeg', '#2a6f5b'), 'creche.jpg', { alt: 'La façade de la crèche côté jardin', caption: 'La crèche des Tilleuls.', credit: '© Ville de Relais' });
  await relais.media.makeVariants(photo);
  const plan = await add(await plainImage(600, 400, 'png', '#6b4f2a'), 'plan.png', { alt: 'Plan d’accès : entrée rue des Tilleuls, parking à droite', credit: '© Services techniques' });
  const ornament = await add(await plainImage(200, 40, 'png', '#ddd'), 'filet.png', { decorative: true });
  const pdf = await add(pdfFile(250_000), 'reglement.pdf', { title: 'Règlement de fonctionnement' });
  return { photo, plan, ornament, pdf };
}
