// Per-record interpreter peer: reads the audit folder's CSV files, builds each incident as a
// record (its interventions, people involved and patient joined in, each value read by its
// schema type in rules/schema/), and evaluates each rule's own `when` and `require` from the
// rule YAML with @marcbachmann/cel-js, record by record. Prints the failing count of every rule
// it covers as JSON. Usage: node cel-peer.mjs AUDIT_DIR RULES_DIR RULE_ID...
//
// The rules are written in uofa's CEL dialect, where a record's fields are top-level names and
// commenced() reads the record's event time; the expressions are rewritten for standard CEL
// (`negligible` -> `r.negligible`, `commenced('s.6')` -> `commenced('s.6', r.started_at)`).
// An evaluation error is indeterminate, as in uofa: neither pass nor fail.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import {Environment} from '@marcbachmann/cel-js';

const [dir, rulesDir, ...ids] = process.argv.slice(2);

// ---- CSV (RFC 4180) ----
function* csvRows(file) {
  const text = fs.readFileSync(file, 'utf8');
  let i = 0;
  const n = text.length;
  while (i < n) {
    const row = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) { field += text.slice(i); i = n; break; }
          field += text.slice(i, q);
          i = q + 1;
          if (text[i] === '"') { field += '"'; i++; } else break;
        }
      }
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      field += text.slice(i, j);
      row.push(field);
      i = j;
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      break;
    }
    yield row;
  }
}

