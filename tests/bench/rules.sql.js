// The rules the SQL peers (DuckDB and SQLite) check, as SQL: one place for both dialects.
//
// Every table is read as text (as the sqlite3 CLI's .import does), then normalised the way the
// data contract says uofa reads a cell: an empty or all-space cell is missing; booleans are
// Y/N, yes/no, true/false, 1/0 in any case; tri-states add U/unknown; a value that does not
// parse is missing; codes are zero-padded to their list's width. A rule fails where its `when`
// is true and its `require` false; SQL's three-valued logic leaves a record out where either
// is NULL, as uofa's error values leave it indeterminate (not failed).
//
// Each rule below is the SQL form of the rule of the same id in rules/*/*.yaml, with the pack
// defaults of pack.yaml as its parameters.

import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

function codeList(rulesDir, id) {
  const doc = yaml.load(fs.readFileSync(path.join(rulesDir, 'codes', id + '.yaml'), 'utf8'));
  const norm = (c) => {
    const t = String(c).trim();
    return /^[0-9]+$/.test(t) && t.length < (doc.width || 0) ? t.padStart(doc.width, '0') : t;
  };
  const lists = {[id]: Object.keys(doc.codes).map(norm)};
  for (const [g, members] of Object.entries(doc.groups || {})) lists[g] = members.map(norm);
  return lists;
}

export function loadCodes(rulesDir) {
  return Object.assign({}, codeList(rulesDir, 'ri_type'), codeList(rulesDir, 'ri_reason'),
                       codeList(rulesDir, 'ethnic_category'));
}

