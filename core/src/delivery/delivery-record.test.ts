import { describe, expect, it } from 'vitest';
import { builtinDeliveryModes } from './builtin-modes.ts';
import { buildDeliveryRecord } from './delivery-record.ts';
import { generatePickupCode } from './pickup-code.ts';

const postal = builtinDeliveryModes.find((m) => m.code === 'postal')!;
const window = builtinDeliveryModes.find((m) => m.code === 'window-pickup')!;
const payload = { mode: 'postal', carrier: '中国邮政EMS', trackingNumber: 'EA123456789CN' };

describe('buildDeliveryRecord', () => {
  it('records the applicant address from the form for postal delivery', () => {
    const form = { applicant: { name: '张三', address: ' 山东省淄博市淄川区钟楼街道1号 ' } };
    expect(buildDeliveryRecord(postal, payload, form)).toEqual({
      ok: true,
      record: {
        mode: 'postal', modeName: '邮寄送达', address: '山东省淄博市淄川区钟楼街道1号',
        fields: { carrier: '中国邮政EMS', trackingNumber: 'EA123456789CN' },
      },
    });
  });

  it('reads an address the item names elsewhere, entered in parts', () => {
    const form = { mailing: { province: '山东省', city: '淄博市', district: '淄川区', detail: '松龄路2号' } };
    const result = buildDeliveryRecord(postal, payload, form, { addressPointer: '/mailing' });
    expect(result.ok && result.record.address).toBe('山东省淄博市淄川区松龄路2号');
  });

  it('refuses postal delivery when the form has no address', () => {
    expect(buildDeliveryRecord(postal, payload, { applicant: { name: '张三' } })).toEqual({
      ok: false,
      issues: [{ pointer: '/address', message: '申请表中没有邮寄地址（/applicant/address），无法邮寄送达' }],
    });
  });

  it('records no address for modes that do not travel', () => {
    const result = buildDeliveryRecord(window, { recipientName: '张三' }, { applicant: { address: '某地' } });
    expect(result).toEqual({ ok: true, record: { mode: 'window-pickup', modeName: '窗口领取', fields: { recipientName: '张三' } } });
  });
});

describe('generatePickupCode', () => {
  it('gives six digits that the window-pickup schema accepts, and varies', () => {
    const codes = Array.from({ length: 200 }, generatePickupCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });
});
