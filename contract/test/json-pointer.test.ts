import { describe, expect, it } from 'vitest';
import { pointerSegments, pointerTo } from '../src/json-pointer.ts';

describe('JSON pointers (RFC 6901)', () => {
  it('escape ~ and / in each segment they are built from', () => {
    expect(pointerTo('/materials', 'id-card')).toBe('/materials/id-card');
    expect(pointerTo('', 'a/b', '~c', 0)).toBe('/a~1b/~0c/0');
    expect(pointerTo('/x')).toBe('/x');
  });

  it('split back into the segments, unescaped, with or without a URI fragment #', () => {
    expect(pointerSegments('/a~1b/~0c/0')).toEqual(['a/b', '~c', '0']);
    expect(pointerSegments('#/definitions/ItemGuide')).toEqual(['definitions', 'ItemGuide']);
    expect(pointerSegments('')).toEqual([]);
    expect(pointerSegments('/')).toEqual(['']);
    expect(pointerSegments(pointerTo('', '~01'))).toEqual(['~01']);
  });

  it('refuse what is no pointer', () => {
    expect(() => pointerSegments('data/x')).toThrow(RangeError);
  });
});
