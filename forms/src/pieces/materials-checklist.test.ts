import { describe, expect, it } from 'vitest';
import type { MaterialRequirement } from '../materials/material-requirement.ts';
import { createFormValidator } from '../validator/create-form-validator.ts';
import { materialsChecklistForm } from './materials-checklist.ts';

const materials: MaterialRequirement[] = [
  { id: 'id-card', name: '居民身份证', required: true, form: 'original', count: 1 },
  { id: 'household', name: '户口簿', required: true, sharedFrom: '公安户籍系统' },
  { id: 'bank-card', name: '社会保障卡', required: true, waivable: true, waivableDays: 3, form: 'copy', count: 1 },
  { id: 'photo', name: '近期免冠照片', required: false },
];

describe('materialsChecklistForm', () => {
  const { schema, uiSchema } = materialsChecklistForm(materials);

  it('asks for every non-shared material, offering 容缺 only where allowed', () => {
    const properties = schema['properties'] as Record<string, { enum: string[]; title: string; description?: string }>;
    expect(Object.keys(properties)).toEqual(['id-card', 'bank-card', 'photo']);
    expect(properties['id-card']!.enum).toEqual(['provided', 'missing']);
    expect(properties['bank-card']!.enum).toEqual(['provided', 'waived', 'missing']);
    expect(properties['bank-card']!.description).toBe('复印件1份；可容缺受理，3个工作日内补交');
    expect(properties['photo']!.title).toBe('近期免冠照片（非必需）');
    expect((uiSchema['bank-card'] as Record<string, unknown>)['ui:enumNames']).toEqual(['已提交', '容缺后补', '未提交']);
  });

  it('tells the clerk which materials come from data sharing', () => {
    expect(schema['description']).toBe('以下材料通过数据共享获取，无需申请人提交：户口簿（公安户籍系统）');
  });

  it('is a schema the validator compiles and whose data it checks', () => {
    const validate = createFormValidator({ logger: false }).compileForm(schema);
    expect(validate({ 'id-card': 'provided', 'bank-card': 'waived', photo: 'missing' })).toEqual([]);
    expect(validate({ 'id-card': 'waived', 'bank-card': 'provided', photo: 'missing' })[0]?.pointer).toBe('/id-card');
  });
});
