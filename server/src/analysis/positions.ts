// Offsets ↔ zero-based line/character positions (UTF-16), the one place this conversion lives.
import type { Span } from './types';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** Where each line of a text starts (\n, \r\n and a lone \r end lines, as LSP counts them). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  // Most texts end lines with \n alone: then the native search finds them (a character loop over
  // a 20 KB article took most of a millisecond per edit before V8 had optimised it).
  if (text.indexOf('\r') < 0) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** What features need of a line index: LineIndex (with the text) and LineTable (without) both give it. */
export interface Lines {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(span: Span): Range;
}

/**
 * Positions from line starts and the text's length alone: what a closed article's summary keeps
 * once its text is no longer held.
 */
export class LineTable implements Lines {
  constructor(
    protected readonly starts: ArrayLike<number>,
    private readonly length: number,
  ) {}

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.starts[line] };
  }

  /**
   * `positionAt` without making the object: its line and character into `out[at]` and
   * `out[at + 1]`, for a reader that writes thousands of positions out as text (references).
   */
  placeAt(offset: number, out: Uint32Array, at: number): void {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = this.lineOf(clamped);
    out[at] = line;
    out[at + 1] = clamped - this.starts[line];
  }

  /** The line of a (clamped) offset: that of the last line start at or before it. */
  private lineOf(clamped: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.length;
    const lineStart = this.starts[position.line];
    const nextStart = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** Line-start table for one text. */
export class LineIndex extends LineTable {
  constructor(text: string) {
    super(lineStartsOf(text), text.length);
  }
}
