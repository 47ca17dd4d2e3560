/** The kinds of frame the inline pass opens. */
export const FrameKind = Object.freeze({ ITALIC: 0, STRONG: 1, TAG: 2, BRACKET: 3 });

const INITIAL_CAPACITY = 16;
/** Stacks grown past this many frames (a degenerate text) are left to the collector instead of kept for reuse. */
const MAX_POOLED_CAPACITY = 4096;
const MAX_POOLED_STACKS = 8;
const NONE = -1;

/** Stacks of finished inline passes, reused: a page has hundreds of paragraphs, cells and link texts. */
const spares: FrameStack[] = [];

/**
 * The open frames of the inline pass, stored column by column in typed
 * arrays that double when full: no object and no garbage-collected slot per
 * frame, so a million unclosed `[` or `{` cost the collector nothing (their
 * columns live outside the JavaScript heap). The innermost brace, bracket
 * and tag of each name are found in constant time: every frame keeps the
 * index of the previous open frame of its class (a stack threaded through
 * one column). Tag names are interned: a frame holds the number of its name.
 */
export class FrameStack {
  private size = 0;
  private kinds = new Int8Array(INITIAL_CAPACITY);
  private nameIds = new Int32Array(INITIAL_CAPACITY);
  private ats = new Int32Array(INITIAL_CAPACITY);
  private sources = new Int32Array(INITIAL_CAPACITY);
  private linkCounts = new Int32Array(INITIAL_CAPACITY);
  /** How many `[` a bracket frame stands for: a run of `[` is one frame. */
  private counts = new Int32Array(INITIAL_CAPACITY);
  /** The previous open frame of the same class (braces, brackets, tags of the same name), or NONE. */
  private previous = new Int32Array(INITIAL_CAPACITY);
  private braceTop = NONE;
  private bracketTop = NONE;
  /** The innermost open tag of each interned name (index 0, the empty name, is unused). */
  private tagTops: number[] = [NONE];
  private readonly names: string[] = [''];
  private readonly nameNumbers = new Map<string, number>([['', 0]]);

  /** An empty stack, reused from a finished pass when one is free. */
  static take(): FrameStack {
    return spares.pop() ?? new FrameStack();
  }

  /** Hands an emptied stack back for reuse (a very large one is dropped). */
  release(): void {
    while (this.size > 0) this.pop();
    if (this.kinds.length <= MAX_POOLED_CAPACITY && spares.length < MAX_POOLED_STACKS) spares.push(this);
  }

  /** Number of open frames. */
  get length(): number {
    return this.size;
  }

  /**
   * Opens a frame: its kind, tag name ('' unless a tag), index of its opening
   * piece in the output, source index after its first `[`, links emitted
   * before it, and for a bracket frame how many `[` in a row it stands for
   * (frames opened by one run of `{` share a piece too).
   */
  push(kind: number, name: string, at: number, source: number, links: number, count = 1): number {
    if (this.size === this.kinds.length) this.grow();
    const i = this.size++;
    const nameId = name === '' ? 0 : this.nameNumber(name);
    this.kinds[i] = kind;
    this.nameIds[i] = nameId;
    this.ats[i] = at;
    this.sources[i] = source;
    this.linkCounts[i] = links;
    this.counts[i] = count;
    if (kind === FrameKind.BRACKET) {
      this.previous[i] = this.bracketTop;
      this.bracketTop = i;
    } else if (kind === FrameKind.TAG) {
      this.previous[i] = this.tagTops[nameId] ?? NONE;
      this.tagTops[nameId] = i;
    } else {
      this.previous[i] = this.braceTop;
      this.braceTop = i;
    }
    return i;
  }

  /** Closes the top frame. */
  pop(): void {
    if (this.size === 0) return;
    const i = --this.size;
    const kind = this.kinds[i];
    const previous = this.previous[i] ?? NONE;
    if (kind === FrameKind.BRACKET) this.bracketTop = previous;
    else if (kind === FrameKind.TAG) this.tagTops[this.nameIds[i] ?? 0] = previous;
    else this.braceTop = previous;
  }

  /** The innermost open `{` or `{{` frame, or -1. */
  topBrace(): number {
    return this.braceTop;
  }

  /** The innermost open `[` frame, or -1. */
  topBracket(): number {
    return this.bracketTop;
  }

  /** The innermost open typed tag named `name`, or -1. */
  topTag(name: string): number {
    const nameId = this.nameNumbers.get(name);
    return nameId === undefined ? NONE : (this.tagTops[nameId] ?? NONE);
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

  /** How many `[` bracket frame `i` stands for. */
  count(i: number): number {
    return i >= 0 && i < this.size ? (this.counts[i] ?? 1) : 0;
  }

  /** The source index just after the innermost `[` of frame `i`. */
  source(i: number): number {
    return i >= 0 && i < this.size ? (this.sources[i] ?? 0) + (this.counts[i] ?? 1) - 1 : 0;
  }

  /** Closes the innermost `[` of the top frame, a bracket frame: the frame goes with its last `[`. */
  dropInnermostBracket(): void {
    const top = this.size - 1;
    if ((this.counts[top] ?? 1) > 1) this.counts[top] = (this.counts[top] ?? 1) - 1;
    else this.pop();
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
      this.tagTops.push(NONE);
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
    this.counts = grown(this.counts, (n) => new Int32Array(n));
    this.previous = grown(this.previous, (n) => new Int32Array(n));
  }
}
