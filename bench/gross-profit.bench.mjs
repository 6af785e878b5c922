// Gross profit on a 10M-row billing table: Lakedesk's engine (the built `lakedesk` CLI, DuckDB) against
// the same computation in pandas, in the same run. Prints both times and the ratio.
//
// usage: npm run bench  (builds first)   or   node bench/gross-profit.bench.mjs [--rows N] [--repeat N] [--keep]
// Each side runs --repeat times (default 3), interleaved so both see the same machine load; the best
// time of each is compared. Every Lakedesk run starts from a lake it has never crawled.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const rows = Number(arg('--rows', '10000000'));
const repeat = Number(arg('--repeat', '3'));
const keep = process.argv.includes('--keep');
// Debian's python3 has python3-pandas; a pyenv python3 first on PATH usually has not.
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** A lake with `rows` bills over 5,000 companies, each selling up to three items of its product line. */
async function generateLake(lake) {
  for (const table of ['billing', 'units_sold', 'production_costs'])
    mkdirSync(join(lake, table), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const db = await instance.connect();
  const q = (p) => `'${p.replace(/'/g, "''")}'`;
  await db.run(`CREATE TABLE items AS SELECT * FROM (VALUES
    (0, 'Bakery', 'Bread', 0.42), (0, 'Bakery', 'Croissant', 0.65), (0, 'Bakery', 'Muffin', 0.55),
    (1, 'Meat', 'Beef', 4.10), (1, 'Meat', 'Chicken', 2.35), (1, 'Meat', 'Pork', 2.90),
    (2, 'Dairy', 'Milk', 0.38), (2, 'Dairy', 'Cheese', 3.20), (2, 'Dairy', 'Yogurt', 0.71)) t(line_no, product_line, item, cost)`);
  await db.run(`CREATE TABLE places AS SELECT * FROM (VALUES
    (0, 'USA', 'Chicago', 'USD'), (1, 'Canada', 'Toronto', 'CAD'), (2, 'Mexico', 'Monterrey', 'MXN')) t(place_no, country, city, currency)`);
  await db.run(`COPY (SELECT item, CAST(cost AS DECIMAL(18, 2)) AS cost_per_unit_usd FROM items)
    TO ${q(join(lake, 'production_costs/production_costs.csv'))} (HEADER)`);
  await db.run(
    `CREATE TABLE line_items AS SELECT *, row_number() OVER (PARTITION BY line_no ORDER BY item) - 1 AS k FROM items`,
  );
  await db.run(`COPY (SELECT CAST(1001 + c AS VARCHAR) AS company_id, i.item AS item_type, 200 + hash(c * 3 + i.k) % 4800 AS units_sold
    FROM range(5000) a(c) JOIN line_items i ON i.line_no = c % 3 ORDER BY c, i.k)
    TO ${q(join(lake, 'units_sold/units_sold.csv'))} (HEADER)`);
  await db.run(`COPY (
    SELECT CAST(1001 + c AS VARCHAR) AS id, 'Company ' || c AS company_name, p.country, p.city, i.product_line, i.item,
      DATE '2025-01-01' + CAST(hash(n) % 181 AS INTEGER) AS bill_date, p.currency,
      CAST((100 + hash(n * 7) % 4900) / 100 AS DECIMAL(18, 2)) AS bill_amount
    FROM (SELECT n, n % 5000 AS c, (n // 5000) % 3 AS k FROM range(${rows}) t(n)) b
    JOIN places p ON p.place_no = b.c % 3
    JOIN line_items i ON i.line_no = b.c % 3 AND i.k = b.k
  ) TO ${q(join(lake, 'billing/billing.csv'))} (HEADER)`);
  db.closeSync();
  instance.closeSync();
}

/** Runs a command, returning its wall time in seconds; exits if it fails. */
function timed(label, command, args, env = process.env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    process.stderr.write(`${label} failed (exit ${result.status}):\n${result.stderr}\n`);
    process.exit(1);
  }
  return seconds;
}

/** The two reports agree: same rows, same (id, item) keys, money within a cent. */
function compare(oursPath, theirsPath) {
  const parse = (p) => readFileSync(p, 'utf8').trim().split(/\r?\n/).slice(1);
  const ours = parse(oursPath);
  const theirs = parse(theirsPath);
  if (ours.length !== theirs.length) return `row counts differ: ${ours.length} vs ${theirs.length}`;
  let worst = 0;
  for (let i = 0; i < ours.length; i += 1) {
    const a = ours[i].split(',');
    const b = theirs[i].split(',');
    if (a[0] !== b[0] || a[4] !== b[4]) return `row ${i + 1} differs: ${ours[i]} vs ${theirs[i]}`;
    for (const c of [5, 8, 9]) worst = Math.max(worst, Math.abs(Number(a[c]) - Number(b[c])));
  }
  return worst <= 0.011 ? null : `money differs by up to ${worst.toFixed(4)}`;
}

const work = mkdtempSync(join(tmpdir(), 'lakedesk-bench-'));
const lake = join(work, 'lake');
try {
  const cli = join(repo, 'out/main/cli.js');
  if (!existsSync(cli)) execFileSync('npx', ['electron-vite', 'build'], { cwd: repo, stdio: 'inherit' });
  let started = Date.now();
  await generateLake(lake);
  const size = statSync(join(lake, 'billing/billing.csv')).size;
  process.stdout.write(
    `Generated ${rows.toLocaleString('en-US')} bills (${(size / 1e6).toFixed(0)} MB CSV) in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );
  const ours = join(work, 'lakedesk.csv');
  const theirs = join(work, 'pandas.csv');
  const home = join(work, 'home');
  const lakedeskRuns = [];
  const pandasRuns = [];
  for (let i = 0; i < repeat; i += 1) {
    rmSync(join(lake, '.lakedesk'), { recursive: true, force: true });
    const env = { ...process.env, LAKEDESK_HOME: home };
    const cliArgs = [join(repo, 'bin/lakedesk.js'), 'report', 'gross-profit', '--lake', lake, '--out', ours];
    lakedeskRuns.push(timed('lakedesk', process.execPath, cliArgs, env));
    pandasRuns.push(timed('pandas', python, [join(here, 'gross_profit_pandas.py'), lake, theirs]));
  }
  const lakedeskSeconds = Math.min(...lakedeskRuns);
  const pandasSeconds = Math.min(...pandasRuns);
  const all = (runs) => runs.map((s) => s.toFixed(2)).join(', ');
  const mismatch = compare(ours, theirs);
  const lines = [
    `lakedesk report gross-profit (DuckDB, 2 threads): best ${lakedeskSeconds.toFixed(2)} s (runs: ${all(lakedeskRuns)})`,
    `pandas ${execFileSync(python, ['-c', 'import pandas; print(pandas.__version__)']).toString().trim()} (same computation): best ${pandasSeconds.toFixed(2)} s (runs: ${all(pandasRuns)})`,
    `ratio pandas / lakedesk: ${(pandasSeconds / lakedeskSeconds).toFixed(2)}x`,
    mismatch ? `RESULTS DIFFER: ${mismatch}` : 'Both give the same report (to the cent).',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', 'gross-profit.json'),
    `${JSON.stringify({ rows, bytes: size, lakedeskRuns, pandasRuns, lakedeskSeconds, pandasSeconds, ratio: pandasSeconds / lakedeskSeconds, mismatch, at: new Date().toISOString() }, null, 2)}\n`,
  );
  if (mismatch) process.exitCode = 1;
} finally {
  if (keep) process.stdout.write(`Kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
