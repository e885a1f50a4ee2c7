// The composition root: opens and migrates the store, seeds first-start data, loads the plugins
// into the registry and wires the case engine, the outbox and the deadline sweeper.
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { AuditLog } from '../audit/index.ts';
import { purgeFailures, purgeSessions, SecuritySettingsStore } from '../auth/index.ts';
import { createFormValidator } from '@bianmin/forms';
import { CalendarService, missingCalendarYears, seedOfficialYears } from '../calendar/index.ts';
import { CaseEngine, ItemRuntime, sweepDeadlines, type StepWriter } from '../cases/index.ts';
import { builtinDeliveryModes, createDeliveryMode, getDeliveryMode, listDeliveryModes, seedBuiltinDeliveryModes } from '../delivery/index.ts';
import { renderPendingDocuments } from '../documents/issuing/render-stored-document.ts';
import type { DocumentSealing } from '../documents/issuing/document-sealing.ts';
import { notificationChannelsFromEnv, notifyHandler, remindMissingCalendarYears, retryDueNotifications, type NotificationChannel } from '../notify/index.ts';
import { OutboxWorker } from '../outbox/index.ts';
import { seedDemoCounty, seedDemoSeals, seedRootOrganisation, type SeedResult } from '../seed/index.ts';
import { registrySealing } from '../documents/issuing/registry-sealing.ts';
import { discoverPlugins, loadPlugins, pluginFoldersFromEnv } from '../plugin-loading/index.ts';
import { itemChecks } from './item-checks.ts';
import { ItemRegistry } from '../registry/index.ts';
import { loadInstanceSecret } from '../secrets/index.ts';
import { ID_NUMBER_HASH_PURPOSE } from '../privacy/index.ts';
import { databaseOptionsFromEnv, migrate, openDatabase, startWalCheckpoints } from '../store/index.ts';
import { refusalReviewHook, sweepSupervision, type SupervisionDeps } from '../supervision/index.ts';
import { OrgDirectory } from '../org/index.ts';
import { startPdfPool } from '../pdf-pool/pdf-pool.ts';
import { BoardBus, sweepQueue, type QueueDeps } from '../queue/index.ts';
import { foldCaseEvents, webhookHandler, webhooksFromEnv, type StatsDeps } from '../stats/index.ts';
import { registerItems } from './register-items.ts';
import { registerPluginSeals } from './register-plugin-seals.ts';
import type { Runtime } from './runtime.ts';

export interface RuntimeOptions {
  env?: NodeJS.ProcessEnv;
  /** An open database (tests); otherwise opened from the environment. */
  db?: Knex;
  /** Repository root holding plugins/ and node_modules/. */
  root?: string;
  /** Only these plugin folders, not the shipped ones (tests). */
  pluginFolders?: string[];
  onlyPluginFolders?: boolean;
  now?: () => Date;
  channels?: NotificationChannel[];
  sealing?: DocumentSealing | null;
  /** Sweep deadlines and retry notifications on timers (the server); tests drive them by hand. */
  timers?: boolean;
  /** When the server last took a request (the idle renderer waits for quiet). */
  lastRequestAt?: () => number;
  publicBaseUrl?: string;
  /** Modules' rows written in every case step (cases/step-write.ts), after the core's own. */
  stepWriters?: readonly StepWriter[];
}

