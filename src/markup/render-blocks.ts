import { PieceBuffer } from './piece-buffer.js';
import { readPlaceholderIndex } from './placeholders.js';
import type { RenderContext } from './render-context.js';
import { renderList } from './render-list.js';
import { nextLine, renderParagraphs } from './render-paragraphs.js';
import { renderPoesie } from './render-poesie.js';
import { isTableRow, renderTable } from './render-table.js';
import type { SpipToken } from './spip-token.js';
import { tokeniseSpip } from './tokenise-spip.js';

const RULE = /^(?:-{4,}|_{4,})/;
const LIST_ITEM = /^-[*#]/;
const BLOCK_MARK = 0xe001;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * The block pass: reads the tokenised text line by line into paragraphs,
 * intertitres, rules, lists, tables, quotes and poems, and the block tokens
 * left by the first pass. Blocks are joined by a newline, as SPIP's are.
 * Lines are read one at a time from the text (not split into an array up
 * front: a text of a million short lines would keep them all alive).
 */
class BlockPass {
  private readonly out = new PieceBuffer('\n');
  private paragraph: string[] = [];
  private list: string[] = [];
  private table: string[] = [];
  private tables = 0;
  private quotes = 0;
  /** Where the next line starts; past the end once every line is read. */
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly SpipToken[],
    private readonly ctx: RenderContext,
  ) {}

  /** The next line (as `split('\n')` would give it), or undefined after the last. */
  private nextLine(): string | undefined {
    const text = this.text;
    if (this.position > text.length) return undefined;
    const newline = text.indexOf('\n', this.position);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(this.position, end);
    this.position = end + 1;
    return line;
  }

  /** The block token whose line starts at the current position; moves to the next line (no string made). */
  private readBlockToken(): SpipToken | undefined {
    const token = this.tokens[readPlaceholderIndex(this.text, this.position)];
    const newline = this.text.indexOf('\n', this.position);
    this.position = newline < 0 ? this.text.length + 1 : newline + 1;
    return token;
  }

  run(): string {
    while (this.position <= this.text.length) {
      if (this.text.charCodeAt(this.position) === BLOCK_MARK) {
        this.blockToken(this.readBlockToken());
        continue;
      }
      const line = this.nextLine() ?? '';
      if (isBlank(line)) this.flush();
      else this.textLine(line);
    }
    this.flush();
    // Quotes left open close here, in one piece however many there are.
    if (this.quotes > 0) this.out.push(`${'</blockquote>\n'.repeat(this.quotes - 1)}</blockquote>`);
    return this.out.join();
  }

  private textLine(line: string): void {
    const rule = RULE.exec(line);
    if (rule) {
      this.flush();
      this.out.push('<hr class="spip" />');
      const rest = line.slice(rule[0].length);
      if (!isBlank(rest)) this.paragraph.push(rest);
    } else if (LIST_ITEM.test(line)) {
      this.flushParagraph();
      this.flushTable();
      this.list.push(line);
    } else if (isTableRow(line)) {
      this.flushParagraph();
      this.flushList();
      this.table.push(line);
    } else if (this.list.length > 0) {
      this.list[this.list.length - 1] += nextLine(line);
    } else {
      this.flushTable();
      this.paragraph.push(line);
    }
  }

  private token(line: string): SpipToken | undefined {
    return this.tokens[readPlaceholderIndex(line, 0)];
  }

  /** Handles a block token line (a poem reads on to its closing line). */
  private blockToken(token: SpipToken | undefined): void {
    this.flush();
    switch (token?.kind) {
      case 'html':
        this.out.push(token.html);
        return;
      case 'quote-open':
        this.out.push('<blockquote class="spip">');
        this.quotes++;
        return;
      case 'quote-close':
        if (this.quotes > 0) {
          this.out.push('</blockquote>');
          this.quotes--;
        }
        return;
      case 'poesie-open':
        this.poesie();
        return;
      default:
        return;
    }
  }

  /** Collects a poem up to its closing marker (or the end of the text), which it consumes. */
  private poesie(): void {
    const lines: string[] = [];
    for (let line = this.nextLine(); line !== undefined; line = this.nextLine()) {
      if (line.charCodeAt(0) === BLOCK_MARK && this.token(line)?.kind === 'poesie-close') break;
      lines.push(line);
    }
    const draw = (line: string): string | undefined => {
      if (line.charCodeAt(0) !== BLOCK_MARK) return undefined;
      const token = this.token(line);
      return token?.kind === 'html' ? token.html : '';
    };
    this.out.push(renderPoesie(lines, this.ctx, this.tokens, draw));
  }

  private flushParagraph(): void {
    if (this.paragraph.length === 0) return;
    for (const block of renderParagraphs(this.paragraph, this.ctx, this.tokens)) this.out.push(block);
    this.paragraph = [];
  }

  private flushList(): void {
    if (this.list.length === 0) return;
    this.out.push(renderList(this.list, this.ctx, this.tokens));
    this.list = [];
  }

  private flushTable(): void {
    if (this.table.length === 0) return;
    this.out.push(renderTable(this.table, this.ctx, this.tokens, this.tables++));
    this.table = [];
  }

  private flush(): void {
    this.flushParagraph();
    this.flushList();
    this.flushTable();
  }
}

/**
 * Renders a cleaned text into block HTML: first pass (tokens), then the
 * block pass, which calls the inline pass on each paragraph, item and cell.
 * `withNotes` is false for the text of a note (notes do not nest).
 */
export function renderBlocks(source: string, ctx: RenderContext, withNotes: boolean): string {
  const { text, tokens } = tokeniseSpip(source, ctx, withNotes);
  return new BlockPass(text, tokens, ctx).run();
}
