import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** A whole HTML document from a JSX tree; every text and attribute is escaped by Preact. */
export function renderDocument(tree: VNode): string {
  return '<!DOCTYPE html>' + render(tree);
}

/** Markers in cached pages, replaced at each request by the visitor's own parts (never cached). */
export const VISITOR_BAR_MARK = '<!--relais:visitor-->';
