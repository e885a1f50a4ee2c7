// The semantic checks of one item definition, beyond its JSON Schema: the same function checks a
// plugin's items at load time and an administrator's composition before it is saved.
import type { ItemDefinition, PluginCode, Problem } from '@bianmin/contract';

export interface ItemCheckContext {
  /** Seal codes a document may name (this plugin's and the registry's). */
  sealCodes: ReadonlySet<string>;
  deliveryModeCodes: ReadonlySet<string>;
  /** Item codes known to the registry, for bundles. Undefined = check later. */
  itemCodes?: ReadonlySet<string>;
  code: PluginCode;
  checkFormSchema(schema: object): Problem[];
  checkProcedure(item: ItemDefinition, code: PluginCode): Problem[];
}

const LEVEL_RANK = { village: 2, township: 1, county: 0 } as const;

export function checkItem(item: ItemDefinition, ctx: ItemCheckContext): Problem[] {
  const problems: Problem[] = [];
  const add = (pointer: string, message: string) => problems.push({ pointer, message });

  if (item.name !== item.guide.name) add('/guide/name', `指南事项名称“${item.guide.name}”与事项名称“${item.name}”不一致`);

  const { legalTimeLimit: legal, promisedTimeLimit: promised } = item.guide;
  if (legal.unit === promised.unit && legal.value > 0 && promised.value > legal.value) {
    add('/guide/promisedTimeLimit/value', `承诺时限 ${promised.value} 超过法定时限 ${legal.value}`);
  }

  const materialIds = new Set<string>();
  item.materials.forEach((m, i) => {
    if (materialIds.has(m.id)) add(`/materials/${i}/id`, `材料编码 ${m.id} 重复`);
    materialIds.add(m.id);
    if (m.waivable && m.sharedFrom) add(`/materials/${i}/waivable`, '通过数据共享获取的材料无需容缺');
    if (m.waivable && m.required === false) add(`/materials/${i}/waivable`, '非必需材料无需容缺');
  });

  for (const p of ctx.checkFormSchema(item.form.schema)) add(`/form/schema${p.pointer}`, p.message);

  for (const [i, name] of (item.validators ?? []).entries()) {
    if (!ctx.code.validators?.[name]) add(`/validators/${i}`, `校验器 ${name} 未在插件代码中定义`);
  }

  const { procedure } = item;
  if (procedure.kind === 'reported') {
    if (!procedure.decidingLevel) add('/procedure/decidingLevel', '上报件必须指定决定层级 decidingLevel');
    else if (LEVEL_RANK[procedure.decidingLevel] >= LEVEL_RANK[item.level]) {
      add('/procedure/decidingLevel', `决定层级 ${procedure.decidingLevel} 必须高于受理层级 ${item.level}`);
    }
  }
  if (procedure.kind === 'promised' && !procedure.promisedDays && promised.unit !== 'working-days') {
    add('/procedure/promisedDays', '承诺件须给出承诺工作日数（procedure.promisedDays 或以工作日计的承诺办结时限）');
  }
  const stepIds = new Set<string>();
  let highest: keyof typeof LEVEL_RANK | undefined;
  (procedure.reviewSteps ?? []).forEach((s, i) => {
    if (stepIds.has(s.id)) add(`/procedure/reviewSteps/${i}/id`, `审查环节 ${s.id} 重复`);
    stepIds.add(s.id);
    if (s.special === 'publicity' && s.days === undefined) add(`/procedure/reviewSteps/${i}/days`, `公示环节“${s.name}”须给出公示天数 days（工作日）`);
    if (s.level) {
      if (procedure.kind !== 'promised') add(`/procedure/reviewSteps/${i}/level`, '只有承诺件的审查环节可以指定决定层级');
      else if (LEVEL_RANK[s.level] > LEVEL_RANK[item.level]) add(`/procedure/reviewSteps/${i}/level`, `审查环节“${s.name}”的层级 ${s.level} 低于事项的受理层级 ${item.level}`);
      else if (highest && LEVEL_RANK[s.level] > LEVEL_RANK[highest]) add(`/procedure/reviewSteps/${i}/level`, `审查环节“${s.name}”的层级 ${s.level} 低于前一环节的层级 ${highest}：审查只能逐级向上`);
      if (!highest || LEVEL_RANK[s.level] < LEVEL_RANK[highest]) highest = s.level;
    }
  });
  for (const p of ctx.checkProcedure(item, ctx.code)) add(`/procedure${p.pointer}`, p.message);

  const kinds = new Set<string>();
  item.documents.forEach((d, i) => {
    if (kinds.has(d.kind)) add(`/documents/${i}/kind`, `文书 ${d.kind} 重复配置`);
    kinds.add(d.kind);
    if (d.seal && !ctx.sealCodes.has(d.seal)) add(`/documents/${i}/seal`, `印章 ${d.seal} 不存在`);
  });

  item.delivery.modes.forEach((mode, i) => {
    if (!ctx.deliveryModeCodes.has(mode)) add(`/delivery/modes/${i}`, `送达方式 ${mode} 不存在`);
  });
  if (item.delivery.default && !item.delivery.modes.includes(item.delivery.default)) {
    add('/delivery/default', `默认送达方式 ${item.delivery.default} 不在可选方式中`);
  }

  if (item.bundle?.after) {
    const members = new Set(item.bundle.items);
    for (const [code, deps] of Object.entries(item.bundle.after)) {
      if (!members.has(code)) add(`/bundle/after/${code}`, `事项 ${code} 不在本一件事的组合中`);
      deps.forEach((dep, i) => {
        if (!members.has(dep)) add(`/bundle/after/${code}/${i}`, `前置事项 ${dep} 不在本一件事的组合中`);
        else if (dep === code) add(`/bundle/after/${code}/${i}`, '事项不能以自身为前置');
      });
    }
    // A cycle would leave its children waiting for each other for ever.
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cyclic = (code: string): boolean => {
      if (done.has(code)) return false;
      if (visiting.has(code)) return true;
      visiting.add(code);
      const found = (item.bundle!.after![code] ?? []).some((dep) => dep !== code && members.has(dep) && cyclic(dep));
      visiting.delete(code);
      done.add(code);
      return found;
    };
    const start = item.bundle.items.find((code) => cyclic(code));
    if (start) add(`/bundle/after/${start}`, `前置关系成环（${start}）：子事项将互相等待`);
  }
  if (item.bundle && ctx.itemCodes) {
    item.bundle.items.forEach((code, i) => {
      if (code === item.code) add(`/bundle/items/${i}`, '一件事不能包含自身');
      else if (!ctx.itemCodes!.has(code)) add(`/bundle/items/${i}`, `事项 ${code} 不存在`);
    });
  }
  return problems;
}
