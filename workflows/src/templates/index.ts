// The template of each procedure kind.
import type { Procedure, ProcedureKind } from '@bianmin/contract';
import type { MachineConfigJson } from '../config.ts';
import { immediateTemplate } from './immediate.ts';
import { promisedTemplate } from './promised.ts';
import { reportedTemplate } from './reported.ts';
import { returnedTemplate } from './returned.ts';

export const templates: Record<ProcedureKind, (procedure: Procedure) => MachineConfigJson> = {
  immediate: immediateTemplate,
  promised: promisedTemplate,
  reported: reportedTemplate,
  returned: returnedTemplate,
};

export function templateFor(procedure: Procedure): MachineConfigJson {
  return templates[procedure.kind](procedure);
}
