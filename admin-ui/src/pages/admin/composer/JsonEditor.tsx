import { useEffect, useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { m } from '../../../i18n/index.ts';

/** A JSON text area: edits apply only when the text parses, so a typo never breaks the draft. */
export function JsonEditor({ value, onApply, rows = 22 }: { value: unknown; onApply: (v: unknown) => void; rows?: number }) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [error, setError] = useState<string>();
  useEffect(() => setText(JSON.stringify(value, null, 2)), [value]);
  const apply = () => {
    try {
      onApply(JSON.parse(text));
      setError(undefined);
    } catch (e) {
      setError(`${m.composer.invalidJson}：${(e as Error).message}`);
    }
  };
  return (
    <>
      {error && <Alert type="error" title={error} style={{ marginBottom: 8 }} />}
      <Input.TextArea
        value={text}
        rows={rows}
        spellCheck={false}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        onChange={(e) => setText(e.target.value)}
      />
      <Button style={{ marginTop: 8 }} onClick={apply}>{m.composer.applyJson}</Button>
    </>
  );
}
