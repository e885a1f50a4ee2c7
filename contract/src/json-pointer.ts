// Building and splitting JSON Pointers (RFC 6901), the one place their escaping is written: `~` is
// `~0` and `/` is `~1` inside a segment. Reading and writing a value by pointer is the `jsonpointer`
// package's (core and forms use it).

/** `base` extended by each segment, escaped: pointerTo('/materials', 'a/b') → '/materials/a~1b'. */
export function pointerTo(base: string, ...segments: Array<string | number>): string {
  return segments.reduce<string>((pointer, segment) => `${pointer}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`, base);
}

/** The unescaped segments of a pointer ('' → []); a leading '#' (a URI fragment) is allowed. */
export function pointerSegments(pointer: string): string[] {
  const path = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (path === '') return [];
  if (!path.startsWith('/')) throw new RangeError(`不是 JSON 指针：${pointer}`);
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
