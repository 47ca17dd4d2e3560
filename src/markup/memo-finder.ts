/**
 * Finds the next occurrence of a fixed string at or after a position,
 * remembering its last answer so that a text full of unclosed openers is
 * still searched once overall (linear time: each search starts past the
 * previous hit).
 */
export class MemoFinder {
  private hit = -2;
  private searchedFrom = Number.MAX_SAFE_INTEGER;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** Index of the next occurrence at or after `from`, or -1. */
  next(from: number): number {
    if (from < this.searchedFrom) {
      // A query behind the remembered window: answer it without trusting the memo.
      if (this.hit !== -2) return this.text.indexOf(this.needle, from);
    } else if (this.hit === -1 || this.hit >= from) {
      return this.hit;
    }
    this.searchedFrom = from;
    this.hit = this.text.indexOf(this.needle, from);
    return this.hit;
  }
}

/** Lower-cases ASCII letters only, so indexes stay the same as in the original. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}
