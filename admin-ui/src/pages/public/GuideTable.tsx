import type { ReactNode } from 'react';
import { Table } from 'antd';
import type { ItemDetail } from '../../api/types.ts';
import { m } from '../../i18n/index.ts';
import { contactText, timeLimitText } from './guideText.ts';

const lines = (xs: ReactNode[]) => xs.map((x, i) => <div key={i}>{x}</div>);

/** The 16 elements of a 办事指南 in their published order (seed 002 art. 30). */
export function guideRows(item: ItemDetail): [string, ReactNode][] {
  const g = item.guide;
  return [
    ['事项名称', g.name],
    ['事项类型', g.itemType],
    ['设定依据', lines((g.legalBasis ?? []).map((b) => `${b.law}${b.article ? ` ${b.article}` : ''}${b.text ? `：${b.text}` : ''}`))],
    ['实施主体', g.authority],
    ['受理条件', lines((g.conditions ?? []).map((c, i) => `${i + 1}. ${c}`))],
    ['法定办结时限', timeLimitText(g.legalTimeLimit)],
    ['承诺办结时限', timeLimitText(g.promisedTimeLimit)],
    ['结果名称', g.resultName],
    ['收费标准', g.fee?.charged ? `${g.fee.description}${g.fee.amount !== undefined ? `（${g.fee.amount} 元）` : ''}` : g.fee?.description || m.public.notCharged],
    ['收费依据', g.feeBasis],
    [
      '所需材料',
      lines(
        (item.materials ?? []).map(
          (mat, i) =>
            `${i + 1}. ${mat.name}（${m.materialForms[mat.form] ?? mat.form} ${mat.count} 份${mat.required ? '' : '，非必需'}${mat.sharedFrom ? `，${m.newCase.sharedFree}` : ''}${mat.waivable ? `，${m.materials.waivable}` : ''}）`,
        ),
      ),
    ],
    ['办理流程', lines((g.process ?? []).map((p, i) => `${i + 1}. ${p.name}${p.description ? `：${p.description}` : ''}`))],
    ['审查标准', lines((g.reviewCriteria ?? []).map((c, i) => `${i + 1}. ${c}`))],
    ['预约办理', g.appointment ? `${g.appointment.available ? m.public.yes : m.public.no}${g.appointment.channels?.length ? `（${g.appointment.channels.join('、')}）` : ''}${g.appointment.note ? ` ${g.appointment.note}` : ''}` : ''],
    ['咨询方式', lines((g.consultation ?? []).map(contactText))],
    ['监督投诉方式', lines((g.supervision ?? []).map(contactText))],
  ];
}

export function GuideTable({ item }: { item: ItemDetail }) {
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      showHeader={false}
      rowKey={(r) => r.label}
      dataSource={guideRows(item).map(([label, content]) => ({ label, content }))}
      columns={[
        { dataIndex: 'label', width: 140, render: (t: string) => <strong>{t}</strong>, onCell: () => ({ style: { background: '#fafafa' } }) },
        { dataIndex: 'content' },
      ]}
    />
  );
}
