export { AuditLog, chainHash, type AuditEntry, type AuditRow, type AuditQuery, type AuditVerification } from './audit-log.ts';
