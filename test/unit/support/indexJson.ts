// The cross-article index (`exportIndex`) as JSON, its typed arrays written as arrays: what tests
// compare, and restore from as a stand-in for the cache file's encoding.
export function indexJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as Int32Array) : v));
}
