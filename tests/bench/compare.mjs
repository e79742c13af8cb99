// Helpers of tests/bench/run:
//   ids RULES_DIR                        the rule ids the peers cover
//   table RULES_DIR N RESULTS GEN PEERS  check every peer's counts against uofa's, print the table
//   startup UOFA RULES_DIR POLICY_DIR R [LOAD]  median times of process start, pack loading and
//                                        one policy check; LOAD is uofa-bench-load, for the time
//                                        to load and compile the packs inside the process
import fs from 'node:fs';
import readline from 'node:readline';
import path from 'node:path';
import {execFileSync} from 'node:child_process';
import {dialects, loadCodes, ruleConditions, packOf} from './rules.sql.js';

const [cmd, ...args] = process.argv.slice(2);

function coveredIds(rulesDir) {
  return Object.keys(ruleConditions(dialects.duckdb, loadCodes(rulesDir)));
}

// /usr/bin/time -v output: wall seconds, user+sys seconds, peak RSS in MiB.
function readTime(file) {
  const t = fs.readFileSync(file, 'utf8');
  const num = (re) => Number((re.exec(t) || [])[1] || NaN);
  const wallText = (/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(t) || [])[1];
  const wall = wallText.split(':').reduce((a, x) => a * 60 + Number(x), 0);
  return {wall, cpu: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
          rss: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024};
}

// Each rule's counts.fail (waived records included) from uofa's JSON report, read a line at a
// time: at 4M incidents the report is larger than the longest string node can hold. The report is
// written as dump(2) indents it: a rule's members at 6 spaces, its counts' at 8 (docs/json-report.md).
async function uofaCounts(file) {
  const out = {};
  let id = null;
  let inRules = false;
  const lines = readline.createInterface({input: fs.createReadStream(file, {encoding: 'utf8'}), crlfDelay: Infinity});
  for await (const line of lines) {
    if (line.startsWith('  "')) inRules = line.startsWith('  "rules":');
    if (!inRules) continue;
    let m = /^      "id": (".*"),$/.exec(line);
    if (m) id = JSON.parse(m[1]);
    m = /^        "fail": (\d+),?$/.exec(line);
    if (m && id !== null) out[id] = Number(m[1]);
  }
  return out;
}

