// The figures of a monthly report as a person reads them, in the order every export prints them.
import type { CaseFigures } from '../case-stats.ts';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? '—' : String(v));

export const FIGURE_LINES: { label: string; value: (f: CaseFigures) => string }[] = [
  { label: '收件', value: (f) => num(f.received) },
  { label: '受理', value: (f) => num(f.accepted) },
  { label: '办结', value: (f) => num(f.concluded) },
  { label: '不予受理', value: (f) => num(f.refused) },
  { label: '告知转办', value: (f) => num(f.referred) },
  { label: '撤回', value: (f) => num(f.withdrawn) },
  { label: '按时办结率', value: (f) => pct(f.onTimeRate) },
  { label: '即办件60分钟内办结率', value: (f) => pct(f.immediateWithinTargetRate) },
  { label: '平均办理工作日', value: (f) => num(f.meanWorkingDays) },
  { label: '逾期未办结（编制时）', value: (f) => num(f.overdueOpen) },
  { label: '代办件', value: (f) => num(f.agent) },
  { label: '评价数', value: (f) => num(f.evaluations) },
  { label: '好评率', value: (f) => pct(f.goodRate) },
  { label: '差评整改率', value: (f) => pct(f.rectificationRate) },
];

export const FIELD_LABELS: Partial<Record<keyof CaseFigures, string>> = {
  received: '收件', accepted: '受理', concluded: '办结', refused: '不予受理', referred: '告知转办', withdrawn: '撤回', onTime: '按时办结',
  immediateWithinTarget: '即办件60分钟内办结', agent: '代办件',
};

export { pct };
