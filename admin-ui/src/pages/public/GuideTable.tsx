import type { ReactNode } from 'react';
import { Table } from 'antd';
import type { ItemDetail } from '../../api/types.ts';
import { m } from '../../i18n/index.ts';
import { contactText, timeLimitText } from './guideText.ts';

const lines = (xs: ReactNode[]) => xs.map((x, i) => <div key={i}>{x}</div>);

/** The 16 elements of a 办事指南 in their published order (seed 002 art. 30). */
export function guideRows(item: ItemDetail): [string, ReactNode][] {
  const g = item.guide;
  const e = m.guide.elements;
  return [
    [e.name, g.name],
    [e.itemType, g.itemType],
    [e.legalBasis, lines((g.legalBasis ?? []).map((b) => `${b.law}${b.article ? ` ${b.article}` : ''}${b.text ? `：${b.text}` : ''}`))],
    [e.authority, g.authority],
    [e.conditions, lines((g.conditions ?? []).map((c, i) => `${i + 1}. ${c}`))],
    [e.legalTimeLimit, timeLimitText(g.legalTimeLimit)],
    [e.promisedTimeLimit, timeLimitText(g.promisedTimeLimit)],
    [e.resultName, g.resultName],
    [e.fee, g.fee?.charged ? `${g.fee.description}${g.fee.amount !== undefined ? `（${m.guide.yuan(g.fee.amount)}）` : ''}` : g.fee?.description || m.public.notCharged],
    [e.feeBasis, g.feeBasis],
    [
      e.materials,
      lines(
        (item.materials ?? []).map(
          (mat, i) =>
            `${i + 1}. ${mat.name}（${m.materialForms[mat.form] ?? mat.form} ${m.guide.copies(mat.count)}${mat.required ? '' : `，${m.guide.optional}`}${mat.sharedFrom ? `，${m.newCase.sharedFree}` : ''}${mat.waivable ? `，${m.materials.waivable}` : ''}）`,
        ),
      ),
    ],
    [e.process, lines((g.process ?? []).map((p, i) => `${i + 1}. ${p.name}${p.description ? `：${p.description}` : ''}`))],
    [e.reviewCriteria, lines((g.reviewCriteria ?? []).map((c, i) => `${i + 1}. ${c}`))],
    [e.appointment, g.appointment ? `${g.appointment.available ? m.public.yes : m.public.no}${g.appointment.channels?.length ? `（${g.appointment.channels.join('、')}）` : ''}${g.appointment.note ? ` ${g.appointment.note}` : ''}` : ''],
    [e.consultation, lines((g.consultation ?? []).map(contactText))],
    [e.supervision, lines((g.supervision ?? []).map(contactText))],
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
