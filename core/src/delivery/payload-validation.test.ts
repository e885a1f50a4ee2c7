import { describe, expect, it } from 'vitest';
import { builtinDeliveryModes } from './builtin-modes.ts';
import { validateDeliveryPayload } from './payload-validation.ts';

const mode = (code: string) => builtinDeliveryModes.find((m) => m.code === code)!;
const on = new Date('2026-11-23T08:00:00Z');

describe('validateDeliveryPayload', () => {
  it('accepts a window pickup with a well-formed ID number and pickup code', () => {
    expect(
      validateDeliveryPayload(mode('window-pickup'), {
        mode: 'window-pickup', recipientName: '张三', recipientIdNumber: '11010519491231002X', pickupCode: '004213',
      }),
    ).toEqual([]);
  });

  it('names the missing recipient by its Chinese title and a bad ID number by pointer', () => {
    expect(validateDeliveryPayload(mode('window-pickup'), { recipientIdNumber: '12345', pickupCode: '12a456' }, on)).toEqual([
      { pointer: '/recipientName', message: '请填写领取人姓名' },
      { pointer: '/recipientIdNumber', message: '领取人身份证号 格式不正确：应为18位，实际5位' },
      { pointer: '/pickupCode', message: '取件码 格式不正确（6位数字）' },
    ]);
  });

  it('checks the ID number check character, not only its shape', () => {
    expect(validateDeliveryPayload(mode('window-pickup'), { recipientName: '张三', recipientIdNumber: '110105194912310021' }, on)).toEqual([
      { pointer: '/recipientIdNumber', message: '领取人身份证号 格式不正确：校验位错误' },
    ]);
  });

  it('requires carrier and tracking number for postal delivery', () => {
    expect(validateDeliveryPayload(mode('postal'), { carrier: '中国邮政EMS' })).toEqual([
      { pointer: '/trackingNumber', message: '请填写快递单号' },
    ]);
    expect(validateDeliveryPayload(mode('postal'), { carrier: '中国邮政EMS', trackingNumber: 'EA123456789CN' })).toEqual([]);
    expect(validateDeliveryPayload(mode('postal'), { carrier: 'EMS', trackingNumber: 'EA 1' })).toEqual([
      { pointer: '/trackingNumber', message: '快递单号 格式不正确（6至40位字母、数字或连字符）' },
    ]);
  });

  it('lets electronic delivery go without contact details but checks those given', () => {
    expect(validateDeliveryPayload(mode('electronic'), {})).toEqual([]);
    expect(validateDeliveryPayload(mode('electronic'), { email: 'not-mail', phone: '12345' })).toEqual([
      { pointer: '/email', message: '电子邮箱 格式不正确：应为电子邮箱地址' },
      { pointer: '/phone', message: '手机号码 格式不正确：应为11位，实际5位' },
    ]);
  });

  it('requires terminal and pickup code at a self-service terminal', () => {
    expect(validateDeliveryPayload(mode('self-service'), {}).map((i) => i.pointer)).toEqual(['/terminalId', '/pickupCode']);
  });

  it('requires proof of receipt for door-to-door delivery, once per field', () => {
    const issues = validateDeliveryPayload(mode('door'), { agentName: '李四', recipientName: '王五', proofKind: 'video' });
    expect(issues).toEqual([
      { pointer: '/proofRef', message: '请填写签收凭证' },
      { pointer: '/proofKind', message: '签收凭证类型 应为以下之一：签名、现场照片' },
    ]);
  });

  it('enforces proof for any mode that requires it, even when its schema forgets the field', () => {
    const custom = { code: 'boat', fieldsSchema: { type: 'object' }, requiresProof: true };
    expect(validateDeliveryPayload(custom, {})).toEqual([
      { pointer: '/proofRef', message: '该送达方式须记录签收凭证（签名或现场照片）' },
    ]);
    expect(validateDeliveryPayload(custom, { proofRef: 'att-1' })).toEqual([]);
  });

  it('refuses unknown fields and a payload naming another mode', () => {
    expect(validateDeliveryPayload(mode('postal'), { mode: 'door', carrier: 'EMS', trackingNumber: 'EA123456789CN', colour: 'red' })).toEqual([
      { pointer: '/mode', message: '送达方式应为「postal」' },
      { pointer: '/colour', message: '不允许填写字段 "colour"' },
    ]);
  });
});
