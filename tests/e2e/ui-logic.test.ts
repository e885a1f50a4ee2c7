// Unit tests of the web app's pure logic (the root vitest config runs tests/**, not admin-ui/**).
import { describe, expect, it } from 'vitest';
import { fieldsToForm, formToFields, mergeForm, type DesignerField } from '../../admin-ui/src/pages/admin/designer/fields.ts';
import { machineGraph } from '../../admin-ui/src/pages/admin/composer/machineGraph.ts';
import { guideSchema } from '../../admin-ui/src/pages/admin/composer/guideSchema.ts';
import { monthGrid, nextKind } from '../../admin-ui/src/pages/admin/calendar/monthGrid.ts';
import { deadlineFlag, mainDeadline } from '../../admin-ui/src/format/deadlines.ts';
import { problemsToErrorSchema } from '../../admin-ui/src/forms/problems.ts';
import { toProblems } from '../../admin-ui/src/api/errors.ts';
import { translateString } from '../../admin-ui/src/forms/translate.ts';
import { TranslatableString } from '@rjsf/utils';
import { manifestSchema } from '@bianmin/contract';
import { compareVersions, nextVersion } from '../../admin-ui/src/pages/admin/composer/emptyItem.ts';

describe('form designer', () => {
  const fields: DesignerField[] = [
    { name: 'reason', kind: 'text', title: '申请事由', required: true, multiline: true },
    { name: 'age', kind: 'number', title: '年龄', required: false, minimum: 0, maximum: 150 },
    { name: 'birth', kind: 'date', title: '出生日期', required: false },
    { name: 'kind', kind: 'select', title: '类别', required: true, options: ['甲', '乙'] },
    { name: 'idNumber', kind: 'idNumber', title: '身份证号', required: true },
    { name: 'mobile', kind: 'phone', title: '手机号', required: false },
    { name: 'home', kind: 'address', title: '住址', required: false },
    { name: 'scan', kind: 'file', title: '扫描件', required: false },
    {
      name: 'family',
      kind: 'group',
      title: '家庭成员',
      required: false,
      fields: [
        { name: 'name', kind: 'text', title: '姓名', required: true },
        { name: 'relation', kind: 'select', title: '关系', required: false, options: ['配偶', '子女'] },
      ],
    },
  ];

  it('maps every field kind to JSON Schema and uiSchema', () => {
    const { schema, uiSchema } = fieldsToForm(fields);
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(schema.required).toEqual(['reason', 'kind', 'idNumber']);
    expect(props.reason).toEqual({ title: '申请事由', type: 'string' });
    expect(uiSchema.reason).toEqual({ 'ui:widget': 'textarea' });
    expect(props.idNumber!.format).toBe('cn-id-number');
    expect(props.mobile!.format).toBe('cn-mobile');
    expect(props.home!.$ref).toBe('urn:bianmin:forms:address');
    expect(props.kind!.enum).toEqual(['甲', '乙']);
    expect((props.family!.items as Record<string, unknown>).required).toEqual(['name']);
    expect(uiSchema['ui:order']).toEqual([...fields.map((f) => f.name), '*']);
  });

  it('reads its own output back unchanged', () => {
    expect(formToFields(fieldsToForm(fields))).toEqual(fields);
  });

  it('keeps fields it cannot model as raw, and regenerates them untouched', () => {
    const form = {
      schema: { type: 'object', title: '申请表', properties: { x: { type: 'string', pattern: '^a' }, y: { type: 'integer' } } },
      uiSchema: { 'ui:order': ['y', 'x'], x: { 'ui:autofocus': true } },
    };
    const read = formToFields(form);
    expect(read.map((f) => [f.name, f.kind])).toEqual([['y', 'raw'], ['x', 'raw']]);
    const again = mergeForm(form, fieldsToForm(read));
    expect(again.schema.title).toBe('申请表');
    expect((again.schema.properties as Record<string, unknown>).x).toEqual({ type: 'string', pattern: '^a' });
    expect(again.uiSchema.x).toEqual({ 'ui:autofocus': true });
  });
});

