/**
 * The one serializer for data that travels to the browser inside
 * `<script type="application/json">`. JSON alone is not enough: a string
 * containing `</script>` would end the element, and U+2028/U+2029 break some
 * parsers. Escaping `<`, `>` and `&` as \u sequences keeps any cell text inert.
 */
export function serializeDataIsland(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
