// Writes the sqlite3 CLI script of the SQLite peer: .import the audit folder's CSV files, then
// the same SQL as the DuckDB peer, printing the failing count of every rule as JSON.
// Usage: node sqlite-script.mjs AUDIT_DIR RULES_DIR [PACK] > peer.sql; sqlite3 < peer.sql
import path from 'node:path';
import {dialects, loadCodes, stagingSql, countsSql, tables} from './rules.sql.js';

const [dir, rulesDir, pack] = process.argv.slice(2);
const d = dialects.sqlite;
const codes = loadCodes(rulesDir);
const lines = ['.bail on', '.mode csv'];
for (const [name, file] of Object.entries(tables)) {
  lines.push(`.import '${path.resolve(dir, file)}' ${name}`);
}
lines.push(stagingSql(d, codes), '.mode json', countsSql(d, codes, pack));
process.stdout.write(lines.join('\n') + '\n');
