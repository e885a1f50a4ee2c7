import { useState } from 'react';
import { App, Button, Empty, Modal, Space } from 'antd';
import { api, apiBlobUrl } from '../../../api/client.ts';
import type { CaseDocument } from '../../../api/types.ts';
import { errorText } from '../../../components/ErrorNote.tsx';
import { documentLabel } from '../../../format/labels.ts';
import { m } from '../../../i18n/index.ts';

/** Documents of the case: the sealed PDF to print, or the HTML rendering to read on screen. */
export function DocumentList({ documents }: { documents: CaseDocument[] }) {
  const { message } = App.useApp();
  const [html, setHtml] = useState<string | null>(null);

  // The server gives each document's URLs; older answers only the id.
  const path = (d: CaseDocument, ext: 'pdf' | 'html') =>
    ((ext === 'pdf' ? d.url : d.htmlUrl) ?? `/api/documents/${encodeURIComponent(d.id ?? '')}.${ext}`).replace(/^\/api/, '');

  async function print(d: CaseDocument) {
    try {
      const url = await apiBlobUrl(path(d, 'pdf'));
      window.open(url, '_blank');
    } catch (e) {
      message.error(errorText(e));
    }
  }
  async function view(d: CaseDocument) {
    try {
      setHtml(await api<string>('GET', path(d, 'html')));
    } catch (e) {
      message.error(errorText(e));
    }
  }

  return (
    <>
      {documents.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.app.none} />}
      {documents.map((d, i) => (
          <div key={d.id ?? `${d.kind}-${i}`} data-testid={`document-${d.kind}`} data-document-id={d.id} style={{ padding: '6px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
            <div>{d.title ?? documentLabel(d.kind)}</div>
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <span style={{ color: '#888', fontSize: 12 }}>{d.number}</span>
              <Space size={4}>
                <Button size="small" aria-label={`${m.casePage.view} ${d.title ?? documentLabel(d.kind)}`} onClick={() => void view(d)}>{m.casePage.view}</Button>
                <Button size="small" type="primary" data-print aria-label={`${m.casePage.print} ${d.title ?? documentLabel(d.kind)}`} onClick={() => void print(d)}>{m.casePage.print}</Button>
              </Space>
            </Space>
          </div>
      ))}
      <Modal open={html !== null} onCancel={() => setHtml(null)} footer={null} width={820}>
        {html !== null && <iframe title="document" srcDoc={html} style={{ width: '100%', height: 600, border: 0 }} sandbox="" />}
      </Modal>
    </>
  );
}
