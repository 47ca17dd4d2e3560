import { cleanInput } from './placeholders.js';
import { renderBlocks } from './render-blocks.js';
import { createRenderContext } from './render-context.js';
import type { RenderOptions, RenderResult } from './render-options.js';

/**
 * The renderer alone — the first wall: SPIP text to `{ html, notes }`,
 * emitting only the elements and attributes it decides to emit. `renderSpip`
 * adds the second wall on top; tests call this one to prove the first wall
 * is enough by itself.
 */
export function renderDocument(text: string, options: RenderOptions): RenderResult {
  const ctx = createRenderContext(options);
  const html = renderBlocks(cleanInput(text), ctx, true);
  const notes = ctx.notes.render((body) => renderBlocks(body, ctx, false), ctx);
  return Object.freeze({ html, notes });
}
