import { App, Button, Card, Col, Row, Typography } from 'antd';
import { listOrgs, listWindows } from '../../api/admin.ts';
import { openFile } from '../../api/supervision.ts';
import { ErrorNote, errorText } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { QrCode } from '../public/QrCode.tsx';

/** Each window's evaluation QR code (static: it names the window), to print and put up at the window. */
export default function WindowQr() {
  const { message } = App.useApp();
  const windows = useAsync(listWindows, []);
  const orgs = useAsync(listOrgs, []);
  const orgName = (id: string) => orgs.data?.find((o) => o.id === id)?.name ?? '';
  const base = window.location.origin;
  return (
    <>
      <Typography.Title level={4}>{m.supervision.qrTitle}</Typography.Title>
      <Typography.Paragraph type="secondary">{m.supervision.qrHelp}</Typography.Paragraph>
      <ErrorNote error={windows.error} />
      <Row gutter={[12, 12]}>
        {(windows.data ?? []).map((w) => (
          <Col key={w.id} span={6}>
            <Card size="small" title={w.name} extra={<Button size="small" onClick={() => void openFile(`/windows/${w.id}/evaluation-qr.pdf`).catch((e: unknown) => message.error(errorText(e)))}>{m.supervision.printQr}</Button>}>
              <div style={{ textAlign: 'center' }}>
                <QrCode text={`${base}/public/rate?window=${encodeURIComponent(w.id)}`} size={150} />
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{orgName(w.orgId)}</Typography.Paragraph>
              </div>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