// ---- values, read as uofa reads them (engine/sources/field_parser.h) ----
const TRUE = new Set(['y', 'yes', 'true', '1']);
const FALSE = new Set(['n', 'no', 'false', '0']);
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function lastSundayUtc(year, month) {  // 01:00 UTC on the last Sunday of month (0-based)
  const d = new Date(Date.UTC(year, month + 1, 0, 1));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d.getTime();
}
const bstCache = new Map();
function londonOffsetMs(utcMs) {
  const year = new Date(utcMs).getUTCFullYear();
  let w = bstCache.get(year);
  if (!w) bstCache.set(year, w = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)]);
  return utcMs >= w[0] && utcMs < w[1] ? 3600000 : 0;
}
function validYmd(y, m, d) {
  if (m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m - 1]) return false;
  return !(m === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0));
}
const DT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/;
function parseTime(text, dateOnly) {
  const m = DT.exec(text);
  if (!m || (dateOnly && (m[4] !== undefined || m[7] !== undefined))) return undefined;
  if (!dateOnly && m[4] === undefined) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0));
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  if (m[7] === 'Z') return new Date(local);
  if (m[7]) {
    const sign = m[7][0] === '-' ? -1 : 1;
    return new Date(local - sign * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(4))) * 60000);
  }
  return new Date(local - londonOffsetMs(local - 3600000));
}
function londonYmd(date) {
  const t = new Date(date.getTime() + londonOffsetMs(date.getTime()));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

const codeLists = {};
for (const file of fs.readdirSync(path.join(rulesDir, 'codes'))) {
  const doc = yaml.load(fs.readFileSync(path.join(rulesDir, 'codes', file), 'utf8'));
  const norm = (c) => {
    const t = String(c).trim();
    return /^[0-9]+$/.test(t) && t.length < (doc.width || 0) ? t.padStart(doc.width, '0') : t;
  };
  codeLists[doc.id] = {norm, codes: Object.keys(doc.codes).map(norm)};
  for (const [g, members] of Object.entries(doc.groups || {})) {
    codeLists[g] = {norm, codes: members.map(norm)};
  }
}

function reader(field) {
  switch (field.type) {
    case 'bool': return (t) => TRUE.has(t.toLowerCase()) ? true : FALSE.has(t.toLowerCase()) ? false : undefined;
    case 'tristate': return (t) => {
      const l = t.toLowerCase();
      return TRUE.has(l) ? 'yes' : FALSE.has(l) ? 'no' : l === 'u' || l === 'unknown' ? 'unknown' : undefined;
    };
    case 'datetime': return (t) => parseTime(t, false);
    case 'date': return (t) => parseTime(t, true);
    case 'int': return (t) => /^[+-]?\d+$/.test(t) ? BigInt(t) : undefined;
    case 'number': return (t) => Number.isFinite(Number(t)) ? Number(t) : undefined;
    case 'code': return codeLists[field.codes].norm;
    case 'enum': return (t) => field.values.find((v) => v.toLowerCase() === t.toLowerCase()) ?? t;
    default: return (t) => t;
  }
}

function loadTable(kind, file) {
  const schema = yaml.load(fs.readFileSync(path.join(rulesDir, 'schema', kind + '.yaml'), 'utf8'));
  const rows = csvRows(path.join(dir, file));
  const header = rows.next().value.map((h) => h.trim());
  const readers = header.map((h) => schema.fields[h] ? reader(schema.fields[h]) : (t) => t);
  const records = [];
  for (const row of rows) {
    if (row.length === 1 && row[0] === '') continue;
    const rec = {};
    for (let c = 0; c < header.length; c++) {
      const t = (row[c] ?? '').trim();
      if (t === '') continue;
      const v = readers[c](t);
      if (v !== undefined) rec[header[c]] = v;
    }
    records.push(rec);
  }
  return records;
}

function groupBy(records) {
  const m = new Map();
  for (const r of records) {
    const k = r.incident_id;
    delete r.incident_id;
    let list = m.get(k);
    if (!list) m.set(k, list = []);
    list.push(r);
  }
  return m;
}

// ---- rules ----
const act = yaml.load(fs.readFileSync(path.join(rulesDir, 'uof-act-2018', 'pack.yaml'), 'utf8'));
const rules = new Map();
for (const pack of fs.readdirSync(rulesDir)) {
  const packFile = path.join(rulesDir, pack, 'pack.yaml');
  if (!fs.existsSync(packFile)) continue;
  const doc = yaml.load(fs.readFileSync(packFile, 'utf8'));
  const params = {};
  for (const [k, p] of Object.entries(doc.parameters || {})) {
    params[k] = p.type === 'int' ? BigInt(p.default) : p.default;
  }
  for (const f of doc.rules) {
    for (const r of yaml.load(fs.readFileSync(path.join(rulesDir, pack, f), 'utf8'))) {
      rules.set(r.id, {...r, params, commencement: doc.commencement || act.commencement});
    }
  }
}

const KEEP = new Set(['true', 'false', 'null', 'in', 'codes', 'params', 'r']);
function rewrite(expr) {
  if (!expr) return 'true';
  let e = expr.replace(/\bcommenced\(('[^']*')\)/g, 'commenced($1, started_at)');
  const bound = new Set([...e.matchAll(/\.(?:all|exists|exists_one|map|filter)\(\s*(\w+)\s*,/g)].map((m) => m[1]));
  // Identifiers outside strings, not after '.', not called, not bound by a macro: fields of r.
  return e.split(/('(?:[^'\\]|\\.)*')/).map((part, k) => k % 2 ? part :
    part.replace(/(\.\s*)?\b([A-Za-z_]\w*)\b(\s*\()?/g, (m, dot, name, call) =>
      dot || call || KEEP.has(name) || bound.has(name) ? m : 'r.' + name)).join('');
}

function commencedAt(table, provision) {
  for (let p = provision; p; p = p.includes('(') ? p.slice(0, p.lastIndexOf('(')) : '') {
    if (!(p in table)) continue;
    const v = table[p];
    if (v === null) return null;
    return parseTime(v instanceof Date ? v.toISOString().slice(0, 10) : String(v), true);
  }
  throw new Error(`no commencement for '${provision}'`);
}

const env = new Environment({unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false});
let current = null;  // the rule being evaluated, for commenced()
env.registerFunction('commenced(string, google.protobuf.Timestamp): bool', (p, t) => {
  const since = commencedAt(current.commencement, p);
  return since !== null && t >= since;
});
env.registerFunction('age_at(google.protobuf.Timestamp, google.protobuf.Timestamp): int', (a, b) => {
  const [y1, m1, d1] = londonYmd(a);
  const [y2, m2, d2] = londonYmd(b);
  return BigInt(y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0));
});
env.registerFunction('within(google.protobuf.Timestamp, google.protobuf.Timestamp, google.protobuf.Duration): bool',
  (t, start, d) => start <= t && t <= new Date(start.getTime() + d.valueOf()));
env.registerFunction('valid_nhs_number(string): bool', (s) => {
  const t = s.replace(/ /g, '');
  if (!/^\d{10}$/.test(t)) return false;
  let sum = 0;
  for (let k = 0; k < 9; k++) sum += Number(t[k]) * (10 - k);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(t[9]);
});

const compiled = ids.map((id) => {
  const r = rules.get(id);
  if (!r) throw new Error(`no rule '${id}'`);
  return {id, rule: r, when: env.parse(rewrite(r.when)), require: env.parse(rewrite(r.require))};
});

// ---- records ----
const patients = new Map(loadTable('patient', 'patients.csv').map((p) => [p.patient_id, p]));
const interventions = groupBy(loadTable('intervention', 'incidents/interventions.csv'));
const people = groupBy(loadTable('staff_involved', 'incidents/staff_involved.csv'));
const incidents = loadTable('incident', 'incidents/incidents.csv');

const codes = Object.fromEntries(Object.entries(codeLists).map(([k, v]) => [k, v.codes]));
const failed = Object.fromEntries(ids.map((id) => [id, 0]));
const ctx = {r: null, codes, params: null};
for (const inc of incidents) {
  const iv = interventions.get(inc.incident_id);
  if (iv) inc.interventions = iv;
  const si = people.get(inc.incident_id);
  if (si) inc.staff_involved = si;
  const p = patients.get(inc.patient_id);
  if (p) inc.patient = p;
  ctx.r = inc;
  for (const c of compiled) {
    current = c.rule;
    ctx.params = c.rule.params;
    try {
      if (c.when(ctx) === true && c.require(ctx) === false) failed[c.id]++;
    } catch (e) {
      if (process.env.CEL_PEER_DEBUG) console.error(c.id, e.message);
      // an error: indeterminate
    }
  }
}
process.stdout.write(JSON.stringify(failed) + '\n');
