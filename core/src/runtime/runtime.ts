// The composition root's product: everything a route, the sweeper or the CLI needs, built once.
import type { Knex } from 'knex';
import type { AuditLog } from '../audit/index.ts';
import type { SecuritySettingsStore } from '../auth/index.ts';
import type { CalendarService } from '../calendar/index.ts';
import type { CaseEngine, ItemRuntime } from '../cases/index.ts';
import type { DocumentSealing } from '../documents/issuing/document-sealing.ts';
import type { PluginLoadReport } from '../plugin-loading/index.ts';
import type { ItemRegistry } from '../registry/index.ts';
import type { InstanceSecret } from '../secrets/index.ts';
import type { SupervisionDeps } from '../supervision/index.ts';
import type { StatsDeps } from '../stats/index.ts';
import type { OrgDirectory } from '../org/index.ts';
import type { PdfRenderer } from '../pdf-pool/pdf-pool.ts';
import type { QueueDeps } from '../queue/index.ts';

export interface Runtime {
  db: Knex;
  registry: ItemRegistry;
  plugins: PluginLoadReport;
  orgs: OrgDirectory;
  calendar: CalendarService;
  engine: CaseEngine;
  items: ItemRuntime;
  /** Claims and runs the due outbox rows now; rows written in this process run as their transaction commits. */
  outbox: { kick(): void; drain(): Promise<void> };
  /** Seals documents when their PDF is rendered; null = unsealed PDFs. */
  sealing: DocumentSealing | null;
  /** Renders PDFs in worker threads, off the event loop. */
  pdf: PdfRenderer;
  /** Base URL printed on documents' QR codes (verification page). */
  publicBaseUrl: string;
  /** HMAC secret for signed download links (derived from instanceSecret). */
  secret: string;
  /** 好差评, rectifications, complaints, call-backs and refusal reports. */
  supervision: SupervisionDeps;
  /** Service hours, appointments, queue tickets and the lobby boards. */
  queue: QueueDeps;
  /** Statistics, ledgers and monthly reports of cases. */
  stats: StatsDeps;
  /** The deployment's secret: `deriveKey(purpose)` gives each keyed use its own key. */
  instanceSecret: InstanceSecret;
  /** Password policy, lock-out, session timeouts, audit retention. */
  security: SecuritySettingsStore;
  /** Sign-ins, changes, reads of personal data, exports: append-only with a hash chain. */
  audit: AuditLog;
  /** Folder for files kept outside the database (BIANMIN_DATA): materials' scans. */
  dataDir: string;
  now(): Date;
}
