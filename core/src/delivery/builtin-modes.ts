// The delivery modes every centre offers (淄川区办法 art. 23 and the door-to-door delivery of
// 上门送件). They are data: the registry seeds them, and a township adds its own the same way.
import type { DeliveryModeDefinition } from '@bianmin/contract';

/** A six-digit pickup code, as issued by `generatePickupCode`. */
const pickupCode = {
  type: 'string',
  title: '取件码',
  pattern: '^[0-9]{6}$',
  description: '6位数字',
};

const remarks = { type: 'string', title: '备注', maxLength: 500 };

const window: DeliveryModeDefinition = {
  code: 'window-pickup',
  name: '窗口领取',
  requiresProof: false,
  fieldsSchema: {
    type: 'object',
    required: ['recipientName'],
    properties: {
      recipientName: { type: 'string', title: '领取人姓名', minLength: 1, maxLength: 100 },
      recipientIdNumber: { type: 'string', title: '领取人身份证号', format: 'cn-id-number' },
      pickupCode,
      remarks,
    },
    additionalProperties: false,
  },
};

const postal: DeliveryModeDefinition = {
  code: 'postal',
  name: '邮寄送达',
  requiresProof: false,
  fieldsSchema: {
    type: 'object',
    required: ['carrier', 'trackingNumber'],
    properties: {
      carrier: { type: 'string', title: '快递公司', minLength: 1, maxLength: 100, examples: ['中国邮政EMS'] },
      trackingNumber: { type: 'string', title: '快递单号', pattern: '^[A-Za-z0-9-]{6,40}$', description: '6至40位字母、数字或连字符' },
      // The address itself comes from the case form (see `deliveryAddress`); the receipt records it.
      remarks,
    },
    additionalProperties: false,
  },
};

const electronic: DeliveryModeDefinition = {
  code: 'electronic',
  name: '电子送达',
  requiresProof: false,
  fieldsSchema: {
    type: 'object',
    properties: {
      email: { type: 'string', title: '电子邮箱', format: 'email', maxLength: 254 },
      phone: { type: 'string', title: '手机号码', format: 'cn-mobile', maxLength: 20 },
      remarks,
    },
    additionalProperties: false,
  },
};

const selfService: DeliveryModeDefinition = {
  code: 'self-service',
  name: '自助领取',
  requiresProof: false,
  fieldsSchema: {
    type: 'object',
    required: ['terminalId', 'pickupCode'],
    properties: {
      terminalId: { type: 'string', title: '自助终端编号', minLength: 1, maxLength: 64 },
      pickupCode,
      remarks,
    },
    additionalProperties: false,
  },
};

const door: DeliveryModeDefinition = {
  code: 'door',
  name: '上门送达',
  requiresProof: true,
  fieldsSchema: {
    type: 'object',
    required: ['agentName', 'recipientName', 'proofKind', 'proofRef'],
    properties: {
      agentName: { type: 'string', title: '送达人（代办员）', minLength: 1, maxLength: 100 },
      recipientName: { type: 'string', title: '签收人姓名', minLength: 1, maxLength: 100 },
      proofKind: { type: 'string', title: '签收凭证类型', enum: ['signature', 'photo'], enumNames: ['签名', '现场照片'] },
      proofRef: { type: 'string', title: '签收凭证', minLength: 1, maxLength: 200, description: '签名图片或现场照片的附件编号' },
      remarks,
    },
    additionalProperties: false,
  },
};

export const builtinDeliveryModes: readonly DeliveryModeDefinition[] = [window, postal, electronic, selfService, door];
