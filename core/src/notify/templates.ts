// The milestone messages (办理进度告知, 淄川区办法 art. 22) as Mustache templates in Chinese.
// A section {{#x}}…{{/x}} drops a sentence when its value is missing, so one template serves
// the case with and without a due date, a note or a phone number.

// Names as the procedure templates of @bianmin/workflows use them in their notify actions.
export type NotificationTemplateName =
  | 'accepted'
  | 'correction-requested'
  | 'refused'
  | 'referred'
  | 'approved'
  | 'denied'
  | 'result-ready'
  | 'delivered'
  | 'case-reported'
  | 'case-returned'
  | 'supplement-requested'
  | 'deadline-warning'
  | 'deadline-overdue'
  | 'appointment-reminder';

export interface NotificationTemplate {
  /** Who reads it: the applicant, or the staff handling the case. */
  audience: 'applicant' | 'staff';
  subject: string;
  body: string;
  /** Variables without which the message would say nothing useful. */
  required: readonly string[];
}

const greeting = '{{#applicantName}}{{applicantName}}，{{/applicantName}}您好！';
const about = '您申请的“{{itemName}}”（办件编号：{{caseNumber}}）';
const contact = '{{#phone}}咨询电话：{{phone}}。{{/phone}}{{#orgName}}【{{orgName}}】{{/orgName}}';

