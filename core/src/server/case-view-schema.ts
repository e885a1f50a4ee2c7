// The JSON Schema of the case view (cases/case-view.ts): the answer of GET /api/cases/:id, of a
// creation and of every event. Data, settings and event payloads are the item's own shapes: open.
import { anyObject } from './schemas.ts';

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const org = { type: 'object', required: ['id', 'name'], properties: { id: str, name: str, level: str } } as const;

/** Registered once (build-server.ts) and referenced: the OpenAPI's CaseView component. */
export const caseViewComponent = {
  $id: 'CaseView',
  type: 'object',
  required: ['id', 'number', 'itemCode', 'itemVersion', 'itemName', 'kind', 'state', 'open', 'data', 'materials', 'missing', 'applicant', 'channel', 'receivingOrg', 'currentOrg', 'settings', 'actions', 'deadlines', 'documents', 'history', 'parentCaseId', 'version', 'createdAt', 'updatedAt', 'closedAt'],
  properties: {
    id: str,
    number: str,
    itemCode: str,
    itemVersion: str,
    itemName: str,
    kind: { type: 'string', enum: ['immediate', 'promised', 'reported', 'returned'] },
    state: str,
    open: { type: 'boolean' },
    data: anyObject,
    materials: { type: 'object', additionalProperties: { type: 'string', enum: ['provided', 'waived', 'missing', 'not-applicable'] } },
    missing: { type: 'array', items: str, description: '尚缺的材料' },
    applicant: {
      type: 'object',
      properties: {
        name: str,
        idNumber: str,
        phone: str,
        email: str,
        address: str,
        authorisation: { type: 'object', properties: { agentName: str, document: str, note: str } },
      },
    },
    channel: str,
    receivingOrg: org,
    currentOrg: org,
    intakeOrg: { ...org, description: '收件单位（村代办时为代办点）' },
    settings: { ...anyObject, description: '收件时生效的本地化配置（承诺时限、文书印章、送达方式、收费、窗口）' },
    actions: { type: 'array', items: str, description: '当前用户现在可以发送的事件' },
    deadlines: {
      type: 'object',
      properties: {
        receivedAt: str,
        acceptedAt: nstr,
        dueAt: nstr,
        status: { type: ['string', 'null'], enum: ['green', 'yellow', 'red', 'paused', null] },
        remainingWorkingDays: { type: ['integer', 'null'] },
        pausedWorkingDays: { type: 'integer' },
        provisional: { type: 'boolean', description: '办结时间按暂定日历推算（该年度节假日安排尚未录入），录入后重算' },
        correctionDueAt: nstr,
        target: {
          type: ['object', 'null'],
          description: '即办件的办结目标',
          properties: { targetAt: str, targetMinutes: { type: 'integer' }, minutesElapsed: { type: 'integer' }, minutesLeft: { type: 'integer' }, exceeded: { type: 'boolean' } },
        },
        flags: { type: 'array', items: str },
        timers: { type: 'array', items: { type: 'object', properties: { kind: str, dueAt: str, firedAt: nstr } } },
      },
    },
    documents: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: str, kind: str, number: str, title: str, url: str, htmlUrl: str, sealed: { type: 'boolean' }, createdAt: str },
      },
    },
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: { seq: { type: 'integer' }, at: str, by: str, byId: nstr, event: str, from: nstr, to: str, payload: { ...anyObject, type: ['object', 'null'] } },
      },
    },
    parentCaseId: nstr,
    version: { type: 'integer' },
    createdAt: str,
    updatedAt: str,
    closedAt: nstr,
  },
} as const;

export const caseViewSchema = { $ref: 'CaseView#' } as const;
