// Every route module, in the order they register.
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.ts';
import { adminCalendarRoutes } from './admin-calendar.ts';
import { adminItemRoutes } from './admin-items.ts';
import { adminSealRoutes } from './admin-seals.ts';
import { adminOrgRoutes } from './admin-orgs.ts';
import { authRoutes } from './auth.ts';
import { caseRoutes } from './cases.ts';
import { scanRoutes } from './scans.ts';
import { callbackRoutes } from './callbacks.ts';
import { catalogueRoutes } from './catalogue.ts';
import { complaintRoutes } from './complaints.ts';
import { documentRoutes } from './documents.ts';
import { evaluationRoutes } from './evaluations.ts';
import { healthRoutes } from './health.ts';
import { publicRoutes } from './public.ts';
import { rectificationRoutes } from './rectifications.ts';
import { serviceHoursRoutes } from './service-hours.ts';
import { appointmentRoutes } from './appointments.ts';
import { queueSettingsRoutes } from './queue-settings.ts';
import { queueRoutes } from './queue.ts';
import { queueStatsRoutes } from './queue-stats.ts';
import { refusalReportRoutes } from './refusal-reports.ts';
import { securitySettingsRoutes } from './security-settings.ts';
import { auditRoutes } from './audit.ts';
import { supervisionOverviewRoutes } from './supervision-overview.ts';
import { supervisionSettingsRoutes } from './supervision-settings.ts';
import { ledgerRoutes } from './ledger.ts';
import { reportRoutes } from './reports.ts';
import { exportRoutes } from './export.ts';
import { statsRoutes } from './stats.ts';
import { verifyRoutes } from './verify.ts';
import { worklistRoutes } from './worklist.ts';

export const ROUTES: ReadonlyArray<(app: FastifyInstance, rt: Runtime) => void> = [
  healthRoutes,
  authRoutes,
  catalogueRoutes,
  caseRoutes,
  scanRoutes,
  worklistRoutes,
  documentRoutes,
  publicRoutes,
  evaluationRoutes,
  rectificationRoutes,
  refusalReportRoutes,
  complaintRoutes,
  callbackRoutes,
  supervisionSettingsRoutes,
  supervisionOverviewRoutes,
  statsRoutes,
  ledgerRoutes,
  reportRoutes,
  exportRoutes,
  adminOrgRoutes,
  serviceHoursRoutes,
  queueSettingsRoutes,
  appointmentRoutes,
  queueRoutes,
  queueStatsRoutes,
  adminCalendarRoutes,
  adminItemRoutes,
  adminSealRoutes,
  securitySettingsRoutes,
  auditRoutes,
  verifyRoutes,
];
