// Every error the API can answer with, in one place: code → HTTP status and zh-CN message.
// 4xx are the caller's mistakes; 5xx are our faults. tests keep each code listed once.
export const ERRORS = {
  // request shape
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  INVALID_JSON: { status: 400, message: '请求体不是合法的 JSON' },
  VALIDATION_FAILED: { status: 400, message: '请求参数校验未通过' },
  BODY_TOO_LARGE: { status: 413, message: '请求体过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型，请使用 application/json' },
  // auth
  UNAUTHENTICATED: { status: 401, message: '未登录或登录已过期' },
  BAD_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  FORBIDDEN: { status: 403, message: '无权执行此操作' },
  // lookups
  NOT_FOUND: { status: 404, message: '资源不存在' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  ITEM_NOT_FOUND: { status: 404, message: '事项不存在' },
  CASE_NOT_FOUND: { status: 404, message: '办件不存在' },
  ORG_NOT_FOUND: { status: 404, message: '组织机构不存在' },
  DOCUMENT_NOT_FOUND: { status: 404, message: '文书不存在' },
  // scans of materials
  MATERIAL_NOT_FOUND: { status: 404, message: '该事项没有这项材料' },
  SCAN_NOT_FOUND: { status: 404, message: '扫描件不存在' },
  SCAN_FILE_MISSING: { status: 400, message: '请以 multipart/form-data 上传一个扫描文件（字段 file）' },
  SCAN_BAD_NAME: { status: 400, message: '文件名不能包含路径（/、\\ 或 ..）' },
  SCAN_TYPE_REFUSED: { status: 415, message: '扫描件只能是 JPEG、PNG 图片或 PDF，且内容须与声明的类型一致' },
  SCAN_TOO_LARGE: { status: 413, message: '扫描件不能超过 10 MB' },
  // definitions
  INVALID_DEFINITION: { status: 400, message: '事项定义不合法' },
  VERSION_EXISTS: { status: 409, message: '该版本已存在且内容不同，已发布版本不可修改' },
  DRAFT_NOT_FOUND: { status: 404, message: '没有待发布的草稿' },
  INVALID_OVERLAY: { status: 400, message: '本地化配置不合法' },
  // cases
  INVALID_FORM_DATA: { status: 400, message: '申请表填写有误' },
  INVALID_EVENT_PAYLOAD: { status: 400, message: '操作参数有误' },
  EVENT_NOT_ALLOWED: { status: 409, message: '当前状态不允许此操作' },
  STALE_VERSION: { status: 409, message: '办件已被他人更新，请刷新后重试' },
  ROLE_NOT_ALLOWED: { status: 403, message: '当前角色不能执行此操作' },
  ALREADY_EVALUATED: { status: 409, message: '该办件已评价' },
  WAIVED_MATERIALS_OWED: { status: 409, message: '容缺受理的材料尚未补交，确认仍要办结请再次提交并确认' },
  // supervision
  EVALUATION_NOT_OPEN: { status: 409, message: '办件作出决定、不予受理或告知转办后方可评价' },
  EVALUATION_NOT_REQUESTED: { status: 409, message: '该窗口评价器没有待评价的办件' },
  CARD_ALREADY_ENTERED: { status: 409, message: '该评议卡已录入' },
  WINDOW_NOT_FOUND: { status: 404, message: '服务窗口不存在' },
  RECTIFICATION_NOT_FOUND: { status: 404, message: '整改工单不存在' },
  RECTIFICATION_EVENT_NOT_ALLOWED: { status: 409, message: '整改工单当前状态不允许此操作' },
  REFUSAL_REPORT_NOT_FOUND: { status: 404, message: '否定报备记录不存在' },
  REFUSAL_ALREADY_REVIEWED: { status: 409, message: '该否定报备已审核' },
  COUNTERSIGNATURE_REQUIRED: { status: 409, message: '本单位实行否定会签：不予受理或不予办理须先经中心负责人会签' },
  COMPLAINT_NOT_FOUND: { status: 404, message: '投诉记录不存在' },
  COMPLAINT_EVENT_NOT_ALLOWED: { status: 409, message: '投诉当前状态不允许此操作' },
  CALLBACK_NOT_OPEN: { status: 409, message: '只能回访已办结的办件' },
  ALREADY_CALLED_BACK: { status: 409, message: '该办件已回访' },
  UNRESOLVED_REQUEST_NOT_FOUND: { status: 404, message: '办不成事登记不存在' },
  UNRESOLVED_REQUEST_ANSWERED: { status: 409, message: '该诉求已答复' },
  RECORD_CHANGED: { status: 409, message: '记录已被他人更新，请刷新后重试' },
  // appointments and the queue
  SLOT_IN_PAST: { status: 400, message: '预约时间已过，请选择以后的时段' },
  OUTSIDE_SERVICE_HOURS: { status: 400, message: '所选时间不在服务时间内' },
  UNKNOWN_CATEGORY: { status: 400, message: '取号类别不存在' },
  SLOT_FULL: { status: 409, message: '该时段预约已满，请选择其他时段' },
  DUPLICATE_APPOINTMENT: { status: 409, message: '当天已预约该事项，请勿重复预约' },
  APPOINTMENT_LIMITED: { status: 409, message: '爽约次数过多，暂停网上和电话预约' },
  APPOINTMENT_NOT_FOUND: { status: 404, message: '预约不存在' },
  APPOINTMENT_EVENT_NOT_ALLOWED: { status: 409, message: '预约当前状态不允许此操作' },
  TICKET_NOT_FOUND: { status: 404, message: '排队号不存在' },
  TICKET_EVENT_NOT_ALLOWED: { status: 409, message: '排队号当前状态不允许此操作' },
  TICKET_IN_PROGRESS: { status: 409, message: '本窗口当前号尚未办理完毕' },
  WINDOW_PAUSED: { status: 409, message: '本窗口暂停服务' },
  // statistics and reports
  REPORT_NOT_FOUND: { status: 404, message: '月报不存在' },
  REPORT_LOCKED: { status: 409, message: '该月报表已审核通过并锁定，更正请在下月报表中说明' },
  REPORT_EVENT_NOT_ALLOWED: { status: 409, message: '月报当前状态不允许此操作' },
  MONTH_NOT_OVER: { status: 409, message: '该月尚未结束，月报须在月末后上报' },
  // registries
  DUPLICATE: { status: 409, message: '编码已存在' },
  SEAL_UNUSABLE: { status: 409, message: '印章已停用或不在有效期内' },
  SEAL_NOT_FOUND: { status: 409, message: '没有可用的印章，文书不能出具' },
  CALENDAR_YEAR_MISSING: { status: 409, message: '该年度工作日历尚未设置' },
  // faults
  INTERNAL: { status: 500, message: '系统内部错误' },
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库不可用' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;
