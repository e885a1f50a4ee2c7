// The window's evaluation QR code (seed 003 task 6: 每个服务窗口醒目位置设置评价二维码), an A4 card to
// print and put up at the window: the centre and window, the code, how to evaluate, the phone to
// complain to. Static: the code names the window; the applicant enters the case number and phone.
import PDFDocument from 'pdfkit';
import { cjkFont } from '../../fonts/cjk-font.ts';
import { drawPdfQrCode } from '../../documents/render/pdf-qr-code.ts';
import { MM, PAGE } from '../../documents/render/page-style.ts';

export interface WindowQrCard {
  orgName: string;
  windowName: string;
  phone: string | null;
  url: string;
}

export function windowQrCardPdf(card: WindowQrCard): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: `${card.orgName}${card.windowName}评价二维码`, Creator: 'Bianmin 便民', Producer: 'Bianmin 便民', CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', cjkFont('regular') as unknown as Buffer);
  doc.registerFont('bold', cjkFont('bold') as unknown as Buffer);
  const width = PAGE.width;
  const centre = (text: string, y: number, size: number, font: 'regular' | 'bold' = 'regular', color = '#000000') =>
    doc.font(font).fontSize(size).fillColor(color).text(text, 0, y, { width, align: 'center' });
  doc.save().lineWidth(3).strokeColor('#b71c1c').rect(14 * MM, 14 * MM, width - 28 * MM, PAGE.height - 28 * MM).stroke().restore();
  centre('政务服务“好差评”', 36 * MM, 34, 'bold', '#b71c1c');
  centre('请您为本次服务评价', 56 * MM, 22, 'bold');
  centre(card.orgName, 72 * MM, 18);
  centre(card.windowName, 82 * MM, 18, 'bold');
  const qr = 110 * MM;
  drawPdfQrCode(doc, card.url, (width - qr) / 2, 98 * MM, qr);
  const lines = [
    '微信或手机浏览器扫一扫，输入办件编号和手机号后四位即可评价。',
    '一次一评，评价不影响办理；对“不满意”评价，我们将在 7 日内核实整改并回访。',
    ...(card.phone ? [`监督投诉电话：${card.phone}`] : []),
  ];
  doc.font('regular').fontSize(14).fillColor('#000000');
  let y = 218 * MM;
  for (const line of lines) {
    doc.text(line, 28 * MM, y, { width: width - 56 * MM, align: 'center' });
    y = doc.y + 3 * MM;
  }
  doc.fontSize(9).fillColor('#666666').text(card.url, 28 * MM, 268 * MM, { width: width - 56 * MM, align: 'center' });
  doc.end();
  return done;
}
