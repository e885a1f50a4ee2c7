import { Alert } from 'antd';
import type { Problem } from '../../../api/errors.ts';
import { m } from '../../../i18n/index.ts';

/** Server problems of one part of the definition, each with its JSON pointer. */
export function ProblemList({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={m.composer.problems(problems.length)}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="problems">
          {problems.map((p, i) => (
            <li key={i}>
              <code>{p.pointer || '/'}</code> {p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
