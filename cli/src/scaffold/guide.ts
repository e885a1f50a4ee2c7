// The 16 guide elements (GUIDE_ELEMENTS) of a new item. Every value a person must write says
// 待填写; they are valid as they stand so the scaffold loads and its fixture runs from the start.
import type { ItemGuide } from '@bianmin/contract';
import type { KindProfile } from './kinds/index.ts';

export function scaffoldGuide(name: string, profile: KindProfile): ItemGuide {
  return {
    name,
    // An enum: no room for 待填写, so the README asks to confirm it.
    itemType: '公共服务',
    legalBasis: [{ law: '待填写：《法律法规名称》', article: '待填写：第×条', text: '待填写：条文内容' }],
    authority: '待填写：实施主体（如 ××镇人民政府）',
    conditions: ['待填写：受理条件'],
    legalTimeLimit: profile.legalTimeLimit,
    promisedTimeLimit: profile.promisedTimeLimit,
    resultName: '待填写：结果名称',
    fee: { charged: false, description: '不收费（待填写：收费的写明收费标准）' },
    feeBasis: '待填写：收费依据（不收费的写“不收费”）',
    process: profile.process,
    reviewCriteria: ['待填写：审查标准'],
    appointment: { available: true, channels: ['现场预约', '电话预约'], note: '待填写：预约方式和时间' },
    consultation: [
      { channel: 'window', value: '待填写：咨询窗口' },
      { channel: 'phone', value: '待填写：咨询电话' },
      { channel: 'hotline', value: '12345', note: '12345政务服务便民热线' },
    ],
    supervision: [
      { channel: 'hotline', value: '12345', note: '12345政务服务便民热线' },
      { channel: 'phone', value: '待填写：监督投诉电话' },
    ],
  };
}
