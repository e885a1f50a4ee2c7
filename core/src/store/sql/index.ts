export { holdCommits, transact, withSql, useSql, TransactionMisuseError } from './transact.ts';
export { placeholders, type Sql, type SqlRow, type SqlValue } from './sql.ts';
