import { describe, expect, it } from 'vitest';
import { createFormValidator } from '../validator/create-form-validator.ts';
import { addressSchema } from './address.ts';
import { applicantSchema, applicantUiSchema } from './applicant.ts';
import { idCardSchema } from './id-card.ts';
import { phoneSchema } from './phone.ts';
import { inlineSharedRefs, SHARED_SCHEMA_URIS } from './shared-schema-uris.ts';

const validator = createFormValidator({ logger: false, now: () => '2026-11-23' });
const address = { province: '浙江省', city: '绍兴市', county: '越城区', township: '东湖街道', village: '东湖村', detail: '3组18号' };
const applicant = { name: '张秀英', idNumber: '11010519491231002X', phone: '13800138000', address };

describe('shared schema pieces', () => {
  it('compile in both dialects', () => {
    for (const piece of [applicantSchema, addressSchema, idCardSchema, phoneSchema]) {
      expect(validator.checkSchemaCompiles(piece)).toEqual([]);
      expect(validator.checkSchemaCompiles({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...piece })).toEqual([]);
    }
  });

  it('accept a complete applicant and name missing parts in Chinese', () => {
    const validate = validator.compileForm(applicantSchema);
    expect(validate(applicant)).toEqual([]);
    const { township: _dropped, ...noTownship } = address;
    expect(validate({ ...applicant, address: noTownship })).toEqual([
      { pointer: '/address/township', message: '请填写乡（镇、街道）', keyword: 'required' },
    ]);
  });

  it('leave village optional', () => {
    const { village: _dropped, ...urban } = address;
    expect(validator.compileForm(addressSchema)(urban)).toEqual([]);
  });

  it('accept 长期 or a date as an ID card expiry', () => {
    const validate = validator.compileForm(idCardSchema);
    expect(validate({ name: '张秀英', idNumber: '11010519491231002X', validUntil: '长期' })).toEqual([]);
    expect(validate({ name: '张秀英', idNumber: '11010519491231002X', validUntil: '2036-05-01' })).toEqual([]);
    expect(validate({ name: '张秀英', idNumber: '11010519491231002X', validUntil: '永久' })[0]?.pointer).toBe('/validUntil');
  });

  it('order the applicant uiSchema by the schema properties', () => {
    expect([...applicantUiSchema['ui:order']].sort()).toEqual(Object.keys(applicantSchema.properties).sort());
  });
});

describe('inlineSharedRefs', () => {
  it('replaces shared refs by a copy of the piece, letting siblings override', () => {
    const form = {
      type: 'object',
      properties: {
        applicant: { $ref: SHARED_SCHEMA_URIS.applicant },
        agentPhone: { $ref: SHARED_SCHEMA_URIS.phone, title: '代办人电话' },
        other: { $ref: '#/definitions/other' },
      },
      definitions: { other: { type: 'string' } },
    };
    const inlined = inlineSharedRefs(form);
    expect(inlined.properties.applicant).toEqual(applicantSchema);
    expect(inlined.properties.applicant).not.toBe(applicantSchema);
    expect(inlined.properties.agentPhone).toEqual({ ...phoneSchema, title: '代办人电话' });
    expect(inlined.properties.other).toEqual({ $ref: '#/definitions/other' });
    expect(form.properties.applicant).toEqual({ $ref: SHARED_SCHEMA_URIS.applicant });
  });

  it('gives a schema that validates like the referencing one', () => {
    const form = { type: 'object', required: ['applicant'], properties: { applicant: { $ref: SHARED_SCHEMA_URIS.applicant } } };
    const bad = { applicant: { ...applicant, phone: '123' } };
    expect(validator.compileForm(inlineSharedRefs(form))(bad)).toEqual(validator.compileForm(form)(bad));
  });
});
