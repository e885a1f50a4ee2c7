import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Switch, Table } from 'antd';
import { listDeliveryModes, listOrgs, listSeals, listWindows } from '../../../api/admin.ts';
import { getOverlay, putOverlay, type ItemOverlay } from '../../../api/items.ts';
import type { ItemDefinition } from '../../../api/types.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { errorText } from '../../../components/ErrorNote.tsx';
import { useAsync } from '../../../hooks/useAsync.ts';
import { m } from '../../../i18n/index.ts';

/**
 * 本地化配置: a township's settings layered over an item it does not own (a plugin's), without
 * touching the package — promised days within the legal limit, seals, delivery modes, fee, windows.
 */
export function OverlayTab({ def }: { def: ItemDefinition }) {
  const { message } = App.useApp();
  const { session } = useAuth();
  const [orgId, setOrgId] = useState(session?.user.orgId ?? '');
  const [overlay, setOverlay] = useState<ItemOverlay>({});
  const [busy, setBusy] = useState(false);
  const orgs = useAsync(listOrgs, []);
  const seals = useAsync(listSeals, []);
  const modes = useAsync(listDeliveryModes, []);
  const windows = useAsync(listWindows, []);

  useEffect(() => {
    if (!orgId) return;
    getOverlay(def.code, orgId).then((r) => setOverlay(r.overlay ?? {}), () => setOverlay({}));
  }, [def.code, orgId]);

  const set = (p: Partial<ItemOverlay>) => setOverlay({ ...overlay, ...p });
  const sealOf = (kind: string) => overlay.documents?.find((d) => d.kind === kind)?.seal;
  const setSeal = (kind: string, seal: string | undefined) => {
    const rest = (overlay.documents ?? []).filter((d) => d.kind !== kind);
    set({ documents: seal ? [...rest, { kind, seal }] : rest });
  };
  const fee = overlay.fee;

  async function save() {
    setBusy(true);
    try {
      // Empty lists mean "as the item says": leave them out rather than overriding with nothing.
      const body: ItemOverlay = Object.fromEntries(
        Object.entries(overlay).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
      );
      await putOverlay(def.code, orgId, body);
      message.success(m.app.saved);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Alert type="info" showIcon title={m.overlay.intro} style={{ marginBottom: 12 }} />
      <Form layout="vertical" style={{ maxWidth: 760 }}>
        <Form.Item label={m.overlay.org}>
          <Select value={orgId} onChange={setOrgId} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item label={m.overlay.promisedDays} extra={m.overlay.itemSays(def.procedure.promisedDays ?? def.guide.promisedTimeLimit?.value)}>
          <InputNumber min={1} value={overlay.promisedDays ?? null} onChange={(v) => set({ promisedDays: v ?? undefined })} />
        </Form.Item>
        <Form.Item label={m.docs.deliveryModes} extra={m.overlay.itemSaysList(def.delivery.modes.join('、'))}>
          <Select
            mode="multiple"
            value={overlay.deliveryModes ?? []}
            onChange={(v: string[]) => set({ deliveryModes: v })}
            options={(modes.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
        <Form.Item label={m.overlay.windows}>
          <Select
            mode="multiple"
            value={overlay.windows ?? []}
            onChange={(v: string[]) => set({ windows: v })}
            options={(windows.data ?? []).filter((w) => w.orgId === orgId).map((w) => ({ value: w.id, label: w.name }))}
          />
        </Form.Item>
        <Card size="small" title={m.overlay.fee} style={{ marginBottom: 12 }}>
          <Switch
            checked={!!fee}
            onChange={(on) => set({ fee: on ? (def.guide.fee ?? { charged: false, description: m.public.notCharged }) : undefined })}
          />{' '}
          {m.overlay.overrideFee}
          {fee && (
            <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
              <Switch checkedChildren={m.overlay.charged} unCheckedChildren={m.overlay.free} checked={fee.charged} onChange={(charged) => set({ fee: { ...fee, charged } })} />
              <InputNumber min={0} placeholder={m.overlay.amount} value={fee.amount ?? null} onChange={(v) => set({ fee: { ...fee, amount: v ?? undefined } })} />
              <Input value={fee.description} onChange={(e) => set({ fee: { ...fee, description: e.target.value } })} />
            </div>
          )}
        </Card>
        <Card size="small" title={m.overlay.seals} style={{ marginBottom: 12 }}>
          <Table
            size="small"
            pagination={false}
            rowKey="kind"
            dataSource={def.documents}
            columns={[
              { title: m.docs.kind, width: 180, render: (_, d) => m.documents[d.kind] ?? d.kind },
              {
                title: m.docs.seal,
                render: (_, d) => (
                  <Select
                    allowClear
                    style={{ width: '100%' }}
                    placeholder={d.seal ?? (d.sealKind ? m.sealKinds[d.sealKind] : undefined)}
                    value={sealOf(d.kind)}
                    onChange={(v: string | undefined) => setSeal(d.kind, v)}
                    options={(seals.data ?? []).map((s) => ({ value: s.code, label: `${s.name}${s.purpose ? ` · ${s.purpose}` : ''}` }))}
                  />
                ),
              },
            ]}
          />
        </Card>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="save-overlay">{m.app.save}</Button>
      </Form>
    </>
  );
}
