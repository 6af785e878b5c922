// Uploading a 1 GB billing CSV to the emulator's S3: `lakedesk upload` (preflight validation and
// SHA-256, then 8 MiB parts, 4 at a time) against Debian's AWS CLI v2 `aws s3 cp` of the same file
// to the same server, in the same run. Prints throughput and peak RSS of each, and the ratios.
//
// usage: npm run bench (builds first)   or   node bench/upload.bench.mjs [--mb 1024] [--repeat 2] [--keep]
// Runs alternate (lakedesk, aws, lakedesk, aws…) so both see the same machine; the best of each is
// compared. s3rver (behind the emulator's proxy) is the bottleneck of both (ENVIRONMENT.md).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const megabytes = Number(arg('--mb', '1024'));
const repeat = Number(arg('--repeat', '2'));
const keep = process.argv.includes('--keep');
const AWS_V2 = '/usr/bin/aws';

/** A billing CSV of about `megabytes` MB (valid data: the preflight reads and checks all of it). */
async function generateCsv(path) {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const db = await instance.connect();
  // About 64 bytes a row, so `--mb 1024` makes a file of about 1 GB.
  const rows = Math.round((megabytes * 1024 * 1024) / 63.7);
  await db.run(`COPY (
    SELECT CAST(1001 + n % 5000 AS VARCHAR) AS id, 'Company ' || (n % 5000) AS company_name, 'USA' AS country,
      'Chicago' AS city, 'Bakery' AS product_line, 'Bread' AS item,
      DATE '2025-01-01' + CAST(n % 28 AS INTEGER) AS bill_date, 'USD' AS currency,
      CAST((100 + n % 4900) / 100 AS DECIMAL(18, 2)) AS bill_amount
    FROM range(${rows}) t(n)) TO '${path.replace(/'/g, "''")}' (HEADER)`);
  db.closeSync();
  instance.closeSync();
}

/** Starts `npm run emulator` in its own process (its CPU is not ours) and reads where S3 is. */
function startEmulator(dir) {
  const child = spawn(
    process.execPath,
    [
      join(repo, 'node_modules/tsx/dist/cli.mjs'),
      join(repo, 'e2e/emulator/main.ts'),
      '--accounts',
      '3',
      '--dir',
      dir,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!out.includes('Press Ctrl+C')) return;
      const s3 = /^\s+s3\s+(\S+)$/m.exec(out)?.[1];
      const env = Object.fromEntries([...out.matchAll(/export (\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
      resolveStart({ child, s3, env });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
  });
}

/** Runs a command under GNU time: wall seconds and peak RSS (MB); exits if it fails. */
function measured(label, command, args, env) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) {
    process.stderr.write(`${label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}\n`);
    process.exit(1);
  }
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { seconds, rssMb: kb / 1024, stdout: result.stdout };
}

const work = mkdtempSync(join(tmpdir(), 'lakedesk-upload-bench-'));
let emulator;
try {
  if (!existsSync(AWS_V2))
    throw new Error(`${AWS_V2} is missing: apt-get install -y awscli (the peer of this bench).`);
  if (!existsSync(join(repo, 'out/main/cli.js')))
    execFileSync('npx', ['electron-vite', 'build'], { cwd: repo, stdio: 'inherit' });
  const csv = join(work, 'billing-2025.csv');
  let started = Date.now();
  await generateCsv(csv);
  const size = statSync(csv).size;
  process.stdout.write(
    `Generated a ${(size / 1e6).toFixed(0)} MB billing CSV in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );
  emulator = await startEmulator(join(work, 'emulator'));
  const base = { PATH: process.env.PATH, HOME: work, AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '' };
  const lakedeskEnv = { ...base, ...emulator.env, LAKEDESK_HOME: join(work, 'lakedesk-home') };
  const awsEnv = {
    ...base,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_CONFIG_FILE: join(work, 'no-config'),
  };
  const ours = [];
  const theirs = [];
  for (let i = 0; i < repeat; i += 1) {
    const cli = [
      join(repo, 'bin/lakedesk.js'),
      'upload',
      csv,
      '--to',
      `s3://lake-raw/bench/lakedesk-${i}/`,
      '--profile',
      'emulator-static',
      '--json',
    ];
    const run = measured('lakedesk upload', process.execPath, cli, lakedeskEnv);
    const item = JSON.parse(run.stdout).transfers[0];
    if (item.state !== 'done') throw new Error(`lakedesk upload ended ${item.state}: ${item.error?.message}`);
    const transferSeconds = (Date.parse(item.endedAt) - Date.parse(item.uploadStartedAt)) / 1000;
    ours.push({ ...run, transferSeconds });
    theirs.push(
      measured(
        'aws s3 cp',
        AWS_V2,
        ['s3', 'cp', csv, `s3://lake-raw/bench/aws-${i}/`, '--endpoint-url', emulator.s3, '--no-progress'],
        awsEnv,
      ),
    );
  }
  const best = (runs, key) => Math.min(...runs.map((r) => r[key]));
  const mbps = (s) => size / 1e6 / s;
  const us = {
    total: best(ours, 'seconds'),
    transfer: best(ours, 'transferSeconds'),
    rss: Math.max(...ours.map((r) => r.rssMb)),
  };
  const them = { total: best(theirs, 'seconds'), rss: Math.max(...theirs.map((r) => r.rssMb)) };
  const lines = [
    `aws s3 cp (${execFileSync(AWS_V2, ['--version']).toString().trim().split(' ')[0]}): best ${them.total.toFixed(1)} s = ${mbps(them.total).toFixed(1)} MB/s, peak RSS ${them.rss.toFixed(0)} MB (runs: ${theirs.map((r) => r.seconds.toFixed(1)).join(', ')} s)`,
    `lakedesk upload, whole command (validation + SHA-256 + upload): best ${us.total.toFixed(1)} s = ${mbps(us.total).toFixed(1)} MB/s, peak RSS ${us.rss.toFixed(0)} MB (runs: ${ours.map((r) => r.seconds.toFixed(1)).join(', ')} s)`,
    `lakedesk upload, transfer phase (first part to verified object): best ${us.transfer.toFixed(1)} s = ${mbps(us.transfer).toFixed(1)} MB/s`,
    `ratio throughput lakedesk / aws: transfer ${(them.total / us.transfer).toFixed(2)}x, whole command ${(them.total / us.total).toFixed(2)}x`,
    `ratio peak RSS lakedesk / aws: ${(us.rss / them.rss).toFixed(2)}x`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  writeFileSync(
    join(repo, 'bench/results/upload.json'),
    `${JSON.stringify({ date: new Date().toISOString(), bytes: size, lakedesk: ours.map(({ stdout: _s, ...r }) => r), aws: theirs.map(({ stdout: _s, ...r }) => r) }, null, 2)}\n`,
  );
} finally {
  emulator?.child.kill('SIGTERM');
  if (!keep) rmSync(work, { recursive: true, force: true });
  else process.stdout.write(`Kept ${work}\n`);
}
