// Makes JavaScript source ASCII-only without changing what it does. esbuild escapes non-ASCII
// characters in strings but leaves them in regular expression literals and comments; one such
// character makes Node read the whole 1.2 MB bundle as UTF-8 into a two-byte string, several times
// slower than ASCII text, and V8 scans it as such. Each character past ASCII becomes a \u escape
// (astral ones a surrogate pair of them), which means the same character in a string, a regular
// expression (with or without the u flag, in or out of a class), an identifier (BMP only: with an
// astral one the bundle no longer parses, which bundle.mjs checks) and a comment. An identity escape of the character (`\–`) loses its
// backslash: `\u2013` is already the escape.

const hex4 = (n) => n.toString(16).padStart(4, '0');

/** `source` with every non-ASCII character escaped (see above). */
export function asciiSource(source) {
  return source.replace(/(\\*)([^\x00-\x7f])/gu, (_, slashes, ch) => {
    const cp = ch.codePointAt(0);
    const escaped = cp <= 0xffff ? `\\u${hex4(cp)}` : `\\u${hex4(0xd800 + ((cp - 0x10000) >> 10))}\\u${hex4(0xdc00 + ((cp - 0x10000) & 0x3ff))}`;
    // An odd run of backslashes ends in one that escapes this character: the \u escape replaces it.
    return (slashes.length % 2 ? slashes.slice(1) : slashes) + escaped;
  });
}
