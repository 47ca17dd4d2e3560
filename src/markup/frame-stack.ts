/** The kinds of frame the inline pass opens. */
export const FrameKind = Object.freeze({ ITALIC: 0, STRONG: 1, TAG: 2, BRACKET: 3 });

const INITIAL_CAPACITY = 16;

/**
 * The open frames of the inline pass, stored column by column in typed
 * arrays that double when full: no object and no garbage-collected slot per
 * frame, so a million unclosed `[` or `{` cost the collector nothing (their
 * columns live outside the JavaScript heap). Tag names are interned: a frame
 * holds the number of its name.
 */
export class FrameStack {
  private size = 0;
  private kinds = new Int8Array(INITIAL_CAPACITY);
  private nameIds = new Int32Array(INITIAL_CAPACITY);
  private ats = new Int32Array(INITIAL_CAPACITY);
  private sources = new Int32Array(INITIAL_CAPACITY);
  private linkCounts = new Int32Array(INITIAL_CAPACITY);
  private readonly names: string[] = [''];
  private readonly nameNumbers = new Map<string, number>([['', 0]]);

  /** Number of open frames. */
  get length(): number {
    return this.size;
  }

  /**
   * Opens a frame: its kind, tag name ('' unless a tag), index of its opening
   * piece in the output, source index after a `[`, links emitted before it.
   */
  push(kind: number, name: string, at: number, source: number, links: number): number {
    if (this.size === this.kinds.length) this.grow();
    const i = this.size++;
    this.kinds[i] = kind;
    this.nameIds[i] = name === '' ? 0 : this.nameNumber(name);
    this.ats[i] = at;
    this.sources[i] = source;
    this.linkCounts[i] = links;
    return i;
  }

  /** Closes the top frame. */
  pop(): void {
    if (this.size > 0) this.size--;
  }

  /** The kind of frame `i` (-1 if there is none). */
  kind(i: number): number {
    return i >= 0 && i < this.size ? (this.kinds[i] ?? -1) : -1;
  }

  /** The tag name of frame `i`. */
  name(i: number): string {
    return i >= 0 && i < this.size ? (this.names[this.nameIds[i] ?? 0] ?? '') : '';
  }

  /** Where frame `i`'s opening piece sits in the output. */
  at(i: number): number {
    return i >= 0 && i < this.size ? (this.ats[i] ?? 0) : 0;
  }

  /** The source index just after frame `i`'s `[`. */
  source(i: number): number {
    return i >= 0 && i < this.size ? (this.sources[i] ?? 0) : 0;
  }

  /** How many links had been emitted when frame `i` opened. */
  links(i: number): number {
    return i >= 0 && i < this.size ? (this.linkCounts[i] ?? 0) : 0;
  }

  private nameNumber(name: string): number {
    let number = this.nameNumbers.get(name);
    if (number === undefined) {
      number = this.names.push(name) - 1;
      this.nameNumbers.set(name, number);
    }
    return number;
  }

  private grow(): void {
    const capacity = this.kinds.length * 2;
    const grown = <T extends Int8Array | Int32Array>(column: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(column);
      return next;
    };
    this.kinds = grown(this.kinds, (n) => new Int8Array(n));
    this.nameIds = grown(this.nameIds, (n) => new Int32Array(n));
    this.ats = grown(this.ats, (n) => new Int32Array(n));
    this.sources = grown(this.sources, (n) => new Int32Array(n));
    this.linkCounts = grown(this.linkCounts, (n) => new Int32Array(n));
  }
}
