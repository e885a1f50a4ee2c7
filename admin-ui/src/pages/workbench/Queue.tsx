import { Typography } from 'antd';
import { m } from '../../i18n/index.ts';
import { CaseTable } from './CaseTable.tsx';

export default function Queue() {
  return (
    <>
      <Typography.Title level={4}>{m.queue.title}</Typography.Title>
      <CaseTable />
    </>
  );
}