// Dialect differences: timestamps as seconds since 1970, read as uofa reads a datetime cell
// (DATA-CONTRACT.md "Value formats"; engine/base/time.cc): YYYY-MM-DD, then optionally T (or t
// or a space) and HH:MM[:SS[.fraction]], then optionally Z or ±HH[:]MM. Without an offset it is
// local time in Europe/London: the repeated autumn hour is its earlier instant (BST), the skipped
// spring hour does not exist (missing). Anything else is missing.
//
// DuckDB reads text without an offset as London time itself (SET TimeZone). SQLite has no
// time-zone database, so its expression carries the UK rule: summer time (+01:00) from 01:00 UTC
// on the last Sunday of March to 01:00 UTC on the last Sunday of October since 1996; from 1981 to
// 1995 it ended on the Sunday on or after 23 October (to 1989) or 22 October. Times before 1981
// are missing with SQLite (the rules before then differ year by year), so a difference from uofa
// there shows as a mismatch rather than as a silent hour's error.
function sqliteTs(e) {
  const digits = (n) => '[0-9]'.repeat(n);
  const day = `${digits(4)}-${digits(2)}-${digits(2)}`;
  const hm = `[Tt ]${digits(2)}:${digits(2)}`;
  const num = (x) => `CAST(${x} AS INTEGER)`;
  // Each step names its values in a FROM-less subquery (which SQLite never flattens), so that
  // the text is trimmed and taken apart once however often a later step uses a part.
  const step = (cols, body) => `(SELECT ${body} FROM (SELECT ${cols}))`;
  // t: the text, trimmed as uofa trims a cell.
  const t = `TRIM(${e}, ' ' || char(9, 10, 11, 12, 13)) AS t`;
  // zl: the length of the offset written at the end: Z, ±HH:MM or ±HHMM (0: none).
  const zl = `CASE WHEN substr(t, -1) IN ('Z', 'z') THEN 1
                   WHEN substr(t, -6) GLOB '[+-]${digits(2)}:${digits(2)}' THEN 6
                   WHEN substr(t, -5) GLOB '[+-]${digits(4)}' THEN 5 ELSE 0 END AS zl`;
  // b: the text before the offset; off: the offset in seconds (NULL when out of range).
  const oh = num('substr(t, 1 - zl, 2)'), om = num('substr(t, -2)');
  const split = `substr(t, 1, length(t) - zl) AS b,
    CASE WHEN zl = 0 OR zl = 1 THEN 0 WHEN ${oh} <= 23 AND ${om} <= 59
         THEN (CASE WHEN substr(t, -zl, 1) = '-' THEN -1 ELSE 1 END) * (${oh} * 3600 + ${om} * 60)
    END AS off`;
  // ok: b has one of the shapes above (a date alone only without an offset); then its fields.
  const fields = `(b GLOB '${day}${hm}' OR (b GLOB '${day}' AND zl = 0)
                   OR b GLOB '${day}${hm}:${digits(2)}'
                   OR (b GLOB '${day}${hm}:${digits(2)}.[0-9]*' AND NOT substr(b, 21) GLOB '*[^0-9]*'))
                  AND off IS NOT NULL AS ok,
    ${['y 1 4', 'mo 6 2', 'd 9 2', 'h 12 2', 'mi 15 2', 's 18 2'].map((f) => {
      const [name, at, n] = f.split(' ');
      return `${num(`substr(b, ${at}, ${n})`)} AS ${name}`;
    }).join(', ')}`;
  const leap = `(y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0))`;
  const valid = `ok AND mo BETWEEN 1 AND 12 AND d >= 1
                 AND d <= CASE WHEN mo = 2 THEN 28 + ${leap} ELSE 30 + (mo + mo / 8) % 2 END
                 AND h <= 23 AND mi <= 59 AND s <= 59`;
  // The wall-clock seconds as if b were UTC, the fraction (if any) as a real.
  const wall = `unixepoch(substr(b, 1, 10)) + h * 3600 + mi * 60 + s
                + CASE WHEN length(b) > 20 THEN CAST('0.' || substr(b, 21) AS REAL) ELSE 0 END`;
  // London's offset at the local wall-clock time: summer time from April to September; in March
  // and October it turns on the Sunday the clocks change, the last Sunday (on or after the 25th),
  // or the Sunday on or after 23 October (1981-1989) or 22 October (1990-1995). The day is after
  // that Sunday when the Sunday on or before it (d - dow) falls on or after it; on the Sunday
  // itself the change is at 01:00 GMT, 02:00 BST: in March 01:00-02:00 does not exist (missing);
  // in October 01:00-02:00 comes twice and is taken as BST, the earlier instant.
  // dow: the weekday (0 Sunday) by Sakamoto's method, in March (2) and October (6).
  const dow = `((y + y / 4 - y / 100 + y / 400 + CASE mo WHEN 3 THEN 2 ELSE 6 END + d) % 7)`;
  const after = (k) => `(d - ${dow} >= ${k} AND (${dow} > 0 OR d - 7 >= ${k} OR h >= 2))`;
  const london = `CASE WHEN y < 1981 THEN NULL WHEN mo BETWEEN 4 AND 9 THEN 3600
    WHEN mo = 3 THEN (CASE WHEN d >= 25 AND ${dow} = 0 AND h = 1 THEN NULL
                           WHEN ${after(25)} THEN 3600 ELSE 0 END)
    WHEN mo = 10 THEN (CASE WHEN ${after('CASE WHEN y < 1990 THEN 23 WHEN y < 1996 THEN 22 ELSE 25 END')}
                            THEN 0 ELSE 3600 END)
    ELSE 0 END`;
  const instant = `CASE WHEN ${valid} THEN ${wall} - (CASE WHEN zl > 0 THEN off ELSE ${london} END) END`;
  return step(t, step(zl, step(split, step(fields, instant))));
}

export const dialects = {
  duckdb: {
    // DuckDB wants seconds before an offset: 10:00+01:00 -> 10:00:00+01:00.
    ts: (e) => `epoch(TRY_CAST(regexp_replace(${e}, 'T([0-9][0-9]:[0-9][0-9])([Z+-])', 'T\\1:00\\2')
                AS TIMESTAMPTZ))`,
    isDate: (e) => `(TRY_CAST(${e} AS DATE) IS NOT NULL AND length(${e}) = 10)`,
    int: (e) => `TRY_CAST(${e} AS INTEGER)`,
  },
  sqlite: {
    ts: sqliteTs,
    // date() alone passes 2022-02-31 through; a modifier makes it roll over to March.
    isDate: (e) => `(date(${e}, '+0 days') = ${e})`,
    int: (e) => `CAST(${e} AS INTEGER)`,
  },
};

const lit = (xs) => '(' + xs.map((x) => `'${x}'`).join(', ') + ')';

