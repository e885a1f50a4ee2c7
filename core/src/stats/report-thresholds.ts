// The seeds' volume thresholds a monthly report is read against, each with its source, so the
// report can print where a target comes from. Data, not code: a county may add its own.
import type { Level } from '@bianmin/contract';

export interface VolumeThreshold {
  code: string;
  /** The level of organisation it judges. */
  level: Level;
  label: string;
  /** monthly-average: received per month, averaged over the year so far; annual: the year's received. */
  measure: 'monthly-average' | 'annual';
  target: number;
  /** Points deducted per `per` (fraction) short of the target, when the source says so. */
  deduction?: { points: number; per: number };
  source: { document: string; title: string; article: string; quote: string };
}

export const VOLUME_THRESHOLDS: readonly VolumeThreshold[] = [
  {
    code: 'village-monthly-average',
    level: 'village',
    label: '村级月均办件量',
    measure: 'monthly-average',
    target: 20,
    deduction: { points: 2, per: 0.05 },
    source: {
      document: '五政〔2018〕24号',
      title: '五泄镇“一站式办理”村级便民服务示范平台创建实施方案',
      article: '评分细则 服务成效 第3项',
      quote: '有实际存量办件，且月均办件量不少于 20 件，每少 5% 扣 2分。',
    },
  },
  {
    code: 'township-annual',
    level: 'township',
    label: '便民服务中心年办件量',
    measure: 'annual',
    target: 6000,
    source: {
      document: '涵政办规〔2023〕1号',
      title: '莆田市涵江区进一步提升基层政务服务能力实施方案',
      article: '乡镇（街道）便民服务中心评分表 第24项 综合受理',
      quote: '便民服务中心年办件量不低于6000件（1分）。',
    },
  },
];
