// DuckDB peer: reads the audit folder's CSV files and prints the failing count of every rule
// in rules.sql.js as JSON. Usage: node duckdb-peer.mjs AUDIT_DIR RULES_DIR [PACK]
// (PACK: only the rules of that pack)
import path from 'node:path';
import {DuckDBInstance} from '@duckdb/node-api';
import {dialects, loadCodes, stagingSql, countsSql, tables} from './rules.sql.js';

const [dir, rulesDir, pack] = process.argv.slice(2);
const d = dialects.duckdb;
const codes = loadCodes(rulesDir);
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
await con.run(`SET TimeZone = 'Europe/London'`);
for (const [name, file] of Object.entries(tables)) {
  const csv = path.join(dir, file).replaceAll("'", "''");
  await con.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${csv}', header = true,
    all_varchar = true, delim = ',', quote = '"', escape = '"', strict_mode = false)`);
}
for (const stmt of stagingSql(d, codes).split(';').map((s) => s.trim()).filter(Boolean)) {
  await con.run(stmt);
}
const reader = await con.runAndReadAll(countsSql(d, codes, pack));
const row = reader.getRowObjectsJson()[0];
const out = {};
for (const [k, v] of Object.entries(row)) out[k] = Number(v ?? 0);
process.stdout.write(JSON.stringify(out) + '\n');
