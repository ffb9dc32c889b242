/**
 * JSON with every object's keys in sorted order, two-space indented and ending in a newline, so generating the
 * same documents twice gives byte-identical files and a regenerated file shows no diff.
 */
export function toCanonicalJson(value: unknown): string {
  return `${JSON.stringify(withSortedKeys(value), null, 2)}\n`;
}

function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, withSortedKeys(entry)]),
  );
}
