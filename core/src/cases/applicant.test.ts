import { describe, expect, it } from 'vitest';
import { applicantOf } from './applicant.ts';

describe('applicantOf', () => {
  it('reads the applicant from the form, an explicit field winning', () => {
    const data = { applicant: { name: '张明', idNumber: '330681198506123510', phone: '13905750001', address: '诸暨市五泄镇十四都村1号' } };
    expect(applicantOf({ phone: '13905750002' }, data)).toEqual({
      name: '张明', idNumber: '330681198506123510', phone: '13905750002', address: '诸暨市五泄镇十四都村1号',
    });
  });

  it('joins an address entered as parts (the shared address piece) into one line', () => {
    const address = { province: '浙江省', city: '绍兴市', county: '诸暨市', township: '五泄镇', village: '十四都村', detail: '3号' };
    expect(applicantOf(undefined, { applicant: { name: '张明', address } }).address).toBe('浙江省绍兴市诸暨市五泄镇十四都村3号');
  });

  it('leaves out what the form does not give', () => {
    expect(applicantOf(undefined, { applicant: { name: '张明', address: {} } })).toEqual({ name: '张明' });
    expect(applicantOf(undefined, {})).toEqual({});
  });
});
