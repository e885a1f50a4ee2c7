// What an event's payload says, in the words of the documents it produces, and what it changes in
// the case's materials.
import type { ItemDefinition } from '@bianmin/contract';
import type { MaterialStatus } from './case-record.ts';
import type { EventFacts } from './document-facts.ts';

export function eventFacts(type: string, payload: Record<string, unknown>, item: ItemDefinition): EventFacts {
  const str = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : undefined);
  const facts: EventFacts = {};
  const reason = str('reason') ?? str('note');
  if (reason) facts.reason = reason;
  const opinion = str('opinion');
  if (opinion) facts.opinion = opinion;
  if (type === 'DECIDE') facts.approved = payload.approved === true;
  if (type === 'REFUSE' && str('ground')) facts.refusalGround = str('ground') as EventFacts['refusalGround'];
  if (type === 'REQUEST_CORRECTION' && payload.problems) facts.problems = payload.problems as Record<string, string>;
  if (type === 'REQUEST_CORRECTION' && Array.isArray(payload.missing)) facts.listedMissing = payload.missing.filter((id): id is string => typeof id === 'string');
  if (type === 'REFER') {
    const base = item.procedure.referral;
    const to = str('to') ?? base?.to;
    if (to) {
      facts.referral = {
        to,
        ...((str('address') ?? base?.address) ? { address: str('address') ?? base?.address } : {}),
        ...((str('phone') ?? base?.phone) ? { phone: str('phone') ?? base?.phone } : {}),
        ...((str('hours') ?? base?.hours) ? { hours: str('hours') ?? base?.hours } : {}),
      };
    }
  }
  return facts;
}

/** A SUPPLEMENT marks the materials it brings as provided. */
export function supplemented(materials: Record<string, MaterialStatus>, type: string, payload: Record<string, unknown>): Record<string, MaterialStatus> {
  if (type !== 'SUPPLEMENT') return materials;
  const provided = Array.isArray(payload.provided) ? (payload.provided as string[]) : Object.keys(materials).filter((k) => materials[k] === 'missing');
  return { ...materials, ...Object.fromEntries(provided.map((id) => [id, 'provided' as const])) };
}