if (cmd === 'ids') {
  process.stdout.write(coveredIds(args[0]).join(' ') + '\n');
} else if (cmd === 'table') {
  const [rulesDir, n, res, genOut, peerList] = args;
  const ids = coveredIds(rulesDir);
  const act = await uofaCounts(path.join(res, 'uofa-act.json'));
  const all = await uofaCounts(path.join(res, 'uofa-all.json'));
  const problems = [];
  for (const id of ids.filter((i) => packOf(i) === 'uof-act-2018')) {
    if (act[id] !== all[id]) problems.push(`${id}: uofa (Act pack) ${act[id]}, uofa (all packs) ${all[id]}`);
  }
  // The generator's planted counts, where it prints them per rule.
  if (fs.existsSync(genOut)) {
    for (const m of fs.readFileSync(genOut, 'utf8').matchAll(/^planted (\S+): (\d+)$/gm)) {
      if (m[1] in all && all[m[1]] !== Number(m[2])) {
        problems.push(`${m[1]}: planted ${m[2]}, uofa ${all[m[1]]}`);
      }
    }
  }
  // Each peer against uofa doing the same checks: the Act rules against uofa with the Act pack,
  // every covered rule against uofa with all packs (which checks more rules besides).
  const actIds = ids.filter((id) => packOf(id) === 'uof-act-2018');
  const label = {duckdb: 'DuckDB', sqlite: 'SQLite', cel: 'cel-js per record'};
  const contenders = [['uofa, Act pack', 'uofa-act', null, null], ['uofa, all packs', 'uofa-all', null, null]];
  for (const p of peerList.split(',').filter(Boolean)) {
    if (p === 'duckdb') contenders.push([`DuckDB, Act rules (${actIds.length})`, 'duckdb-act', 'uofa-act', actIds]);
    contenders.push([`${label[p]}, all ${ids.length} rules`, p, 'uofa-all', ids]);
  }
  const uofa = {'uofa-act': act, 'uofa-all': all};
  for (const [, key, base, checked] of contenders) {
    if (!base) continue;
    const counts = JSON.parse(fs.readFileSync(path.join(res, key + '.json'), 'utf8').trim().replace(/^\[|\]$/g, ''));
    for (const id of checked) {
      if (counts[id] !== uofa[base][id]) problems.push(`${id}: uofa ${uofa[base][id]}, ${key} ${counts[id]}`);
    }
  }
  const lines = [`\n${Number(n).toLocaleString('en-GB')} incidents: ${ids.length} rules compared, ` +
                 `${actIds.length} of them the Act's; ratio = contender / uofa doing the same checks`,
                 `| contender | wall s | CPU s | peak MiB | CPU µs/incident | wall ratio | CPU ratio | memory ratio |`,
                 `|---|---:|---:|---:|---:|---:|---:|---:|`];
  for (const [name, key, base] of contenders) {
    const t = readTime(path.join(res, key + '.time'));
    const b = readTime(path.join(res, (base || key) + '.time'));
    lines.push(`| ${name} | ${t.wall.toFixed(2)} | ${t.cpu.toFixed(2)} | ${t.rss.toFixed(0)} | ` +
               `${(t.cpu * 1e6 / n).toFixed(1)} | ${base ? (t.wall / b.wall).toFixed(2) : ''} | ` +
               `${base ? (t.cpu / b.cpu).toFixed(2) : ''} | ${base ? (t.rss / b.rss).toFixed(2) : ''} |`);
  }
  const total = ids.reduce((a, id) => a + all[id], 0);
  lines.push(`failing records over the compared rules: ${total}; ` +
             (problems.length ? `${problems.length} MISMATCHES` : 'every peer agrees with uofa'));
  console.log(lines.join('\n'));
  fs.writeFileSync(path.join(res, 'table.md'), lines.join('\n') + '\n');
  if (problems.length) {
    for (const p of problems) console.error('mismatch: ' + p);
    process.exit(1);
  }
} else if (cmd === 'startup') {
  const [uofa, rulesDir, policyDir, runs, load] = args;
  const policy = fs.readdirSync(policyDir).filter((f) => f.endsWith('.md')).sort()
    .find((f) => /policy/.test(f));
  const policyPath = path.join(policyDir, policy);
  const mid = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // Wall time from process start (what a user waits) and CPU time (user + system, which a
  // loaded machine does not inflate), each the median of the runs.
  const median = (argv) => {
    const wall = [];
    const cpu = [];
    for (let k = 0; k < Number(runs); k++) {
      const out = path.join(fs.mkdtempSync('/tmp/uofa-bench-'), 'time');
      const t0 = process.hrtime.bigint();
      try {
        execFileSync('/usr/bin/time', ['-f', '%U %S', '-o', out, uofa, ...argv], {stdio: 'ignore'});
      } catch (e) {
        if (e.status !== 1) throw e;  // 1: gaps found, still a completed run
      }
      wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const [u, sys] = fs.readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      cpu.push((u + sys) * 1000);
      fs.rmSync(path.dirname(out), {recursive: true});
    }
    return [mid(wall), mid(cpu)];
  };
  const start = median(['--version']);
  const lint = median(['lint', '--rules', rulesDir]);
  const check = median(['check', policyPath, '--rules', rulesDir, '--no-store', '--fail-on', 'none']);
  console.log(`\nfrom process start, median of ${runs} runs (CPU: user + system, 10 ms resolution):`);
  console.log(`| command | wall ms | CPU ms |\n|---|---:|---:|`);
  console.log(`| uofa --version (starting the process, nothing loaded) | ${start[0].toFixed(1)} | ${start[1].toFixed(0)} |`);
  console.log(`| uofa lint (load and compile all packs) | ${lint[0].toFixed(1)} | ${lint[1].toFixed(0)} |`);
  console.log(`| uofa check ${policy} | ${check[0].toFixed(1)} | ${check[1].toFixed(0)} |`);
  if (load) {
    // One load per process, as a user's command does; `audit` as uofa check loads (no examples),
    // `examples` as uofa lint and uofa test do.
    const inProcess = (mode) => {
      const wall = [];
      const cpu = [];
      for (let k = 0; k < Number(runs); k++) {
        const out = execFileSync(load, [rulesDir, mode], {encoding: 'utf8'});
        const m = /^load ([\d.]+) ms wall, ([\d.]+) ms CPU, (\d+) rules$/m.exec(out);
        if (!m) throw new Error(`uofa-bench-load: unexpected output '${out.trim()}'`);
        wall.push(Number(m[1]));
        cpu.push(Number(m[2]));
      }
      return [mid(wall), mid(cpu)];
    };
    const audit = inProcess('audit');
    const examples = inProcess('examples');
    console.log(`\nloading and compiling every pack inside the process (uofa-bench-load), median of ${runs} runs:`);
    console.log(`| load | wall ms | CPU ms |\n|---|---:|---:|`);
    console.log(`| as uofa check loads them (examples not read) | ${audit[0].toFixed(1)} | ${audit[1].toFixed(1)} |`);
    console.log(`| as uofa lint and uofa test load them (examples built) | ${examples[0].toFixed(1)} | ${examples[1].toFixed(1)} |`);
  }
} else {
  console.error(`compare.mjs: unknown command '${cmd}'`);
  process.exit(2);
}
