import { describe, expect, it, vi } from 'vitest';
import { createFormValidator, checkSchemaCompiles } from './create-form-validator.ts';
import { FormSchemaError } from './schema-problems.ts';

const SAMPLE_ID = '11010519491231002X'; // the GB 11643 sample, born 1949-12-31
const ELDER_ID = '330602194503150511'; // born 1945-03-15, check digit computed by MOD 11-2
const quiet = { logger: false } as const;

const elderlyAllowance = {
  type: 'object',
  required: ['applicant', 'bankAccount'],
  properties: {
    applicant: {
      type: 'object',
      title: '申请人',
      required: ['name', 'idNumber', 'phone'],
      properties: {
        name: { type: 'string', title: '姓名', minLength: 1 },
        idNumber: { type: 'string', title: '身份证号码', format: 'cn-id-number', minAgeFromId: 80 },
        phone: { type: 'string', title: '手机号码', format: 'cn-mobile' },
      },
    },
    bankAccount: { type: 'string', title: '社保卡银行账号', pattern: '^\\d{16,19}$', description: '16至19位数字' },
    relation: { type: 'string', title: '与老人关系', enum: ['self', 'child'], enumNames: ['本人', '子女'] },
  },
  additionalProperties: false,
};

describe('createFormValidator / compileForm', () => {
  const validator = createFormValidator({ ...quiet, now: () => '2026-11-23' });
  const validate = validator.compileForm(elderlyAllowance);
  const good = { applicant: { name: '张秀英', idNumber: ELDER_ID, phone: '13800138000' }, bankAccount: '6217001234567890123' };

  it('accepts valid data with no errors', () => {
    expect(validate(good)).toEqual([]);
  });

  it('points required errors at the missing field and names it by title', () => {
    expect(validate({ applicant: { name: '张秀英', idNumber: ELDER_ID }, bankAccount: '6217001234567890' })).toEqual([
      { pointer: '/applicant/phone', message: '请填写手机号码', keyword: 'required' },
    ]);
  });

  it('reports every error at once (allErrors)', () => {
    const errors = validate({ applicant: {} });
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/applicant/idNumber', '/applicant/name', '/applicant/phone', '/bankAccount']);
  });

  it('explains format failures precisely, in Chinese', () => {
    const errors = validate({ ...good, applicant: { ...good.applicant, idNumber: '110105194912310021', phone: '1380013800' } });
    expect(errors).toEqual([
      { pointer: '/applicant/idNumber', message: '身份证号码 格式不正确：校验位错误', keyword: 'format' },
      { pointer: '/applicant/phone', message: '手机号码 格式不正确：应为11位，实际10位', keyword: 'format' },
    ]);
  });

  it('points additionalProperties errors at the extra field', () => {
    expect(validate({ ...good, nickname: 'x' })).toEqual([
      { pointer: '/nickname', message: '不允许填写字段 "nickname"', keyword: 'additionalProperties' },
    ]);
  });

  it('lists enum choices by their enumNames and uses pattern descriptions', () => {
    const errors = validate({ ...good, relation: 'neighbour', bankAccount: '123' });
    expect(errors).toContainEqual({ pointer: '/relation', message: '与老人关系 应为以下之一：本人、子女', keyword: 'enum' });
    expect(errors).toContainEqual({ pointer: '/bankAccount', message: '社保卡银行账号 格式不正确（16至19位数字）', keyword: 'pattern' });
  });

  it('translates type errors and falls back to ajv-i18n Chinese for other keywords', () => {
    const errors = validate({ ...good, applicant: { ...good.applicant, name: '' }, bankAccount: 42 });
    expect(errors).toContainEqual({ pointer: '/bankAccount', message: '社保卡银行账号 应为文本', keyword: 'type' });
    expect(errors).toContainEqual({ pointer: '/applicant/name', message: '姓名 不应少于 1 个字符', keyword: 'minLength' });
  });

  it('applies minAgeFromId on today (injected) or on a date given per call', () => {
    const young = { ...good, applicant: { ...good.applicant, idNumber: '11010519491231002X' } };
    const strict = createFormValidator({ ...quiet, now: () => '2029-12-30' }).compileForm(elderlyAllowance);
    expect(strict(young)).toEqual([
      { pointer: '/applicant/idNumber', message: '申请人须年满80周岁（按身份证号码计算现为79周岁）', keyword: 'minAgeFromId' },
    ]);
    expect(strict(young, { on: '2029-12-31' })).toEqual([]);
    expect(strict(young)).toHaveLength(1); // the per-call date does not stick
    expect(() => strict(young, { on: '31/12/2029' })).toThrow(/无效的日期/);
  });

  it('caches the compiled validator per schema content', () => {
    expect(validator.compileForm(elderlyAllowance)).toBe(validate);
    expect(validator.compileForm(structuredClone(elderlyAllowance))).toBe(validate);
    expect(validator.compileForm({ ...elderlyAllowance, title: '另一张表' })).not.toBe(validate);
  });

  it('tolerates rjsf annotations and unknown keywords without throwing, logging them', () => {
    const warn = vi.fn();
    const logged = createFormValidator({ logger: { log: vi.fn(), warn, error: vi.fn() } });
    const check = logged.compileForm({
      type: 'object',
      properties: { a: { type: 'string', 'x-widget-hint': 'wide' }, b: { type: 'string', enum: ['y', 'n'], enumNames: ['是', '否'] } },
    });
    expect(check({ a: 'b' })).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('x-widget-hint'));
    expect(warn).not.toHaveBeenCalledWith(expect.stringContaining('enumNames'));
  });
});

