import { m } from '../../i18n/index.ts';
import { CaseTable } from './CaseTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

/** Cases reported up to this level and waiting for its decision (上报件). */
export default function Inbox() {
  return (
    <>
      <PageTitle>{m.queue.inboxTitle}</PageTitle>
      <CaseTable fixed={{ state: 'reported', inbox: true }} />
    </>
  );
}
