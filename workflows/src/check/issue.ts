/** Appends a key to a JSON pointer, escaping `~` and `/` (RFC 6901). */
export function pointerTo(base: string, ...keys: Array<string | number>): string {
  return keys.reduce<string>((p, key) => `${p}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`, base);
}
