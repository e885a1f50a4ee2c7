import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '@bianmin/contract';
import { composeDocument } from './compose-document.ts';
import type { DocumentContent } from './document-content.ts';
import { documentText } from './document-text.ts';
import { kindCharacter } from './kind-character.ts';
import { sampleDocumentInput } from '../../../test/sample-document-input.ts';

const KINDS: DocumentKind[] = [
  'acceptance-receipt', 'one-time-notice', 'refusal-decision', 'referral-notice',
  'decision', 'result', 'delivery-receipt', 'materials-returned',
];
const text = (content: DocumentContent) => documentText(content);
const cells = (content: DocumentContent) => (content.tables ?? []).flatMap((t) => t.rows);

describe('every document', () => {
  it.each(KINDS)('%s carries number, issuer, date, contact, complaint channel and verify link', (kind) => {
    const content = composeDocument(sampleDocumentInput(kind));
    expect(content.number).toBe(`五泄便${kindCharacter(kind)}〔2026〕12号`);
    expect(content.issuer).toBe('诸暨市五泄镇便民服务中心');
    expect(content.dateText).toBe('2026年11月23日');
    expect(content.footer.join('\n')).toMatch(/咨询电话：0575-87650123.*监督投诉：12345政务服务便民热线/);
    expect(content.footer.at(-1)).toBe(
      `扫描二维码或访问 https://bianmin.example.cn/verify/${content.number} 核验本文书及印章真伪`,
    );
    // Item name and case number appear in the body.
    expect(text(content)).toContain('高龄津贴申领');
    expect(text(content)).toContain('BM20261120-0031');
  });

  it('uses one kind character per kind', () => {
    expect(KINDS.map(kindCharacter).join('')).toBe('受补不告决证送退');
  });

  it('dates in Beijing time whatever the server zone', () => {
    const input = { ...sampleDocumentInput('decision'), issuedAt: '2026-11-22T16:30:00Z' };
    expect(composeDocument(input).dateText).toBe('2026年11月23日');
  });
});

describe('受理通知书', () => {
  const content = composeDocument(sampleDocumentInput('acceptance-receipt'));
  it('states arrival, completeness and acceptance under art. 32(1)(5)', () => {
    expect(content.title).toBe('受理通知书');
    expect(content.paragraphs[0]).toContain('你于2026年11月20日提交的“高龄津贴申领”申请');
    expect(content.paragraphs[0]).toContain('申请材料齐全、符合法定形式');
    expect(content.paragraphs[0]).toContain('《中华人民共和国行政许可法》第三十二条第一款第（五）项');
    expect(content.paragraphs[0]).toContain('决定予以受理');
  });
  it('lists materials received with form and count, shared ones marked, waived ones owed with date', () => {
    expect(content.tables?.[0]?.rows).toEqual([
      ['1', '居民身份证', '原件及复印件', '1'],
      ['2', '居民户口簿', '数据共享（公安户籍信息）', '—'],
      ['3', '本人社会保障卡或银行卡', '复印件', '1'],
    ]);
    expect(content.tables?.[1]?.rows).toEqual([['1', '近期免冠一寸照片', '2026年11月27日前']]);
    expect(text(content)).toContain('容缺受理');
  });
  it('gives the promised working days and the calendar date', () => {
    expect(text(content)).toContain('承诺办结时限为5个工作日');
    expect(text(content)).toContain('预计于2026年11月27日前办结');
  });
  it('lists an optional material only when it was handed in', () => {
    const input = sampleDocumentInput('acceptance-receipt');
    input.caseInfo.submitted = ['agent-letter'];
    expect(cells(composeDocument(input)).map((r) => r[1])).toContain('代办委托书（代办时提供）');
  });
  it('cites the law directly for a licence and by local rule otherwise', () => {
    const input = sampleDocumentInput('acceptance-receipt');
    expect(content.paragraphs[0]).toContain('参照《中华人民共和国行政许可法》');
    input.item.itemType = '行政许可';
    expect(composeDocument(input).paragraphs[0]).toContain('根据《中华人民共和国行政许可法》');
  });
});

describe('一次性告知书', () => {
  const content = composeDocument(sampleDocumentInput('one-time-notice'));
  it('lists every missing material with what is wrong, at once', () => {
    expect(content.tables?.[0]?.rows).toEqual([
      ['1', '本人社会保障卡或银行卡', '复印件模糊、卡号无法辨认，请提供清晰复印件'],
      ['2', '近期免冠一寸照片', '未提交，请补齐2张'],
    ]);
    expect(content.paragraphs[0]).toContain('一次性告知');
  });
  it('gives the deadline, stops the clock and states the effect of not correcting', () => {
    expect(text(content)).toContain('请于2026年11月30日前补齐补正');
    expect(text(content)).toContain('补齐补正期间不计入办理时限');
    expect(text(content)).toContain('逾期未补齐补正的，视为撤回申请');
  });
  it('refuses to be issued with nothing missing', () => {
    const input = sampleDocumentInput('one-time-notice');
    input.caseInfo.missing = [];
    expect(() => composeDocument(input)).toThrow(RangeError);
  });
});

