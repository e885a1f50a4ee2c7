import jsonpointer from 'jsonpointer';
import { SHARED_SCHEMAS } from '../pieces/shared-schema-uris.ts';

/**
 * The subschema a `$ref` names, when it is a shared piece or a pointer into `root` ('#/…').
 * Used only to find a field's title for an error message, so anything else (remote refs, refs
 * relative to a nested $id) resolves to undefined and the message simply goes without a title.
 */
export function resolveRef(root: object, ref: string): unknown {
  if (Object.hasOwn(SHARED_SCHEMAS, ref)) return SHARED_SCHEMAS[ref];
  if (!ref.startsWith('#')) return undefined;
  try {
    return jsonpointer.get(root, decodeURIComponent(ref.slice(1)));
  } catch {
    return undefined; // not a pointer ('#foo', an anchor) or badly encoded
  }
}
