import { readPlaceholder } from './placeholders.js';
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
 */
class BlockPass {
  private readonly out: string[] = [];
  private paragraph: string[] = [];
  private list: string[] = [];
  private table: string[] = [];
  private tables = 0;
  private quotes = 0;

  constructor(
    private readonly lines: readonly string[],
    private readonly tokens: readonly SpipToken[],
    private readonly ctx: RenderContext,
  ) {}

  run(): string {
    const lines = this.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.charCodeAt(0) === BLOCK_MARK) i = this.blockToken(line, i);
      else if (isBlank(line)) this.flush();
      else this.textLine(line);
    }
    this.flush();
    for (; this.quotes > 0; this.quotes--) this.out.push('</blockquote>');
    return this.out.join('\n');
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
    return this.tokens[readPlaceholder(line, 0).index];
  }

  /** Handles a block token line; returns the index of the last line it consumed. */
  private blockToken(line: string, index: number): number {
    this.flush();
    const token = this.token(line);
    switch (token?.kind) {
      case 'html':
        this.out.push(token.html);
        return index;
      case 'quote-open':
        this.out.push('<blockquote class="spip">');
        this.quotes++;
        return index;
      case 'quote-close':
        if (this.quotes > 0) {
          this.out.push('</blockquote>');
          this.quotes--;
        }
        return index;
      case 'poesie-open':
        return this.poesie(index);
      default:
        return index;
    }
  }

  /** Collects a poem up to its closing marker (or the end of the text). */
  private poesie(openIndex: number): number {
    let end = openIndex + 1;
    while (end < this.lines.length) {
      const line = this.lines[end] ?? '';
      if (line.charCodeAt(0) === BLOCK_MARK && this.token(line)?.kind === 'poesie-close') break;
      end++;
    }
    const draw = (line: string): string | undefined => {
      if (line.charCodeAt(0) !== BLOCK_MARK) return undefined;
      const token = this.token(line);
      return token?.kind === 'html' ? token.html : '';
    };
    this.out.push(renderPoesie(this.lines.slice(openIndex + 1, end), this.ctx, this.tokens, draw));
    return end;
  }

  private flushParagraph(): void {
    if (this.paragraph.length === 0) return;
    this.out.push(...renderParagraphs(this.paragraph, this.ctx, this.tokens));
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
  return new BlockPass(text.split('\n'), tokens, ctx).run();
}
