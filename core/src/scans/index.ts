export { storeScan, listScans, readScan, type ScanRow } from './material-scans.ts';
export { scanContentType, isPlainFileName, SCAN_MAX_BYTES } from './scan-file-type.ts';
