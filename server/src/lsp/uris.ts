// File URIs the way VS Code writes them, so that a file read from disk and the same file opened
// in the editor get one key in the workspace model ("file:///c%3A/a%20b.txt", lower-case drive).
import * as path from 'path';

export const URI_SCHEME_FILE = 'file://';

export function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

/** The file-system path of a `file:` URI. */
export function fsPathOf(uri: string): string {
  let rest = uri.replace(/^file:(\/\/)?/, '');
  let host = '';
  const slash = rest.indexOf('/');
  if (uri.startsWith('file://') && slash > 0) {
    host = rest.slice(0, slash);
    rest = rest.slice(slash);
  }
  let p = decodeURIComponent(rest);
  if (host && host !== 'localhost') p = `//${host}${p}`;
  if (/^\/[a-zA-Z]:/.test(p)) p = p[1].toLowerCase() + p.slice(2);
  return path.sep === '\\' ? p.replace(/\//g, '\\') : p;
}

/** The `file:` URI of a path, encoded as VS Code encodes it. */
export function fileUriOf(fsPath: string): string {
  let p = fsPath.replace(/\\/g, '/');
  let prefix = '';
  const drive = /^([a-zA-Z]):/.exec(p);
  if (drive) {
    prefix = '/' + drive[1].toLowerCase() + '%3A';
    p = p.slice(2);
  }
  if (!p.startsWith('/')) p = '/' + p;
  return 'file://' + prefix + p.split('/').map(encodeSegment).join('/');
}

/** `fileUriOf(path.join(dir, name))` from `fileUriOf(dir)`, for a name without separators. */
export function childUri(dirUri: string, name: string): string {
  // Joined, not concatenated: a concatenation is a rope of two or three objects, copied flat by the
  // first map lookup that hashes it (a start makes 10,000 and looks each up in half a dozen maps).
  return [dirUri, dirUri.endsWith('/') ? '' : '/', encodeSegment(name)].join('');
}

function encodeSegment(segment: string): string {
  // Most file names need no escape (a start makes the URI of every file).
  if (PLAIN_SEGMENT.test(segment)) return segment;
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** What `encodeURIComponent` leaves as it is, less what the replacement above escapes. */
const PLAIN_SEGMENT = /^[A-Za-z0-9._~-]*$/;

/** Keys of the URIs normalised lately: every request and publish asks for the same few again. */
const normalised = new Map<string, string>();
const NORMALISED_KEPT = 4096;

/** One key per file: re-encodes `file:` URIs; other schemes are kept as given. */
export function normalizeUri(uri: string): string {
  if (!isFileUri(uri)) return uri;
  let key = normalised.get(uri);
  if (key === undefined) {
    try {
      key = fileUriOf(fsPathOf(uri));
    } catch {
      key = uri;
    }
    if (normalised.size >= NORMALISED_KEPT) normalised.clear();
    normalised.set(uri, key);
  }
  return key;
}
