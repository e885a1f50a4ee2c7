// The web form and the server word a form's errors alike: the clerk reads 「请填写姓名」 at the field
// before sending, and the same words if the server's 400 comes back (point 7 of issue 14).
import { readFileSync } from 'node:fs';
import { createFormValidator } from '@bianmin/forms';
import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { validator } from '../../admin-ui/src/forms/validator.ts';
import { withEnumNames } from '../../admin-ui/src/forms/enumNames.ts';
import { builtinDeliveryModes } from '../../core/src/delivery/builtin-modes.ts';

const item = JSON.parse(readFileSync(new URL('../../plugins/public-security/items/household-registration-certificate/item.json', import.meta.url), 'utf8'));
const schema = item.form.schema as RJSFSchema;

/** The browser's errors as pointer → message, the way rjsf places them at fields. */
function browserErrors(data: Record<string, unknown>, s: RJSFSchema = schema): Record<string, string> {
  const { errors } = validator.validateFormData(data, s);
  return Object.fromEntries(errors.map((e) => [`/${(e.property ?? '').replace(/^\./, '').replace(/\./g, '/')}`, e.message ?? '']));
}

function serverErrors(data: Record<string, unknown>, s: object = schema): Record<string, string> {
  return Object.fromEntries(createFormValidator({ logger: false }).compileForm(s)(data).map((e) => [e.pointer, e.message]));
}

describe('form error messages', () => {
  it('ask for an empty field by its title, in the browser as on the server', () => {
    const data = { applicant: { phone: '1380013800' } };
    const server = serverErrors(data);
    expect(server).toMatchObject({
      '/applicant/name': '请填写姓名',
      '/applicant/idNumber': '请填写公民身份号码',
      '/certificateType': '请选择证明类型',
      '/purpose': '请填写证明用途',
    });
    expect(server['/applicant/phone']).toMatch(/^联系电话 格式不正确/);
    expect(browserErrors(data)).toEqual(server);
  });

  it('explain a bad ID number the same way on both sides', () => {
    const data = { applicant: { name: '张三', idNumber: '110105194912310021', phone: '13800138000' }, certificateType: '其他户籍证明', purpose: '继承公证' };
    const server = serverErrors(data);
    expect(Object.keys(server)).toEqual(['/applicant/idNumber']);
    expect(browserErrors(data)).toEqual(server);
  });

  it('label a delivery mode\'s proof kinds in Chinese, and name its missing fields alike', () => {
    const door = builtinDeliveryModes.find((mode) => mode.code === 'door')!;
    expect(withEnumNames(door.fieldsSchema)).toMatchObject({ proofKind: { 'ui:enumNames': ['签名', '现场照片'] } });
    const server = serverErrors({}, door.fieldsSchema);
    expect(server['/recipientName']).toBe('请填写签收人姓名');
    expect(browserErrors({}, door.fieldsSchema as RJSFSchema)).toEqual(server);
  });
});
