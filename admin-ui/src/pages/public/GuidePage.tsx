import { Button, Card, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { getPublicItem } from '../../api/public.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { GuideTable } from './GuideTable.tsx';
import { QrCode } from './QrCode.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

/** A guide as the counter would pin it on the wall: title, QR code, the 16 elements. */
export default function GuidePage() {
  const { code = '' } = useParams();
  const item = useAsync(() => getPublicItem(code), [code]);
  if (item.error) return <ErrorNote error={item.error} />;
  if (!item.data) return null;
  const url = `${window.location.origin}/public/items/${encodeURIComponent(code)}`;
  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 24 }}>
        <div>
          <PageTitle>{m.public.guideTitle(item.data.name)}</PageTitle>
          <Typography.Text type="secondary">{item.data.department} · {item.data.code} · {m.app.version} {item.data.version}</Typography.Text>
          <div style={{ marginTop: 12 }}>
            <Space>
              {item.data.form && (
                <Link to={`/public/items/${encodeURIComponent(code)}/apply`}>
                  <Button type="primary">{m.public.apply}</Button>
                </Link>
              )}
              <Link to="/public/progress"><Button>{m.public.progress}</Button></Link>
            </Space>
          </div>
        </div>
        <div style={{ textAlign: 'center' }}>
          <QrCode text={url} />
          <div style={{ fontSize: 12, color: '#888' }}>{m.public.scan}</div>
        </div>
      </div>
      <div style={{ marginTop: 16 }}>
        <GuideTable item={item.data} />
      </div>
    </Card>
  );
}