describe('不予受理决定书', () => {
  const content = composeDocument(sampleDocumentInput('refusal-decision'));
  it('gives the reason with its clause of art. 32 and where to apply instead', () => {
    expect(text(content)).toContain('申请人户籍不在本镇，不属于本中心受理范围');
    expect(text(content)).toContain('第三十二条第一款第（二）项的规定，本中心决定不予受理');
    expect(text(content)).toContain('该事项依法应当向诸暨市民政局申请（地址：诸暨市暨阳街道艮塔西路138号；电话：0575-87012345）');
  });
  it('names the review organ (60 days) and the court (6 months)', () => {
    expect(text(content)).toContain('六十日内向诸暨市人民政府申请行政复议');
    expect(text(content)).toContain('六个月内向诸暨市人民法院提起行政诉讼');
  });
  it('falls back to a generic review organ and court when the issuer names none', () => {
    const input = sampleDocumentInput('refusal-decision');
    delete input.issuer.reviewOrgan;
    delete input.issuer.court;
    expect(text(composeDocument(input))).toContain('向有管辖权的人民法院提起行政诉讼');
  });
});

describe('告知书', () => {
  const content = composeDocument(sampleDocumentInput('referral-notice'));
  it('names the organ, address, phone and hours, and the materials handed back', () => {
    expect(content.title).toBe('告知书');
    expect(content.paragraphs).toEqual(expect.arrayContaining([
      '办理机构：诸暨市民政局',
      '办理地址：诸暨市暨阳街道艮塔西路138号',
      '联系电话：0575-87012345',
      '办公时间：工作日8:30—12:00、14:00—17:30',
      '你提交的申请材料已全部退还，详见退件清单。',
    ]));
    expect(content.paragraphs[0]).toContain('不属于本中心受理范围');
  });
});

describe('准予 / 不予 决定书', () => {
  it('for an approval states what is granted, its scope, validity and when the result comes', () => {
    const content = composeDocument(sampleDocumentInput('decision'));
    expect(content.title).toBe('准予办理决定书');
    expect(content.paragraphs).toEqual(expect.arrayContaining([
      '准予内容：按月发放高龄津贴，每月100元', '准予范围：本人', '有效期限：自2026年12月1日起长期有效',
    ]));
    expect(text(content)).toContain('根据《浙江省老年人权益保障条例》第三十二条的规定');
    expect(text(content)).toContain('十日内向你颁发、送达高龄津贴核定通知书');
    expect(text(content)).not.toContain('行政复议');
  });
  it('for a denial states reasons, legal basis and the rights of review and suit', () => {
    const input = sampleDocumentInput('decision');
    input.item.itemType = '行政许可';
    input.caseInfo.approved = false;
    input.caseInfo.reason = '申请人未满80周岁。';
    const content = composeDocument(input);
    expect(content.title).toBe('不予行政许可决定书');
    expect(text(content)).toContain('理由如下：申请人未满80周岁。');
    expect(text(content)).toContain('根据《浙江省老年人权益保障条例》第三十二条的规定，本中心决定不予高龄津贴申领');
    expect(text(content)).toContain('六十日内向诸暨市人民政府申请行政复议');
    expect(text(content)).toContain('六个月内向诸暨市人民法院提起行政诉讼');
  });
});

describe('result certificate', () => {
  it('is titled with the item result name and lists the result content', () => {
    const content = composeDocument(sampleDocumentInput('result'));
    expect(content.title).toBe('高龄津贴核定通知书');
    expect(content.addressee).toBeUndefined();
    expect(cells(content)).toContainEqual(['津贴标准', '每月100元']);
    expect(content.paragraphs.at(-1)).toBe('特此通知。');
  });
  it('closes a 证明 with 特此证明 and falls back to the form fields', () => {
    const input = sampleDocumentInput('result');
    input.item.resultName = '居住证明';
    delete input.caseInfo.resultFields;
    const content = composeDocument(input);
    expect(content.paragraphs.at(-1)).toBe('特此证明。');
    expect(cells(content)).toContainEqual(['age', '81']);
  });
});

describe('送达回证', () => {
  it('is a table of document, addressee, place, mode, proof, time, person and remarks', () => {
    const content = composeDocument(sampleDocumentInput('delivery-receipt'));
    const labels = cells(content).map((r) => r[0]);
    expect(labels).toEqual([
      '送达文书名称及文号', '事项名称及办件编号', '受送达人', '送达地点', '送达方式',
      '受送达人签名或收件凭证', '送达时间', '送达人', '备注',
    ]);
    const value = (label: string) => cells(content).find((r) => r[0] === label)?.[1];
    expect(value('送达文书名称及文号')).toBe('《高龄津贴核定通知书》五泄便证〔2026〕12号');
    expect(value('送达方式')).toBe('邮寄送达（承运单位：中国邮政EMS；运单号：1180934567890）');
    expect(value('送达时间')).toBe('2026年11月25日14时05分');
    expect(value('受送达人签名或收件凭证')).toBe('王秀英（快递签收记录）');
  });
});

describe('退件清单', () => {
  it('lists the materials handed back and leaves room for the signatures', () => {
    const content = composeDocument(sampleDocumentInput('materials-returned'));
    expect(content.tables?.[0]?.rows).toEqual([
      ['1', '居民身份证', '原件及复印件', '1'],
      ['2', '本人社会保障卡或银行卡', '复印件', '1'],
    ]);
    expect(content.signatureLines?.[0]).toMatch(/^申请人（签字）：/);
  });
});

describe('documentText', () => {
  it('reads title, number, addressee, body with tables in place, issuer, date and footer', () => {
    const lines = documentText(composeDocument(sampleDocumentInput('one-time-notice'))).split('\n');
    expect(lines.slice(0, 3)).toEqual(['补齐补正材料一次性告知书', '五泄便补〔2026〕12号', '王秀英：']);
    expect(lines[4]).toBe('序号\t材料名称\t存在问题及补正要求');
    expect(lines.slice(-5, -3)).toEqual(['诸暨市五泄镇便民服务中心', '2026年11月23日']);
  });
});
