/** How many pieces are joined into one chunk string. */
const CHUNK = 4096;

/**
 * An output written as many pieces and joined once, with `separator`
 * between them. Every few thousand pieces are joined into a chunk string, so
 * a degenerate text of a million pieces never grows one huge array: each
 * growth of a large array takes fresh memory pages, and past a few hundred
 * thousand slots the time stops growing linearly.
 *
 * @example
 * const out = new PieceBuffer('\n');
 * out.push('<p>a</p>');
 * out.push('<p>b</p>');
 * out.join(); // '<p>a</p>\n<p>b</p>'
 */
export class PieceBuffer {
  private pieces: (string | number)[] = [];
  private readonly chunks: string[] = [];

  constructor(private readonly separator: string) {}

  /** Appends one piece (a number is written in decimal). */
  push(piece: string | number): void {
    this.pieces.push(piece);
    if (this.pieces.length === CHUNK) {
      this.chunks.push(this.pieces.join(this.separator));
      this.pieces = [];
    }
  }

  /** Every piece so far, in order, with the separator between them. */
  join(): string {
    const rest = this.pieces.join(this.separator);
    if (this.chunks.length === 0) return rest;
    const chunks = this.chunks.join(this.separator);
    return this.pieces.length === 0 ? chunks : `${chunks}${this.separator}${rest}`;
  }
}
