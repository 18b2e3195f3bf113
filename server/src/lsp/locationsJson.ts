// A list of locations written straight out as the JSON `JSON.stringify` would make of their
// objects, without making them: a busy speaker's references are some 1,400 locations (200 KB of
// JSON), and making, stringifying and then dropping an object tree for each first request cost
// more than finding the locations.
import type { LineTable } from '../analysis/positions';

const OPEN_RANGE = ',"range":{"start":{"line":';
const CHARACTER = Buffer.from(',"character":', 'latin1');
const END_LINE = Buffer.from('},"end":{"line":', 'latin1');
const CLOSE_LOCATION = Buffer.from('}}}', 'latin1');

/** Writes `[{"uri":…,"range":{"start":{"line":…,"character":…},"end":{…}}}, …]` into a reused buffer. */
export class LocationsJson {
  /** Grown as needed and kept for the next answer; each answer is copied out at its size. */
  private static room = Buffer.allocUnsafe(64 << 10);
  private buf = LocationsJson.room;
  private at = 0;
  private count = 0;
  /** `{"uri":"…","range":{"start":{"line":` of the current article, in UTF-8. */
  private head: Uint8Array = Buffer.alloc(0);
  private readonly place = new Uint32Array(4);

  constructor() {
    this.buf[this.at++] = 0x5b; // [
  }

  /** The article the next locations are in (`uri` as the client is to see it). */
  article(uri: string): void {
    this.head = Buffer.from(`{"uri":${JSON.stringify(uri)}${OPEN_RANGE}`, 'utf8');
  }

  /** A location in the current article: the range of `start`…`end` placed by `lines`. */
  location(lines: LineTable, start: number, end: number): void {
    lines.placeAt(start, this.place, 0);
    lines.placeAt(end, this.place, 2);
    // Four numbers (each under 2^32: ten digits) and the 46 bytes of marks around them.
    this.reserve(this.head.length + 96);
    if (this.count++ > 0) this.buf[this.at++] = 0x2c; // ,
    this.bytes(this.head);
    this.int(this.place[0]);
    this.bytes(CHARACTER);
    this.int(this.place[1]);
    this.bytes(END_LINE);
    this.int(this.place[2]);
    this.bytes(CHARACTER);
    this.int(this.place[3]);
    this.bytes(CLOSE_LOCATION);
  }

  /** The JSON, in a buffer of its own. */
  finish(): Buffer {
    this.reserve(1);
    this.buf[this.at++] = 0x5d; // ]
    const json = Buffer.allocUnsafe(this.at);
    this.buf.copy(json, 0, 0, this.at);
    return json;
  }

  /** Short runs of bytes are copied faster by hand than through a call into the runtime. */
  private bytes(bytes: Uint8Array): void {
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < bytes.length; i++) buf[at++] = bytes[i];
    this.at = at;
  }

  /** A non-negative integer's decimal digits. */
  private int(n: number): void {
    const buf = this.buf;
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = (this.at += digits);
    do {
      buf[--at] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.at + bytes));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = LocationsJson.room = bigger;
  }
}
