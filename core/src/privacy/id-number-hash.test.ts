import { describe, expect, it } from 'vitest';
import { idNumberHash, looksLikeIdNumber } from './id-number-hash.ts';

const key = Buffer.alloc(32, 7);

describe('keyed hash of an ID number', () => {
  it('gives one hash per number under one key, whatever the case of X or stray spaces', () => {
    const hash = idNumberHash(key, '33068119800101001X');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(idNumberHash(key, ' 33068119800101001x')).toBe(hash);
    expect(idNumberHash(key, '330681198001010028')).not.toBe(hash);
  });

  it('depends on the key, so the column cannot be matched without it', () => {
    expect(idNumberHash(Buffer.alloc(32, 8), '33068119800101001X')).not.toBe(idNumberHash(key, '33068119800101001X'));
  });

  it('tells an ID number from other search text', () => {
    expect(looksLikeIdNumber('33068119800101001x')).toBe(true);
    expect(looksLikeIdNumber('330681800101001')).toBe(true);
    expect(looksLikeIdNumber('WX202503030001')).toBe(false);
    expect(looksLikeIdNumber('13905751234')).toBe(false);
  });
});
