/**
 * `compute`, run once per key and remembered. For pure work a build repeats
 * over a few distinct keys: number formatters per decimal count, label
 * slugs, Shiki token styles, the font that draws a character.
 */
export function memoize<K, V>(compute: (key: K) => V): (key: K) => V {
  const values = new Map<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key) as V;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}