describe('dialects', () => {
  const validator = createFormValidator(quiet);

  it('compiles draft-07 and 2020-12 schemas side by side', () => {
    const draft07 = validator.compileForm({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'array', items: [{ type: 'string' }], additionalItems: false,
    });
    const draft2020 = validator.compileForm({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'array', prefixItems: [{ type: 'string' }], items: false,
    });
    expect(draft07(['a'])).toEqual([]);
    expect(draft07(['a', 'b'])).toHaveLength(1);
    expect(draft2020(['a'])).toEqual([]);
    expect(draft2020(['a', 'b'])).toHaveLength(1);
  });

  it('supports dependentRequired (2020-12) with the pointer on the missing field', () => {
    const validate = validator.compileForm({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { agent: { type: 'string' }, agentIdNumber: { type: 'string', title: '代办人身份证号码' } },
      dependentRequired: { agent: ['agentIdNumber'] },
    });
    expect(validate({ agent: '李四' })).toEqual([
      { pointer: '/agentIdNumber', message: '请填写代办人身份证号码', keyword: 'dependentRequired' },
    ]);
  });

  it('refuses an unsupported $schema with a pointer to it', () => {
    expect(() => validator.compileForm({ $schema: 'http://json-schema.org/draft-04/schema#' })).toThrow(FormSchemaError);
    expect(validator.checkSchemaCompiles({ $schema: 'http://json-schema.org/draft-04/schema#' })[0]?.pointer).toBe('/$schema');
  });

  it('lets two versions of a form keep the same $id', () => {
    const v1 = { $id: 'urn:item:gaoling:form', type: 'object', required: ['a'] };
    const v2 = { $id: 'urn:item:gaoling:form', type: 'object', required: ['b'] };
    expect(validator.compileForm(v1)({ b: 1 })[0]?.pointer).toBe('/a');
    expect(validator.compileForm(v2)({ a: 1 })[0]?.pointer).toBe('/b');
  });
});

describe('shared pieces by $ref', () => {
  it('resolves urn:bianmin:forms:* references', () => {
    const validate = createFormValidator(quiet).compileForm({
      type: 'object',
      properties: { applicant: { $ref: 'urn:bianmin:forms:applicant' } },
    });
    const errors = validate({ applicant: { name: '王五', idNumber: SAMPLE_ID, phone: '0575-87654321' } });
    expect(errors).toContainEqual({ pointer: '/applicant/address', message: '请填写住址', keyword: 'required' });
    expect(errors).toContainEqual({ pointer: '/applicant/phone', message: '手机号码 格式不正确：应为11位数字，不含空格或横线', keyword: 'format' });
  });
});

describe('checkSchemaCompiles', () => {
  it('returns no problems for a good schema', () => {
    expect(checkSchemaCompiles(elderlyAllowance)).toEqual([]);
  });

  it('finds unknown formats, with the pointer of the offending schema', () => {
    const problems = checkSchemaCompiles({ type: 'object', properties: { id: { type: 'string', format: 'cn-idnumber' } } });
    expect(problems).toEqual([{ pointer: '/properties/id', message: '未知的格式 "cn-idnumber"' }]);
  });

  it('finds meta-schema violations', () => {
    const problems = checkSchemaCompiles({ type: 'object', properties: { a: { type: 'text' } } });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.pointer).toBe('/properties/a/type');
    expect(problems[0]?.message).toMatch(/^不符合 JSON Schema 规范：/);
  });

  it('finds bad values of the age keywords', () => {
    const problems = checkSchemaCompiles({ type: 'string', format: 'cn-id-number', minAgeFromId: 'eighty' });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.pointer).toBe('/minAgeFromId');
    expect(problems[0]?.message).toMatch(/minAgeFromId/);
  });

  it('finds unresolvable $refs and where they are', () => {
    const problems = checkSchemaCompiles({ type: 'object', properties: { a: { $ref: '#/definitions/missing' } } });
    expect(problems).toEqual([{ pointer: '/properties/a/$ref', message: '无法解析引用 #/definitions/missing' }]);
  });

  it('refuses non-objects without throwing', () => {
    expect(checkSchemaCompiles('schema')).toEqual([{ pointer: '', message: '表单 Schema 应为 JSON 对象' }]);
    expect(checkSchemaCompiles(null)).toHaveLength(1);
  });

  it('leaves a validator usable after a schema with an $id failed', () => {
    const validator = createFormValidator(quiet);
    const broken = { $id: 'urn:bianmin:x', type: 'object', properties: { a: { $ref: '#/nowhere' } } };
    expect(validator.checkSchemaCompiles(broken)).toHaveLength(1);
    expect(validator.checkSchemaCompiles({ $id: 'urn:bianmin:x', type: 'object' })).toEqual([]);
  });
});

describe('titles of referenced fields', () => {
  it('reads the title of a missing field declared by a local $ref', () => {
    const validate = createFormValidator(quiet).compileForm({
      type: 'object',
      required: ['guardian', 'consent'],
      properties: { guardian: { $ref: '#/definitions/person' }, consent: { type: 'boolean', title: '本人承诺所填信息真实', const: true } },
      definitions: { person: { type: 'object', title: '监护人', properties: { name: { type: 'string' } } } },
    });
    expect(validate({})).toEqual([
      { pointer: '/guardian', message: '请填写监护人', keyword: 'required' },
      { pointer: '/consent', message: '请勾选“本人承诺所填信息真实”', keyword: 'required' },
    ]);
    expect(validate({ guardian: {}, consent: false })).toEqual([
      { pointer: '/consent', message: '本人承诺所填信息真实 须勾选确认', keyword: 'const' },
    ]);
  });
});