// The normalising view of each table, then one wide row per incident.
export function stagingSql(d, codes) {
  const nz = (c) => `NULLIF(TRIM(${c}), '')`;
  const bool = (c) => `(CASE WHEN lower(TRIM(${c})) IN ('y', 'yes', 'true', '1') THEN 1 ` +
                      `WHEN lower(TRIM(${c})) IN ('n', 'no', 'false', '0') THEN 0 END)`;
  const tri = (c) => `(CASE WHEN lower(TRIM(${c})) IN ('y', 'yes', 'true', '1') THEN 'yes' ` +
                     `WHEN lower(TRIM(${c})) IN ('n', 'no', 'false', '0') THEN 'no' ` +
                     `WHEN lower(TRIM(${c})) IN ('u', 'unknown') THEN 'unknown' END)`;
  const ts = (c) => d.ts(nz(c));
  const code2 = (c) => `(CASE WHEN length(TRIM(${c})) = 1 AND TRIM(${c}) GLOB '[0-9]' ` +
                       `THEN '0' || TRIM(${c}) ELSE ${nz(c)} END)`;
  // Modulus 11 over the ten digits, spaces removed.
  const nhs = (c) => {
    const s = `REPLACE(${c}, ' ', '')`;
    const dig = (i) => d.int(`substr(${s}, ${i}, 1)`);
    const sum = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `${dig(i)} * ${11 - i}`).join(' + ');
    const check = `(11 - ((${sum}) % 11))`;
    return `(${s} GLOB '${'[0-9]'.repeat(10)}' AND ${check} <> 10 AND ` +
           `(CASE WHEN ${check} = 11 THEN 0 ELSE ${check} END) = ${dig(10)})`;
  };
  const ng10 = [...codes.ri_type_physical, ...codes.ri_type_mechanical,
                ...codes.ri_type_rapid_tranquillisation, ...codes.ri_type_seclusion];
  const negType = [...codes.ri_type_restraint_position, ...codes.ri_type_restrictive_escort,
                   ...codes.ri_type_mechanical, ...codes.ri_type_chemical,
                   ...codes.ri_type_isolation];
  return `
CREATE TABLE ivp AS SELECT TRIM(incident_id) AS incident_id, ${code2('type_code')} AS type_code,
  ${bool('in_care_plan')} AS care_plan, ${ts('started_at')} AS st, ${ts('ended_at')} AS en
FROM interventions;
CREATE TABLE iv AS SELECT incident_id,
  count(*) AS n,
  sum(CASE WHEN st IS NOT NULL AND en IS NOT NULL AND en >= st THEN 0 ELSE 1 END) AS n_bad_time,
  sum(CASE WHEN type_code IN ${lit(codes.ri_type)} THEN 0 ELSE 1 END) AS n_bad_type,
  sum(CASE WHEN care_plan IS NULL THEN 1 ELSE 0 END) AS n_no_care_plan,
  sum(CASE WHEN type_code IN ${lit(negType)} THEN 1 ELSE 0 END) AS n_neg_type,
  sum(CASE WHEN type_code IN ${lit(codes.ri_type_prone)} THEN 1 ELSE 0 END) AS n_prone,
  sum(CASE WHEN type_code IN ${lit(codes.ri_type_prone)} AND care_plan = 1
           THEN 1 ELSE 0 END) AS n_prone_care_plan,
  sum(CASE WHEN type_code IN ${lit(codes.ri_type_physical)} THEN 1 ELSE 0 END) AS n_physical,
  sum(CASE WHEN type_code IN ${lit(ng10)} THEN 1 ELSE 0 END) AS n_ng10
FROM ivp GROUP BY incident_id;
CREATE TABLE it AS SELECT TRIM(incident_id) AS incident_id, ${ts('started_at')} AS st,
  ${ts('ended_at')} AS en FROM incidents;
CREATE TABLE ivt AS SELECT v.incident_id, v.type_code, v.st, v.en, it.st AS inc_st, it.en AS inc_en
FROM ivp v JOIN it ON it.incident_id = v.incident_id;
CREATE TABLE manual AS SELECT ivt.incident_id,
  sum(CASE WHEN e - s > ${10 * 60} THEN 1 ELSE 0 END) AS n_long
FROM (SELECT ivt.incident_id,
        CASE WHEN ivt.st IS NOT NULL OR iv.n > 1 THEN ivt.st ELSE ivt.inc_st END AS s,
        CASE WHEN ivt.en IS NOT NULL OR iv.n > 1 THEN ivt.en ELSE ivt.inc_en END AS e
      FROM ivt JOIN iv ON iv.incident_id = ivt.incident_id
      WHERE ivt.type_code IN ${lit(codes.ri_type_physical)}) ivt
GROUP BY ivt.incident_id;
CREATE TABLE si AS SELECT TRIM(incident_id) AS incident_id,
  count(*) AS n,
  sum(CASE WHEN ${bool('is_staff')} = 0 THEN 0 ELSE 1 END) AS n_staff,
  sum(CASE WHEN ${bool('is_staff')} = 0 THEN 1 ELSE 0 END) AS n_other,
  sum(CASE WHEN ${bool('is_staff')} = 0 OR (${nz('name')} IS NOT NULL AND ${nz('job_title')} IS NOT NULL)
           THEN 0 ELSE 1 END) AS n_unnamed,
  sum(CASE WHEN ${bool('is_staff')} = 0 AND ${nz('reason_involved')} IS NULL THEN 1 ELSE 0 END)
      AS n_other_no_reason
FROM staff_involved GROUP BY TRIM(incident_id);
CREATE TABLE pt AS SELECT TRIM(patient_id) AS patient_id,
  ${nz('name')} AS name, ${nhs('TRIM(nhs_number)')} AS nhs_valid,
  ${d.isDate(nz('date_of_birth'))} AS dob_valid, ${nz('sex')} AS sex,
  ${nz('ethnicity')} AS ethnicity, ${nz('religion')} AS religion,
  ${tri('disability')} AS disability, ${nz('disability_nature')} AS disability_nature,
  ${nz('marital_status')} AS marital_status, ${tri('pregnant')} AS pregnant,
  ${nz('sexual_orientation')} AS sexual_orientation,
  ${tri('learning_disability')} AS learning_disability, ${tri('autism')} AS autism,
  ${nz('mental_disorder')} AS mental_disorder
FROM patients;
CREATE TABLE w AS SELECT
  ${bool('i.negligible')} AS neg, ${nz('i.negligible_reason')} AS neg_reason,
  ${nz('i.unit')} AS unit, ${nz('i.ward')} AS ward, ${nz('i.location')} AS location,
  ${ts('i.started_at')} AS st, ${ts('i.ended_at')} AS en,
  ${code2('i.reason_code')} AS rc, ${nz('i.reason')} AS reason,
  ${nz('i.description')} AS description, ${nz('i.efforts_to_avoid')} AS efforts,
  ${nz('i.outcome')} AS outcome, ${tri('i.patient_injury')} AS patient_injury,
  ${tri('i.staff_injury')} AS staff_injury, ${bool('i.death_or_serious_injury')} AS dsi,
  ${nz('i.investigation_ref')} AS investigation_ref,
  ${bool('i.notify_required')} AS notify_required, ${bool('i.notification_sent')} AS notification_sent,
  ${bool('i.police_involved')} AS police, lower(TRIM(i.police_camera)) AS camera,
  ${nz('i.police_camera_exception')} AS camera_exception,
  ${ts('i.recorded_at')} AS rec, ${ts('i.deleted_at')} AS del,
  substr(TRIM(i.recorded_at), 1, 10) AS rec_day, substr(TRIM(i.deleted_at), 1, 10) AS del_day,
  COALESCE(iv.n, 0) AS iv_n, iv.n_bad_time AS iv_bad_time, iv.n_bad_type AS iv_bad_type,
  iv.n_no_care_plan AS iv_no_care_plan, COALESCE(iv.n_neg_type, 0) AS iv_neg_type,
  COALESCE(iv.n_prone, 0) AS iv_prone, COALESCE(iv.n_prone_care_plan, 0) AS iv_prone_care_plan,
  COALESCE(iv.n_physical, 0) AS iv_physical, COALESCE(iv.n_ng10, 0) AS iv_ng10,
  COALESCE(manual.n_long, 0) AS iv_manual_long, ${bool('i.planned')} AS planned,
  ${ts('i.debrief_patient_at')} AS debrief_at, ${bool('i.debrief_declined')} AS debrief_declined,
  ${ts('i.post_incident_review_at')} AS pir,
  COALESCE(si.n, 0) AS si_n, COALESCE(si.n_staff, 0) AS si_staff, COALESCE(si.n_other, 0) AS si_other,
  COALESCE(si.n_unnamed, 0) AS si_unnamed, COALESCE(si.n_other_no_reason, 0) AS si_other_no_reason,
  pt.patient_id AS p_id, pt.name AS p_name, pt.nhs_valid AS p_nhs_valid, pt.dob_valid AS p_dob_valid,
  pt.sex AS p_sex, pt.ethnicity AS p_ethnicity, pt.religion AS p_religion,
  pt.disability AS p_disability, pt.disability_nature AS p_disability_nature,
  pt.marital_status AS p_marital_status, pt.pregnant AS p_pregnant,
  pt.sexual_orientation AS p_orientation, pt.learning_disability AS p_ld, pt.autism AS p_autism,
  pt.mental_disorder AS p_mental_disorder
FROM incidents i
LEFT JOIN iv ON iv.incident_id = TRIM(i.incident_id)
LEFT JOIN manual ON manual.incident_id = TRIM(i.incident_id)
LEFT JOIN si ON si.incident_id = TRIM(i.incident_id)
LEFT JOIN pt ON pt.patient_id = TRIM(i.patient_id);
`;
}

