import { m } from '../../i18n/index.ts';
import { CaseTable } from './CaseTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

export default function Queue() {
  return (
    <>
      <PageTitle>{m.queue.title}</PageTitle>
      <CaseTable />
    </>
  );
}