export const NOTIFICATION_TEMPLATES: Readonly<Record<NotificationTemplateName, NotificationTemplate>> = {
  accepted: {
    audience: 'applicant',
    subject: '已受理：{{itemName}}（{{caseNumber}}）',
    body: `${greeting}${about}已受理。{{#dueDate}}承诺办结日期：{{dueDate}}。{{/dueDate}}${contact}`,
    required: ['caseNumber', 'itemName'],
  },
  'correction-requested': {
    audience: 'applicant',
    subject: '需补正材料：{{itemName}}（{{caseNumber}}）',
    body:
      `${greeting}${about}材料需补齐补正：{{#note}}{{note}}{{/note}}{{^note}}详见一次性告知书{{/note}}。` +
      '{{#dueDate}}请于{{dueDate}}前补正，{{/dueDate}}补正期间不计入办理时限。' +
      contact,
    required: ['caseNumber', 'itemName'],
  },
  refused: {
    audience: 'applicant',
    subject: '不予受理：{{itemName}}（{{caseNumber}}）',
    body:
      `${greeting}${about}不予受理。{{#note}}理由：{{note}}。{{/note}}` +
      '请到窗口取回申请材料并领取不予受理决定书。' +
      '{{#evaluateUrl}}欢迎对本次服务评价：{{evaluateUrl}}{{/evaluateUrl}}' +
      contact,
    required: ['caseNumber', 'itemName'],
  },
  referred: {
    audience: 'applicant',
    subject: '告知转办：{{itemName}}（{{caseNumber}}）',
    body:
      `${greeting}${about}不属于本中心受理范围，` +
      '{{#referredTo}}请向{{referredTo}}申请办理{{/referredTo}}{{^referredTo}}详见告知书{{/referredTo}}。' +
      '{{#note}}说明：{{note}}。{{/note}}' +
      '{{#evaluateUrl}}欢迎对本次服务评价：{{evaluateUrl}}{{/evaluateUrl}}' +
      contact,
    required: ['caseNumber', 'itemName'],
  },
  approved: {
    audience: 'applicant',
    subject: '已办结：{{itemName}}（{{caseNumber}}）',
    body: `${greeting}${about}已办结，准予办理。{{#note}}{{note}}。{{/note}}领取方式将另行通知。{{#evaluateUrl}}欢迎对本次服务评价：{{evaluateUrl}}{{/evaluateUrl}}${contact}`,
    required: ['caseNumber', 'itemName'],
  },
  denied: {
    audience: 'applicant',
    subject: '不予办理：{{itemName}}（{{caseNumber}}）',
    body:
      `${greeting}${about}经审查不予办理。{{#note}}理由：{{note}}。{{/note}}` +
      '如对决定不服，可依法申请行政复议或者提起行政诉讼。' +
      '{{#evaluateUrl}}欢迎对本次服务评价：{{evaluateUrl}}{{/evaluateUrl}}' +
      contact,
    required: ['caseNumber', 'itemName'],
  },
  // Sent when the result (or decision) is sealed; with a pickup code when it waits at the window.
  'result-ready': {
    audience: 'applicant',
    subject: '{{#pickupCode}}可领取{{/pickupCode}}{{^pickupCode}}办理结果已出{{/pickupCode}}：{{itemName}}（{{caseNumber}}）',
    body:
      `${greeting}${about}的办理结果已出。` +
      '{{#pickupCode}}取件码：{{pickupCode}}，请持本人身份证件到{{#orgName}}{{orgName}}{{/orgName}}{{^orgName}}便民服务中心{{/orgName}}窗口或自助终端领取。{{/pickupCode}}' +
      '{{^pickupCode}}我们将按您选择的方式送达。{{/pickupCode}}' +
      '{{#phone}}咨询电话：{{phone}}。{{/phone}}',
    required: ['caseNumber', 'itemName'],
  },
  delivered: {
    audience: 'applicant',
    subject: '已送达：{{itemName}}（{{caseNumber}}）',
    body:
      `${greeting}${about}的办理结果已{{#deliveryModeName}}通过{{deliveryModeName}}{{/deliveryModeName}}送达` +
      '{{#trackingNumber}}，快递单号：{{trackingNumber}}{{/trackingNumber}}' +
      '{{#downloadUrl}}，下载链接：{{downloadUrl}}{{#linkExpires}}（{{linkExpires}}前有效）{{/linkExpires}}{{/downloadUrl}}。' +
      `欢迎对本次服务作出评价{{#evaluateUrl}}：{{evaluateUrl}}{{/evaluateUrl}}。${contact}`,
    required: ['caseNumber', 'itemName'],
  },
  'case-reported': {
    audience: 'staff',
    subject: '上报待审：{{caseNumber}} {{itemName}}',
    body:
      '{{#orgName}}{{orgName}}{{/orgName}}{{^orgName}}下级便民服务中心{{/orgName}}上报办件{{caseNumber}}' +
      '（{{itemName}}{{#applicantName}}，申请人{{applicantName}}{{/applicantName}}），请及时审核。' +
      '{{#dueDate}}办结期限：{{dueDate}}。{{/dueDate}}',
    required: ['caseNumber', 'itemName'],
  },
  // 退回补充: a higher level sent the case back down for more material or a corrected opinion.
  'case-returned': {
    audience: 'staff',
    subject: '退回补充：{{caseNumber}} {{itemName}}',
    body:
      '办件{{caseNumber}}（{{itemName}}{{#applicantName}}，申请人{{applicantName}}{{/applicantName}}）已退回补充' +
      '{{#note}}：{{note}}{{/note}}。请补充后重新提交。{{#dueDate}}办结期限：{{dueDate}}。{{/dueDate}}',
    required: ['caseNumber', 'itemName'],
  },
  // The first review step sent the case back to the applicant (after acceptance; the clock stands still).
  'supplement-requested': {
    audience: 'applicant',
    subject: '需补充材料：{{itemName}}（{{caseNumber}}）',
    body: `${greeting}${about}在审查中需补充材料{{#note}}：{{note}}{{/note}}。补充期间不计入办理时限。${contact}`,
    required: ['caseNumber', 'itemName'],
  },
  'deadline-warning': {
    audience: 'staff',
    subject: '即将超期：{{caseNumber}} {{itemName}}',
    body:
      '办件{{caseNumber}}（{{itemName}}{{#applicantName}}，申请人{{applicantName}}{{/applicantName}}）' +
      '将于{{dueDate}}到期，请及时办理。{{#note}}{{note}}{{/note}}',
    required: ['caseNumber', 'itemName', 'dueDate'],
  },
  'deadline-overdue': {
    audience: 'staff',
    subject: '已超期：{{caseNumber}} {{itemName}}',
    body:
      '办件{{caseNumber}}（{{itemName}}{{#applicantName}}，申请人{{applicantName}}{{/applicantName}}）' +
      '已于{{dueDate}}超期，请立即处理并说明超期原因。{{#note}}{{note}}{{/note}}',
    required: ['caseNumber', 'itemName', 'dueDate'],
  },
  // The day before an appointment (seed 002 art. 20 网上预约; seed 003 task 9 预约服务).
  'appointment-reminder': {
    audience: 'applicant',
    subject: '预约提醒：{{itemName}}（{{appointmentNumber}}）',
    body:
      `${greeting}您预约的“{{itemName}}”将于{{slotText}}在{{orgName}}办理，预约号{{appointmentNumber}}。` +
      '请携带身份证件和申请材料，到大厅自助取号机输入预约号取号。如不能按时前来，请提前取消预约。' +
      '{{#phone}}咨询电话：{{phone}}。{{/phone}}',
    required: ['appointmentNumber', 'itemName', 'slotText', 'orgName'],
  },
};
