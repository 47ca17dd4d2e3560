/** The kinds of frame the inline pass opens. */
export const FrameKind = Object.freeze({ ITALIC: 0, STRONG: 1, TAG: 2, BRACKET: 3 });

/**
 * The open frames of the inline pass, stored column by column: no object
 * per frame, so a million unclosed `[` or `{` cost no allocation each.
 */
export class FrameStack {
  private readonly kinds: number[] = [];
  private readonly names: string[] = [];
  private readonly ats: number[] = [];
  private readonly sources: number[] = [];
  private readonly linkCounts: number[] = [];

  /** Number of open frames. */
  get length(): number {
    return this.kinds.length;
  }

  /**
   * Opens a frame: its kind, tag name ('' unless a tag), index of its opening
   * piece in the output, source index after a `[`, links emitted before it.
   */
  push(kind: number, name: string, at: number, source: number, links: number): number {
    this.kinds.push(kind);
    this.names.push(name);
    this.ats.push(at);
    this.sources.push(source);
    this.linkCounts.push(links);
    return this.kinds.length - 1;
  }

  /** Closes the top frame. */
  pop(): void {
    this.kinds.pop();
    this.names.pop();
    this.ats.pop();
    this.sources.pop();
    this.linkCounts.pop();
  }

  /** The kind of frame `i` (-1 if there is none). */
  kind(i: number): number {
    return this.kinds[i] ?? -1;
  }

  /** The tag name of frame `i`. */
  name(i: number): string {
    return this.names[i] ?? '';
  }

  /** Where frame `i`'s opening piece sits in the output. */
  at(i: number): number {
    return this.ats[i] ?? 0;
  }

  /** The source index just after frame `i`'s `[`. */
  source(i: number): number {
    return this.sources[i] ?? 0;
  }

  /** How many links had been emitted when frame `i` opened. */
  links(i: number): number {
    return this.linkCounts[i] ?? 0;
  }
}
