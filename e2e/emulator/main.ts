import { parseArgs } from 'node:util';
import { startEmulator } from './emulator';

/**
 * `npm run emulator [-- --accounts N --dir DIR --auto-approve MS --token-seconds S]`: starts the emulated
 * AWS endpoints until Ctrl+C and prints how to point Lakedesk or the AWS CLI at them.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string', default: '25' },
      dir: { type: 'string' },
      'auto-approve': { type: 'string' },
      'token-seconds': { type: 'string' },
    },
  });
  const emulator = await startEmulator({
    accounts: Number(values.accounts),
    ...(values.dir ? { dir: values.dir } : {}),
    ...(values['auto-approve'] ? { autoApproveAfterMs: Number(values['auto-approve']) } : {}),
    ...(values['token-seconds']
      ? { lifetimes: { accessTokenSeconds: Number(values['token-seconds']) } }
      : {}),
  });
  const lines = [
    'Lakedesk AWS emulator (test equipment) is running:',
    ...Object.entries(emulator.endpoints).map(([name, url]) => `  ${name.padEnd(13)} ${url}`),
    '',
    `  config      ${emulator.configFile}`,
    `  sso-session ${emulator.sessionName} (${emulator.accounts.length} accounts)`,
    `  approve a sign-in at ${emulator.endpoints.sso_oidc}/device${values['auto-approve'] ? ' (auto-approve is on)' : ''}`,
    '',
    'Use it from a shell (Lakedesk, or the AWS CLI on PATH):',
    ...Object.entries(emulator.env).map(([k, v]) => `  export ${k}=${v}`),
    `  lakedesk sso login --session ${emulator.sessionName}`,
    `  aws sts get-caller-identity --profile ${emulator.accounts[0]?.accountName ?? 'default'}`,
    ...(emulator.pipeline.clusterId
      ? [
          `  lakedesk crawler start lake-raw --profile ${emulator.accounts[0]?.accountName ?? 'default'} --wait`,
          `  lakedesk step submit gross-profit --cluster ${emulator.pipeline.clusterId} --profile ${emulator.accounts[0]?.accountName ?? 'default'} --wait`,
        ]
      : []),
    '',
    'Press Ctrl+C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
