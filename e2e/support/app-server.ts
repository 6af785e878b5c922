import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const repoRoot = resolve(__dirname, '..', '..');

export interface RunningApp {
  /** The tokenized URL `lakedesk serve` printed. */
  url: string;
  origin: string;
  token: string;
  port: number;
  /** The app's fresh home (settings, sample lake). */
  home: string;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  lake?: string;
  /**
   * Added to the server's environment, e.g. the emulator's AWS_CONFIG_FILE and a HOME whose
   * ~/.aws/sso/cache the sign-in writes to.
   */
  env?: Record<string, string>;
}

/**
 * Starts `lakedesk serve` as a user would (the built bin, a fresh home), and reads the URL it prints.
 * With no `lake`, the app creates and opens its sample lake, as on a first start. The AWS config
 * defaults to files that do not exist, so no test ever reads the machine's real ~/.aws.
 */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const home = await mkdtemp(join(tmpdir(), 'lakedesk-e2e-'));
  const args = [
    join(repoRoot, 'bin', 'lakedesk.js'),
    'serve',
    '--json',
    ...(options.lake ? ['--lake', options.lake] : []),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      AWS_CONFIG_FILE: join(home, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
      ...options.env,
      LAKEDESK_HOME: home,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const first = await new Promise<string>((resolveLine, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`lakedesk serve printed no URL in 30 s.\n${stderr}`)),
      30_000,
    );
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolveLine(line);
    });
    child.once('exit', (code) => reject(new Error(`lakedesk serve exited with ${code}.\n${stderr}`)));
  });
  const { url, port } = JSON.parse(first) as { url: string; port: number };
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    port,
    home,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(home, { recursive: true, force: true });
    },
  };
}
