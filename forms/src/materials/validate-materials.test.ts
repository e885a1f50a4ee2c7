import { describe, expect, it } from 'vitest';
import type { MaterialRequirement, MaterialStatus } from './material-requirement.ts';
import { validateMaterials } from './validate-materials.ts';

const materials: MaterialRequirement[] = [
  { id: 'id-card', name: '居民身份证', required: true },
  { id: 'household', name: '户口簿', required: true, sharedFrom: '公安户籍系统' },
  { id: 'bank-card', name: '社会保障卡', required: true, waivable: true, waivableDays: 3 },
  { id: 'photo', name: '近期免冠照片', required: false },
];

describe('validateMaterials', () => {
  it('is clean when everything asked for is provided', () => {
    expect(validateMaterials(materials, { 'id-card': 'provided', 'bank-card': 'provided' })).toEqual({ missing: [], waived: [], problems: [] });
  });

  it('lists required materials not provided, including unlisted ones, but never shared or optional ones', () => {
    const result = validateMaterials(materials, { 'bank-card': 'missing', photo: 'missing' });
    expect(result.missing).toEqual(['id-card', 'bank-card']);
    expect(result.problems).toEqual([]);
  });

  it('accepts 容缺 for waivable materials', () => {
    const result = validateMaterials(materials, { 'id-card': 'provided', 'bank-card': 'waived' });
    expect(result).toEqual({ missing: [], waived: ['bank-card'], problems: [] });
  });

  it('refuses 容缺 for a material that does not allow it, which then counts as missing', () => {
    const result = validateMaterials(materials, { 'id-card': 'waived', 'bank-card': 'provided' });
    expect(result.missing).toEqual(['id-card']);
    expect(result.waived).toEqual([]);
    expect(result.problems).toEqual([{ pointer: '/id-card', message: '「居民身份证」不允许容缺受理，须当场提交' }]);
  });

  it('takes 不适用 for an optional material only', () => {
    expect(validateMaterials(materials, { 'id-card': 'provided', 'bank-card': 'provided', photo: 'not-applicable' })).toEqual({ missing: [], waived: [], problems: [] });
    const result = validateMaterials(materials, { 'id-card': 'not-applicable', 'bank-card': 'provided' });
    expect(result.missing).toEqual(['id-card']);
    expect(result.problems).toEqual([{ pointer: '/id-card', message: '「居民身份证」为必需材料，不能标为不适用' }]);
  });

  it('ignores what was recorded for shared materials', () => {
    const result = validateMaterials(materials, { 'id-card': 'provided', 'bank-card': 'provided', household: 'missing' });
    expect(result).toEqual({ missing: [], waived: [], problems: [] });
  });

  it('reports unknown material ids and invalid statuses', () => {
    const submitted = { 'id-card': 'provided', 'bank-card': 'yes', 'birth/cert': 'provided' } as unknown as Record<string, MaterialStatus>;
    const result = validateMaterials(materials, submitted);
    expect(result.problems).toEqual([
      { pointer: '/bank-card', message: '材料状态无效："yes"，应为 已提交、容缺后补、未提交 或 不适用' },
      { pointer: '/birth~1cert', message: '未知的材料：birth/cert' },
    ]);
    expect(result.missing).toEqual(['bank-card']);
  });
});
