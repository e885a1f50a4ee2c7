// 退办件: an item that is never accepted here — the counter receives, then refuses or refers
// (告知谁办, by default to `procedure.referral`) and hands the materials back.
import type { Procedure } from '@bianmin/contract';
import type { MachineConfigJson } from '../config.ts';
import { CASE_MACHINE_ID } from '../config.ts';
import { correctingState, endStates, receivedState, returnedState } from './common.ts';

export function returnedTemplate(procedure: Procedure): MachineConfigJson {
  return {
    id: CASE_MACHINE_ID,
    description: 'returned 退办件',
    initial: 'received',
    states: {
      received: receivedState(procedure, []),
      correcting: correctingState(procedure),
      returned: returnedState(procedure),
      ...endStates,
    },
  };
}
