import {
  CreateCrawlerCommand,
  StartCrawlerCommand,
  StopCrawlerCommand,
  type GlueClient,
} from '@aws-sdk/client-glue';
import { LakeError } from '@shared/errors';
import type { AwsCaller, KnownErrors } from '../aws-caller';
import { glueNotFound } from './aws-glue-tables';

const crawlerStateErrors = (name: string): KnownErrors => ({
  ...glueNotFound,
  CrawlerRunningException: () =>
    new LakeError(
      'BAD_INPUT',
      `Crawler ${name} is already running.`,
      'Wait for it to finish; it is being watched.',
    ),
  CrawlerNotRunningException: () => new LakeError('BAD_INPUT', `Crawler ${name} is not running.`),
  CrawlerStoppingException: () => new LakeError('BAD_INPUT', `Crawler ${name} is already stopping.`),
});

export async function startCrawler(glue: GlueClient, caller: AwsCaller, name: string): Promise<void> {
  await caller.call(
    'StartCrawler',
    () => glue.send(new StartCrawlerCommand({ Name: name })),
    { action: `Starting crawler ${name}` },
    crawlerStateErrors(name),
  );
}

export async function stopCrawler(glue: GlueClient, caller: AwsCaller, name: string): Promise<void> {
  await caller.call(
    'StopCrawler',
    () => glue.send(new StopCrawlerCommand({ Name: name })),
    { action: `Stopping crawler ${name}` },
    crawlerStateErrors(name),
  );
}

export interface NewCrawler {
  name: string;
  role: string;
  database: string;
  s3Path: string;
  schedule?: string;
  tablePrefix?: string;
  description?: string;
}

export async function createCrawler(glue: GlueClient, caller: AwsCaller, spec: NewCrawler): Promise<void> {
  await caller.call(
    'CreateCrawler',
    () =>
      glue.send(
        new CreateCrawlerCommand({
          Name: spec.name,
          Role: spec.role,
          DatabaseName: spec.database,
          Targets: { S3Targets: [{ Path: spec.s3Path }] },
          ...(spec.schedule ? { Schedule: spec.schedule } : {}),
          ...(spec.tablePrefix ? { TablePrefix: spec.tablePrefix } : {}),
          ...(spec.description ? { Description: spec.description } : {}),
        }),
      ),
    { action: `Creating crawler ${spec.name}` },
    {
      ...glueNotFound,
      AlreadyExistsException: () =>
        new LakeError('BAD_INPUT', `A crawler named ${spec.name} already exists.`, 'Choose another name.'),
    },
  );
}
