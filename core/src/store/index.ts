export { openDatabase, isPostgres, databaseOptionsFromEnv, type DatabaseOptions, type SqliteDriver } from './database.ts';
export { migrate } from './migrate.ts';
export { nextCounterValue } from './counters.ts';
export { readJson, writeJson } from './json-column.ts';
export { transact, withSql, useSql, placeholders, TransactionMisuseError, type Sql, type SqlRow, type SqlValue } from './sql/index.ts';
export { startWalCheckpoints, type WalCheckpoints } from './wal-checkpoints.ts';