describe('procedure diagram', () => {
  const config = {
    id: 'case',
    initial: 'received',
    states: {
      received: { on: { ACCEPT: 'reviewing', REQUEST_CORRECTION: 'correcting', REFUSE: '#case.returned.handingBack' } },
      correcting: { on: { SUPPLEMENT: 'received' } },
      reviewing: {
        initial: 'first',
        on: { WITHDRAW: 'withdrawn' },
        states: { first: { on: { APPROVE: 'second' } }, second: { on: { APPROVE: '#case.approved', DENY: { target: '#case.denied' } } } },
      },
      approved: { on: { SEAL: 'delivering' } },
      denied: { on: { SEAL: 'delivering' } },
      delivering: { on: { DELIVER: 'concluded' } },
      concluded: { type: 'final' },
      withdrawn: { type: 'final' },
      returned: { initial: 'handingBack', states: { handingBack: { on: { RETURN_MATERIALS: 'closed' } }, closed: { type: 'final' } } },
    },
  };
  const g = machineGraph(config, (id) => id);

  it('flattens nested states and resolves sibling, child and #id targets', () => {
    const ids = g.nodes.map((n) => n.id);
    expect(ids).toContain('reviewing.first');
    expect(ids).not.toContain('reviewing');
    const edge = (s: string, e: string) => g.edges.find((x) => x.source === s && x.event === e)?.target;
    expect(edge('received', 'ACCEPT')).toBe('reviewing.first');
    expect(edge('received', 'REFUSE')).toBe('returned.handingBack');
    expect(edge('reviewing.second', 'DENY')).toBe('denied');
    expect(edge('reviewing.first', 'WITHDRAW')).toBe('withdrawn');
  });

  it('lays states out by distance from the initial state', () => {
    const depth = Object.fromEntries(g.nodes.map((n) => [n.id, n.depth]));
    expect(depth.received).toBe(0);
    expect(depth['reviewing.first']).toBe(1);
    expect(depth.concluded).toBeGreaterThan(depth.approved!);
    expect(g.nodes.find((n) => n.id === 'concluded')!.final).toBe(true);
  });
});

describe('guide schema', () => {
  it('has the properties and required list of the contract ItemGuide', () => {
    const contract = manifestSchema.definitions.ItemGuide;
    expect(Object.keys(guideSchema.properties!).sort()).toEqual(Object.keys(contract.properties).sort());
    expect([...(guideSchema.required as string[])].sort()).toEqual([...contract.required].sort());
  });
});

describe('calendar grid', () => {
  it('starts weeks on Monday', () => {
    const jan2026 = monthGrid(2026, 1); // 1 January 2026 is a Thursday
    expect(jan2026[0]).toEqual([null, null, null, '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(jan2026.flat().filter(Boolean)).toHaveLength(31);
  });
  it('cycles normal → holiday → make-up workday (weekends only) → normal', () => {
    expect(nextKind(undefined, false)).toBe('holiday');
    expect(nextKind('holiday', true)).toBe('workday');
    expect(nextKind('holiday', false)).toBeUndefined();
    expect(nextKind('workday', true)).toBeUndefined();
  });
});

describe('deadlines and problems', () => {
  it('finds the governing deadline in the shapes the server may send', () => {
    expect(mainDeadline({ dueAt: '2026-12-01T09:00:00+08:00', status: 'green' })).toBe('2026-12-01T09:00:00+08:00');
    expect(mainDeadline({ due: { dueAt: '2026-12-02T00:00:00Z' }, correction: '2026-11-30T00:00:00Z' })).toBe('2026-12-02T00:00:00Z');
  });
  it('flags red past due and yellow within a day, unless the server says otherwise', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(deadlineFlag('2026-11-22T00:00:00Z', now)).toBe('red');
    expect(deadlineFlag('2026-11-23T12:00:00Z', now)).toBe('yellow');
    expect(deadlineFlag('2026-11-30T00:00:00Z', now)).toBeNull();
    expect(deadlineFlag('2026-11-22T00:00:00Z', now, false, 'paused')).toBeNull();
  });
  it('puts server problems under their fields', () => {
    const problems = toProblems([{ pointer: '/data/reason', message: '必填' }, { pointer: '/data/family/0/name', message: '太短' }]);
    expect(problemsToErrorSchema(problems, '/data')).toEqual({ reason: { __errors: ['必填'] }, family: { 0: { name: { __errors: ['太短'] } } } });
    expect(problemsToErrorSchema(toProblems([{ pointer: '/materials/0/name', message: 'x' }]), '/guide')).toEqual({});
  });
});

describe('item versions in the composer', () => {
  it('proposes the next patch version after the newest one', () => {
    expect(['1.9.0', '1.10.0', '1.2.3'].sort(compareVersions)).toEqual(['1.2.3', '1.9.0', '1.10.0']);
    expect(nextVersion('1.10.0')).toBe('1.10.1');
  });
});

describe('rjsf strings', () => {
  it('come from the zh-CN catalogue, with English only for what it lacks', () => {
    expect(translateString(TranslatableString.AddItemButton)).toBe('添加一条');
    expect(translateString(TranslatableString.UnknownFieldType, ['x'])).toContain('x');
  });
});