// id -> [when, require] over the wide row w. Commencement dates from uof-act-2018/pack.yaml.
export function ruleConditions(d, codes) {
  const since = (day) => `st >= ${d.ts(`'${day}'`)}`;
  const c6 = since('2022-03-31');
  const notNeg = `COALESCE(neg, 0) = 0`;
  const neg = `neg = 1 AND ${c6}`;
  const item = `${notNeg} AND ${c6}`;
  const hasP = `p_id IS NOT NULL`;
  // age_at(recorded_at, deleted_at): whole years by local calendar dates.
  const years = `(${d.int('substr(del_day, 1, 4)')} - ${d.int('substr(rec_day, 1, 4)')}
                  - CASE WHEN substr(del_day, 6, 5) < substr(rec_day, 6, 5) THEN 1 ELSE 0 END)`;
  return {
    'UOF-S6-NEG-REASON': [neg, `neg_reason IS NOT NULL`],
    'UOF-S6-NEG-TYPE': [neg, `iv_neg_type = 0`],
    'UOF-S6-NEG-INJURY': [neg, `COALESCE(patient_injury, '') <> 'yes' AND COALESCE(staff_injury, '') <> 'yes'
                                AND COALESCE(dsi, 0) = 0`],
    'UOF-S6-NEG-POLICE': [neg, `COALESCE(police, 0) = 0`],
    'UOF-S6-5A': [item, `rc IS NOT NULL AND rc IN ${lit(codes.ri_reason)} AND rc <> '99'
                         AND (rc <> '98' OR reason IS NOT NULL)`],
    'UOF-S6-5B': [`${notNeg} AND (st IS NULL OR ${c6})`,
                  `unit IS NOT NULL AND ward IS NOT NULL AND location IS NOT NULL
                   AND st IS NOT NULL AND en IS NOT NULL AND en >= st`],
    'UOF-S6-5B-INTERVENTION': [`${item} AND iv_n > 0`, `iv_bad_time = 0`],
    'UOF-S6-5C': [item, `iv_n > 0 AND iv_bad_type = 0`],
    'UOF-S6-5D': [`${item} AND iv_n > 0`, `iv_no_care_plan = 0`],
    'UOF-S6-5E': [item, `${hasP} AND p_name IS NOT NULL`],
    'UOF-S6-5F': [item, `description IS NOT NULL`],
    'UOF-S6-5G': [item, `${hasP} AND COALESCE(p_nhs_valid, FALSE)`],
    'UOF-S6-5H': [item, `si_n > 0 AND si_staff > 0 AND si_unnamed = 0`],
    'UOF-S6-5I': [`${item} AND si_other > 0`, `si_other_no_reason = 0`],
    'UOF-S6-5I-POLICE': [`${item} AND police = 1`, `si_other > 0`],
    'UOF-S6-5J': [item, `${hasP} AND p_mental_disorder IS NOT NULL`],
    'UOF-S6-5K-AGE': [item, `${hasP} AND COALESCE(p_dob_valid, FALSE)`],
    'UOF-S6-5K-DISABILITY': [item, `${hasP} AND p_disability IS NOT NULL`],
    'UOF-S6-5K-DISABILITY-NATURE': [`${item} AND ${hasP} AND p_disability = 'yes'`,
                                    `p_disability_nature IS NOT NULL`],
    'UOF-S6-5K-MARRIAGE': [item, `${hasP} AND p_marital_status IS NOT NULL`],
    'UOF-S6-5K-PREGNANCY': [item, `${hasP} AND p_pregnant IS NOT NULL`],
    'UOF-S6-5K-RACE': [item, `${hasP} AND p_ethnicity IS NOT NULL AND p_ethnicity IN ${lit(codes.ethnic_category)}`],
    'UOF-S6-5K-RELIGION': [item, `${hasP} AND p_religion IS NOT NULL`],
    'UOF-S6-5K-SEX': [item, `${hasP} AND p_sex IS NOT NULL`],
    'UOF-S6-5K-ORIENTATION': [item, `${hasP} AND p_orientation IS NOT NULL`],
    'UOF-S6-5L': [item, `${hasP} AND p_ld IS NOT NULL AND p_autism IS NOT NULL`],
    'UOF-S6-5M': [item, `outcome IS NOT NULL`],
    'UOF-S6-5N': [item, `dsi IS NOT NULL`],
    'UOF-S6-5O': [item, `efforts IS NOT NULL`],
    'UOF-S6-5P': [item, `notify_required IS NOT NULL AND (notify_required = 0 OR notification_sent IS NOT NULL)`],
    'UOF-S6-5P-SENT': [`${item} AND notify_required = 1`, `COALESCE(notification_sent, 0) = 1`],
    'UOF-S6-6': [item, `rec IS NOT NULL`],
    'UOF-S6-6-RETENTION': [`${notNeg} AND del IS NOT NULL AND ${c6}`,
                           `rec IS NOT NULL AND ${years} >= 3`],
    'UOF-S9': [`dsi = 1 AND ${c6}`, `investigation_ref IS NOT NULL`],
    // uof-guidance-2021 (s.11 from 2022-03-31; record_within_hours 24)
    'UOFG-PRONE-PLANNED': [`${since('2022-03-31')} AND iv_prone > 0`,
                           `COALESCE(planned, 0) = 0 AND iv_prone_care_plan = 0`],
    'UOFG-PRONE-UNPLANNED-REASON': [`${since('2022-03-31')} AND COALESCE(planned, 0) = 0 AND iv_prone > 0`,
                                    `reason IS NOT NULL AND description IS NOT NULL`],
    'UOFG-RECORD-TIMELY': [`${notNeg} AND en IS NOT NULL AND ${since('2022-03-31')}`,
                           `rec IS NOT NULL AND rec - en <= ${24 * 3600}`],
    // nice-ng10 (no commencement; debrief_hours 24, post_incident_review_hours 72,
    // manual_restraint_minutes 10)
    'NG10-DEBRIEF': [`${notNeg} AND iv_ng10 > 0`,
                     `COALESCE(debrief_declined, 0) = 1
                      OR (debrief_at IS NOT NULL AND debrief_at >= en AND debrief_at <= en + ${24 * 3600})`],
    'NG10-PIR': [`${notNeg} AND iv_ng10 > 0`,
                 `pir IS NOT NULL AND pir >= en AND pir <= en + ${72 * 3600}`],
    'NG10-MANUAL-DURATION': [`iv_physical > 0`, `iv_manual_long = 0`],
    'UOF-S12-CAMERA': [`police = 1 AND ${since('2022-08-18')}`,
                       `COALESCE(camera, '') = 'worn_operating' OR camera_exception IS NOT NULL`],
  };
}

// The pack of each rule id: the Act's UOF-, the guidance's UOFG-, NICE's NG10-.
export function packOf(id) {
  return id.startsWith('UOFG-') ? 'uof-guidance-2021' : id.startsWith('NG10-') ? 'nice-ng10' : 'uof-act-2018';
}

// One pass over w: the failing count of every rule (of `pack` only, when given), as columns
// named by rule id.
export function countsSql(d, codes, pack) {
  const rules = Object.entries(ruleConditions(d, codes)).filter(([id]) => !pack || packOf(id) === pack);
  const cols = rules.map(([id, [when, req]]) =>
    `  sum(CASE WHEN (${when}) AND NOT (${req}) THEN 1 ELSE 0 END) AS "${id}"`);
  return `SELECT\n${cols.join(',\n')}\nFROM w;`;
}

// The tables each peer reads: name -> file inside the audit folder.
export const tables = {
  incidents: 'incidents/incidents.csv',
  interventions: 'incidents/interventions.csv',
  staff_involved: 'incidents/staff_involved.csv',
  patients: 'patients.csv',
};
