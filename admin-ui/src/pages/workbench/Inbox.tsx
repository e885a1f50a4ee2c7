import { Typography } from 'antd';
import { m } from '../../i18n/index.ts';
import { CaseTable } from './CaseTable.tsx';

/** Cases reported up to this level and waiting for its decision (上报件). */
export default function Inbox() {
  return (
    <>
      <Typography.Title level={4}>{m.queue.inboxTitle}</Typography.Title>
      <CaseTable fixed={{ state: 'reported', inbox: true }} />
    </>
  );
}
