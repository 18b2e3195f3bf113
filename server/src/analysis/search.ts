// Binary search over sorted lists: the one place the rules find their way in offsets, so that
// looking up a token, quotation, date or sentence stays logarithmic (analysis stays linear).

/**
 * The number of leading items that come `before` the place sought: the first index whose item
 * does not (items.length when all do). `before` must hold for a prefix of the items and no other.
 */
export function lowerBound<T>(items: ArrayLike<T>, before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** lowerBound over sorted numbers: how many are less than `value`. No callback, for the hottest look-ups. */
export function countBelow(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
