import { describe, expect, it } from 'vitest';
import { composeDocument } from '../content/index.ts';
import { sampleDocumentInput } from '../../../test/sample-document-input.ts';
import { drawSealSvg } from '../../seals/index.ts';
import { renderDocumentHtml } from './render-document-html.ts';
import { drawQrSvg } from './qr-matrix.ts';

describe('renderDocumentHtml', () => {
  it('is a full A4 zh-CN page with title, number, body, tables, issuer, date, stamp and QR', () => {
    const content = composeDocument(sampleDocumentInput('delivery-receipt'));
    const stampSvg = drawSealSvg({ name: '诸暨市五泄镇便民服务中心', kind: 'official' });
    const html = renderDocumentHtml(content, { stampSvg });
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<h1>送达回证</h1>');
    expect(html).toContain('<td class="label">送达方式</td><td>邮寄送达（承运单位：中国邮政EMS；运单号：1180934567890）</td>');
    expect(html).toContain('<div class="issuer"><div>诸暨市五泄镇便民服务中心</div><div>2026年11月23日</div><div class="stamp"><svg');
    expect(html).toContain(drawQrSvg(content.verifyUrl));
  });

  it('escapes every text it prints', () => {
    const input = sampleDocumentInput('acceptance-receipt');
    input.addressee.name = '<script>alert(1)</script>';
    input.item.materials[0]!.name = '身份证"><img src=x onerror=alert(1)>';
    const html = renderDocumentHtml(composeDocument(input));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;：');
  });
});

describe('drawQrSvg', () => {
  it('draws a QR symbol of the link with a quiet zone', () => {
    const svg = drawQrSvg('https://bianmin.example.cn/verify/五泄便受〔2026〕12号');
    const size = Number(/viewBox="0 0 (\d+) /.exec(svg)?.[1]);
    // Version n has 17 + 4n modules; plus 4 modules of quiet zone each side.
    expect((size - 8 - 17) % 4).toBe(0);
    expect(svg).toMatch(/<path fill="#000" d="M4 4h7v1h-7z/);
  });
});