export interface StartedRuntime {
  runtime: Runtime;
  seed: SeedResult;
  close(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function createRuntime(options: RuntimeOptions = {}): Promise<StartedRuntime> {
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const db = options.db ?? openDatabase(databaseOptionsFromEnv(env));
  await migrate(db);
  const instanceSecret = await loadInstanceSecret(db, env);
  const seed = env.BIANMIN_DEMO === '0' ? await seedRootOrganisation(db, env) : await seedDemoCounty(db, env);
  if (seed.created && env.BIANMIN_DEMO !== '0') await seedDemoSeals(db, seed.orgs, now());
  await seedOfficialYears(db);
  await seedBuiltinDeliveryModes(db, now());

  const security = new SecuritySettingsStore(db);
  await security.reload();
  const audit = new AuditLog(db);
  const orgs = new OrgDirectory(db);
  await orgs.reload();
  const calendar = new CalendarService(db);
  // Before the first request: a restarted server reads and computes due dates over the entered years at once.
  await calendar.loadAll();
  const items = new ItemRuntime(createFormValidator({ logger: false, now }));
  const registry = new ItemRegistry();
  const sealCodes = (await db('seals').distinct('code')).map((r: { code: string }) => r.code);
  const report = await loadPlugins(
    discoverPlugins({ root: options.root ?? REPO_ROOT, folders: options.pluginFolders ?? pluginFoldersFromEnv(env), onlyFolders: options.onlyPluginFolders ?? false }),
    { sealCodes, deliveryModeCodes: (await listDeliveryModes(db)).map((m) => m.code), builtinDeliveryModeCodes: builtinDeliveryModes.map((m) => m.code), itemCodes: [], ...itemChecks(items) },
  );
  await registerItems(db, registry, report, now());
  // Delivery modes a plugin contributes become registry rows (an administrator's own mode of the same code wins).
  const known = new Set((await listDeliveryModes(db)).map((m) => m.code));
  for (const mode of report.loaded.flatMap((p) => p.manifest.deliveryModes ?? [])) {
    // Checked at load (a refused plugin's modes are not here); should a row still be refused, the server goes on.
    if (!known.has(mode.code)) await createDeliveryMode(db, mode, now()).catch((err) => console.error(`送达方式 ${mode.code} 未登记：${(err as Error).message}`));
    known.add(mode.code);
  }

  await registerPluginSeals(db, report.loaded, orgs.all(), now(), (m) => console.error(m));

  const channels = options.channels ?? notificationChannelsFromEnv(db, env);
  // Signed download links verify after a restart: their key comes from the instance secret.
  const secret = instanceSecret.deriveKey('download-link').toString('base64url');
  const sealing = options.sealing === undefined ? registrySealing(db, orgs) : options.sealing;
  const log = (message: string, err?: unknown) => console.error(message, err);
  const publicBaseUrl = options.publicBaseUrl ?? env.BIANMIN_PUBLIC_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 3000}`;
  const pdf = startPdfPool({ ...(env.BIANMIN_PDF_THREADS ? { threads: Number(env.BIANMIN_PDF_THREADS) } : {}), warm: Boolean(options.timers) });
  const webhooks = webhooksFromEnv(env);
  const worker = new OutboxWorker(
    db,
    {
      notify: notifyHandler(db, channels, registry, orgs, now, publicBaseUrl),
      webhook: webhookHandler(webhooks, now),
    },
    now,
    log,
  );
  const supervision: SupervisionDeps = { db, orgs, now, publicBaseUrl, itemName: (code) => registry.get(code)?.definition.name ?? code };
  const queue: QueueDeps = { db, orgs, calendar, now, itemName: (code) => registry.get(code)?.definition.name, channels, board: new BoardBus() };
  const engine = new CaseEngine({
    db,
    registry,
    orgs,
    calendar,
    items,
    deliveryMode: (sql, code) => getDeliveryMode(sql, code),
    publicBaseUrl,
    secret,
    idNumberKey: instanceSecret.deriveKey(ID_NUMBER_HASH_PURPOSE),
    now,
    outbox: worker,
    stepHooks: [refusalReviewHook(supervision)],
    stepWriters: [...(options.stepWriters ?? [])],
    sealing,
  });
  const stats: StatsDeps = {
    db,
    orgs,
    calendar: () => calendar.calendar(),
    item(code, version) {
      const definition = registry.get(code, version)?.definition;
      return definition && { name: definition.name, department: definition.department, kind: definition.procedure.kind, targetMinutes: definition.procedure.targetMinutes ?? 60 };
    },
    now,
    ...(webhooks.length ? { webhooks: { targets: webhooks, lease: worker } } : {}),
  };
  const runtime: Runtime = {
    db,
    registry,
    plugins: report,
    orgs,
    calendar,
    engine,
    items,
    outbox: { kick: () => worker.kick(), drain: () => worker.drain() },
    sealing,
    pdf,
    publicBaseUrl: engine.deps.publicBaseUrl,
    dataDir: env.BIANMIN_DATA || './data',
    secret,
    supervision,
    queue,
    stats,
    instanceSecret,
    security,
    audit,
    now,
  };

  const intervals: NodeJS.Timeout[] = [];
  const checkpoints = options.timers ? startWalCheckpoints(db) : null;
  const lastRequestAt = options.lastRequestAt ?? (() => 0);
  if (options.timers) {
    const workerId = `${hostname()}:${process.pid}`;
    // A task still running when its next tick comes is skipped, so slow work never piles up.
    const tick = (fn: () => Promise<unknown>, ms: number) => {
      let running = false;
      const t = setInterval(() => {
        if (running) return;
        running = true;
        void fn()
          .catch((err) => log('background task failed', err))
          .finally(() => {
            running = false;
          });
      }, ms);
      t.unref();
      intervals.push(t);
    };
    tick(() => sweepDeadlines(db, engine, workerId, now()), Number(env.BIANMIN_SWEEP_MS ?? 30_000));
    tick(() => sweepSupervision(supervision, workerId, now()), Number(env.BIANMIN_SWEEP_MS ?? 30_000));
    tick(() => sweepQueue(queue, now(), log), Number(env.BIANMIN_SWEEP_MS ?? 30_000));
    tick(() => retryDueNotifications(db, channels, now()), 30_000);
    // The statistics follow the event log within seconds; every statistics read also folds first.
    tick(() => foldCaseEvents(stats), Number(env.BIANMIN_STATS_FOLD_MS ?? 2_000));
    const remindCalendar = async () => remindMissingCalendarYears(db, await missingCalendarYears(db, now()), now());
    tick(remindCalendar, 10 * 60_000);
    void remindCalendar().catch((err) => log('calendar reminder failed', err));
    tick(async () => worker.kick(), 15_000);
    // Ended sessions and forgotten sign-in failures leave the database (tokens are hashes, but none is kept longer than it works).
    tick(async () => {
      await purgeSessions(db, now(), security.current());
      await purgeFailures(db, security.current(), now());
      await audit.purge(security.current().auditRetentionDays, now());
    }, 10 * 60_000);
    // A PDF takes a pool thread (a core) for ~100 ms: one document at a time, and only while no
    // request came in for a second, so requests keep the cores; readers render on demand anyway.
    tick(async () => {
      if (Date.now() - lastRequestAt() > 1_000) await renderPendingDocuments(db, sealing, pdf.document, now(), 1);
    }, 2_000);
    worker.kick();
  }
  return {
    runtime,
    seed,
    async close() {
      for (const t of intervals) clearInterval(t);
      await worker.drain().catch(() => {});
      await audit.flush().catch((err) => log('audit log append failed', err));
      await checkpoints?.stop();
      await pdf.close();
      if (!options.db) await db.destroy();
    },
  };
}
