import { describe, expect, it } from 'vitest';
import { NotificationTemplateError, renderNotification } from './render.ts';
import { NOTIFICATION_TEMPLATES } from './templates.ts';

const vars = {
  caseNumber: '五泄便受〔2026〕12号', itemName: '城乡居民基本养老保险参保登记', applicantName: '张三',
  dueDate: '2026年12月4日', pickupCode: '004213', orgName: '五泄镇便民服务中心', phone: '0533-5181234',
};

describe('renderNotification', () => {
  it('renders every milestone in Chinese with the case number and item', () => {
    for (const name of Object.keys(NOTIFICATION_TEMPLATES).filter((n) => NOTIFICATION_TEMPLATES[n as keyof typeof NOTIFICATION_TEMPLATES].required.includes('caseNumber'))) {
      const { subject, body } = renderNotification(name, vars);
      expect(subject, name).toContain(vars.caseNumber);
      expect(body, name).toContain(vars.itemName);
      expect(body, name).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('reminds the applicant of an appointment the day before, with the number to bring to the kiosk', () => {
    const { subject, body } = renderNotification('appointment-reminder', { ...vars, appointmentNumber: '0304007', slotText: '3月4日（周二）09:00-09:30' });
    expect(subject).toBe('预约提醒：城乡居民基本养老保险参保登记（0304007）');
    expect(body).toContain('张三，您好！您预约的“城乡居民基本养老保险参保登记”将于3月4日（周二）09:00-09:30在五泄镇便民服务中心办理，预约号0304007。');
    expect(() => renderNotification('appointment-reminder', vars)).toThrow();
  });

  it('tells the applicant when the case was accepted and when it is due', () => {
    expect(renderNotification('accepted', vars).body).toBe(
      '张三，您好！您申请的“城乡居民基本养老保险参保登记”（办件编号：五泄便受〔2026〕12号）已受理。' +
        '承诺办结日期：2026年12月4日。咨询电话：0533-5181234。【五泄镇便民服务中心】',
    );
  });

  it('drops the sentences whose values are missing or blank', () => {
    const body = renderNotification('accepted', { caseNumber: 'N1', itemName: '事项', note: '', phone: null }).body;
    expect(body).toBe('您好！您申请的“事项”（办件编号：N1）已受理。');
  });

  it('falls back to the one-time notice when no note lists the missing materials', () => {
    expect(renderNotification('correction-requested', { ...vars }).body).toContain('材料需补齐补正：详见一次性告知书。请于2026年12月4日前补正');
    expect(renderNotification('correction-requested', { ...vars, note: '户口簿复印件' }).body).toContain('材料需补齐补正：户口簿复印件。');
  });

  it('gives the pickup code when the result waits at the window, and the reason of a denial', () => {
    expect(renderNotification('result-ready', vars).subject).toBe('可领取：城乡居民基本养老保险参保登记（五泄便受〔2026〕12号）');
    expect(renderNotification('result-ready', vars).body).toContain('取件码：004213，请持本人身份证件到五泄镇便民服务中心窗口');
    const posted = renderNotification('result-ready', { ...vars, pickupCode: undefined });
    expect(posted.subject).toMatch(/^办理结果已出：/);
    expect(posted.body).toContain('我们将按您选择的方式送达');
    expect(renderNotification('denied', { ...vars, note: '不符合参保条件' }).body).toContain('理由：不符合参保条件。如对决定不服');
  });

  it('does not HTML-escape text that is sent as plain text', () => {
    expect(renderNotification('approved', { ...vars, note: '请带上<原件>&复印件' }).body).toContain('请带上<原件>&复印件');
  });

  it('tells where to apply when the case is referred', () => {
    expect(renderNotification('referred', { ...vars, referredTo: '区人力资源和社会保障局' }).body).toContain('请向区人力资源和社会保障局申请办理。');
    expect(renderNotification('refused', { ...vars, note: '不属于受理范围' }).body).toContain('不予受理。理由：不属于受理范围。');
  });

  it('warns the staff before and after the due date', () => {
    expect(renderNotification('deadline-warning', vars).subject).toBe('即将超期：五泄便受〔2026〕12号 城乡居民基本养老保险参保登记');
    expect(renderNotification('deadline-overdue', vars).body).toContain('已于2026年12月4日超期');
    expect(NOTIFICATION_TEMPLATES['deadline-overdue'].audience).toBe('staff');
  });

  it('refuses an unknown template and one missing a required value', () => {
    expect(() => renderNotification('constructor', vars)).toThrow(NotificationTemplateError);
    expect(() => renderNotification('deadline-warning', { caseNumber: 'N1', itemName: '事项' })).toThrow('缺少变量：dueDate');
  });
});
