// What differs between the four procedure kinds in a scaffolded item: the level it is received at,
// the procedure parameters, time limits, the published process, the documents, and the happy path
// its first fixture walks. Everything else in the scaffold is the same for every kind.
import type { DocumentSpec, Level, ProcessStep, Procedure, ProcedureKind, ScenarioStep, TimeLimit } from '@bianmin/contract';

export interface KindProfile {
  kind: ProcedureKind;
  /** 即办件, 承诺件, … */
  label: string;
  level: Level;
  procedure: Procedure;
  legalTimeLimit: TimeLimit;
  promisedTimeLimit: TimeLimit;
  process: ProcessStep[];
  documents: DocumentSpec[];
  happyPath: { name: string; steps: ScenarioStep[] };
}

/** The DELIVER step every kind but returned ends with: window pickup by the applicant. */
export function deliverStep(documentsBefore: string[]): ScenarioStep {
  return {
    event: 'DELIVER',
    payload: { mode: 'window-pickup', recipientName: '张明' },
    expect: { state: 'concluded', documents: [...documentsBefore, 'delivery-receipt'] },
  };
}

/** The documents every accepting kind issues around its result (受, 补, 不, 送). */
export function commonDocuments(result: DocumentSpec): DocumentSpec[] {
  return [
    { kind: 'acceptance-receipt', sealKind: 'business' },
    { kind: 'one-time-notice', sealKind: 'business' },
    { kind: 'refusal-decision', sealKind: 'business' },
    result,
    { kind: 'delivery-receipt', sealKind: 'business' },
  ];
}
