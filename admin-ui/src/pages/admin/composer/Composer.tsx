import { useEffect, useState } from 'react';
import { Alert, App, Badge, Button, Select, Space, Tabs, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ApiError, toProblems, type Problem } from '../../../api/errors.ts';
import { getItem, listDrafts, publishItem, saveDraft, validateItem } from '../../../api/items.ts';
import type { ItemDefinition } from '../../../api/types.ts';
import { ErrorNote, errorText } from '../../../components/ErrorNote.tsx';
import { problemsUnder } from '../../../forms/problems.ts';
import { m } from '../../../i18n/index.ts';
import { BasicsTab } from './BasicsTab.tsx';
import { DocumentsTab } from './DocumentsTab.tsx';
import { compareVersions, emptyItem, nextVersion, toDefinition } from './emptyItem.ts';
import { FormTab } from './FormTab.tsx';
import { GuideTab } from './GuideTab.tsx';
import { JsonEditor } from './JsonEditor.tsx';
import { MaterialsTab } from './MaterialsTab.tsx';
import { OverlayTab } from './OverlayTab.tsx';
import { ProcedureTab } from './ProcedureTab.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';

/** The item composer: one definition in the manifest shape, edited tab by tab, saved as a draft version. */
export default function Composer() {
  const { code } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [def, setDef] = useState<ItemDefinition | null>(code ? null : emptyItem());
  const [loadError, setLoadError] = useState<unknown>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [tab, setTab] = useState('basics');
  const [generation, setGeneration] = useState(0);
  // A plugin's item is read-only here; the township adjusts it with an overlay.
  const [source, setSource] = useState<string>();
  const [versions, setVersions] = useState<string[]>([]);
  const [baseVersion, setBaseVersion] = useState<string>();

  // Any published version can be opened; an admin's edit of it is saved as the next version.
  const load = (version?: string) => {
    if (!code) return;
    getItem(code, version).then(
      (d) => {
        const loaded = toDefinition(d as unknown as Record<string, unknown>);
        const from = (d as { source?: string }).source;
        const all = (d as { versions?: string[] }).versions ?? [loaded.version];
        setVersions(all);
        setBaseVersion(loaded.version);
        const newest = [...all].sort(compareVersions).pop() ?? loaded.version;
        const fromPlugin = !!from?.startsWith('plugin:');
        setSource(fromPlugin ? from : undefined);
        if (fromPlugin) setTab('overlay');
        setDef(fromPlugin ? loaded : { ...loaded, version: nextVersion(newest) });
      },
      // Not published yet: open the newest saved draft instead.
      async (e: unknown) => {
        const draft = (await listDrafts().catch(() => [])).filter((d) => d.code === code).pop();
        if (draft) setDef(toDefinition(draft as unknown as Record<string, unknown>));
        else setLoadError(e);
      },
    );
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => load(), [code]);

  // Once problems are on screen, they are re-checked as the admin edits, so fixed ones disappear.
  const hasProblems = problems.length > 0;
  useEffect(() => {
    if (!hasProblems || !def || source) return;
    let live = true;
    const t = setTimeout(() => {
      validateItem({ ...def, guide: { ...def.guide, name: def.guide.name || def.name } }).then(
        (r) => live && setProblems(toProblems(r.problems)),
        () => undefined,
      );
    }, 600);
    return () => { live = false; clearTimeout(t); };
  }, [def, hasProblems, source]);

  if (loadError) return <ErrorNote error={loadError} />;
  if (!def) return null;

  const patch = (p: Partial<ItemDefinition>) => { setDef({ ...def, ...p }); setSaved(undefined); };
  // The guide's 承诺办结时限 states the procedure's promised days; keep the two from drifting apart.
  const setProcedure = (procedure: ItemDefinition['procedure']) => {
    const days = procedure.kind === 'promised' || procedure.kind === 'reported' ? procedure.promisedDays : undefined;
    patch({
      procedure,
      ...(days ? { guide: { ...def.guide, promisedTimeLimit: { ...def.guide.promisedTimeLimit, value: days, unit: 'working-days' } } } : {}),
    });
  };
  const under = (prefix: string) => problemsUnder(problems, prefix);
  const top = problems.filter((p) => /^\/(code|name|department|level|version)?$/.test(p.pointer));

  async function run(kind: 'save' | 'validate' | 'publish') {
    if (!def) return;
    setBusy(kind);
    try {
      // The guide repeats the item's name: keep them in step.
      const body = { ...def, guide: { ...def.guide, name: def.guide.name || def.name } };
      if (kind === 'validate') {
        const found = toProblems((await validateItem(body)).problems);
        setProblems(found);
        if (found.length) message.error(m.composer.problems(found.length));
        else message.success(m.composer.valid);
        return;
      } else {
        const r = await saveDraft(body);
        const version = r?.version ?? def.version;
        setSaved(version);
        if (kind === 'publish') {
          await publishItem(def.code);
          message.success(m.composer.published(version));
          if (!code) navigate(`/admin/items/${encodeURIComponent(def.code)}`, { replace: true });
        } else message.success(m.composer.draftSaved(version));
      }
      setProblems([]);
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) {
        setProblems(e.problems);
        message.error(m.composer.problems(e.problems.length));
      } else message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  }

  const badge = (label: string, prefix: string | RegExp) => {
    const n = typeof prefix === 'string' ? under(prefix).length : problems.filter((p) => prefix.test(p.pointer)).length;
    return n ? <Badge count={n} size="small" offset={[8, -2]}>{label}</Badge> : label;
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <PageTitle>
          {m.composer.title} · {def.name || def.code || m.catalogue.newItem} <Tag>{def.version}</Tag>
          {saved && <Tag color="green">{m.composer.draftSaved(saved)}</Tag>}
        </PageTitle>
        <Space>
          {versions.length > 1 && (
            <Select
              size="small"
              style={{ width: 150 }}
              value={baseVersion}
              onChange={(v: string) => load(v)}
              options={versions.map((v) => ({ value: v, label: m.composer.basedOn(v) }))}
            />
          )}
          {source && <Tag color="default">{m.overlay.pluginItem(source.replace(/^plugin:/, ''))}</Tag>}
          <Button disabled={!!source} onClick={() => void run('validate')} loading={busy === 'validate'} data-testid="validate">{m.composer.validate}</Button>
          <Button disabled={!!source} onClick={() => void run('save')} loading={busy === 'save'} data-testid="save-draft">{m.composer.saveDraft}</Button>
          <Button disabled={!!source} type="primary" onClick={() => void run('publish')} loading={busy === 'publish'} data-testid="publish">{m.composer.publish}</Button>
        </Space>
      </Space>
      {problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} title={m.composer.problems(problems.length)} data-testid="composer-problems"
          description={problems.slice(0, 6).map((p, i) => <div key={i}><code>{p.pointer || '/'}</code> {p.message}</div>)}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'basics', label: badge(m.composer.basics, /^\/(code|name|department|level|version)?$/), children: <BasicsTab def={def} onChange={patch} problems={top} isNew={!code} /> },
          { key: 'guide', label: badge(m.composer.guide, '/guide'), children: <GuideTab def={def} onChange={(guide) => patch({ guide })} problems={under('/guide')} /> },
          { key: 'materials', label: badge(m.composer.materials, '/materials'), children: <MaterialsTab materials={def.materials} onChange={(materials) => patch({ materials })} problems={under('/materials')} /> },
          { key: 'form', label: badge(m.composer.form, '/form'), children: <FormTab key={generation} form={def.form} onChange={(form) => patch({ form })} problems={under('/form')} /> },
          { key: 'procedure', label: badge(m.composer.procedure, '/procedure'), children: <ProcedureTab procedure={def.procedure} onChange={setProcedure} problems={under('/procedure')} /> },
          {
            key: 'documents',
            label: badge(m.composer.documents, /^\/(documents|delivery)(\/|$)/),
            children: (
              <DocumentsTab
                documents={def.documents}
                delivery={def.delivery}
                onDocuments={(documents) => patch({ documents })}
                onDelivery={(delivery) => patch({ delivery })}
                problems={[...under('/documents'), ...under('/delivery')]}
              />
            ),
          },
          ...(source ? [{ key: 'overlay', label: m.overlay.tab, children: <OverlayTab def={def} /> }] : []),
          {
            key: 'json',
            label: m.composer.rawJson,
            children: <JsonEditor value={def} rows={28} onApply={(v) => { setDef(v as ItemDefinition); setGeneration((g) => g + 1); }} />,
          },
        ]}
      />
    </>
  );
}
