import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, events } from '@shared/contract';
import { tokenCachePath } from './sso-token-cache';
import { startAwsTestBed, type AwsTestBed } from './test-aws';

/** Field names that would carry a secret across a front door. */
const SECRET_NAME =
  /secret|token|password|passphrase|credential|accesskey|privatekey|devicecode|authorization|cookie/i;
/** Names that match but carry none: AWS-style paging cursors. */
const NOT_SECRET = new Set(['nextToken']);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
}

/** Every field name reachable in a zod 4 schema, with its path. */
function fieldNames(schema: z.ZodType, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const walk = (child: z.ZodType | null | undefined, at: string) =>
    child ? fieldNames(child, at, seen) : [];
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) => [
        `${path}.${key}`,
        ...walk(child, `${path}.${key}`),
      ]);
    case 'array':
    case 'set':
      return walk(def.element ?? def.valueType, `${path}[]`);
    case 'union':
      return (def.options ?? []).flatMap((o, i) => walk(o, `${path}|${i}`));
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'record':
    case 'map':
      return [...walk(def.keyType, `${path}{key}`), ...walk(def.valueType, `${path}{}`)];
    case 'tuple':
      return [
        ...(def.items ?? []).flatMap((item, i) => walk(item, `${path}[${i}]`)),
        ...walk(def.rest, `${path}[...]`),
      ];
    case 'pipe':
      return [...walk(def.in, path), ...walk(def.out, path)];
    case 'lazy':
      return walk(def.getter?.(), path);
    default:
      return walk(def.innerType, path);
  }
}

describe('no secret ever crosses the contract', () => {
  it('the walker finds fields however deeply they are wrapped', () => {
    const sneaky = z.object({
      list: z.array(
        z.object({ creds: z.union([z.null(), z.object({ sessionToken: z.string().optional() })]) }),
      ),
      map: z.record(z.string(), z.object({ secretAccessKey: z.string() }).nullable()).default({}),
    });
    expect(fieldNames(sneaky, 'x').filter((n) => SECRET_NAME.test(n.split('.').at(-1)!))).toEqual([
      'x.list[].creds|1.sessionToken',
      'x.map{}.secretAccessKey',
    ]);
  });

  it('no output, job result or event schema has a field named like a secret', () => {
    const names = [
      ...Object.entries(contract).flatMap(([method, entry]) => [
        ...fieldNames(entry.output as z.ZodType, `${method}.output`),
        ...('job' in entry ? fieldNames(entry.job as z.ZodType, `${method}.job`) : []),
      ]),
      ...Object.entries(events).flatMap(([topic, schema]) =>
        fieldNames(schema as z.ZodType, `event ${topic}`),
      ),
    ];
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => n.includes('accounts.openWorkspace.output.aws.accountId'))).toHaveLength(1);
    const last = (n: string) => n.split('.').at(-1)!;
    expect(names.filter((n) => SECRET_NAME.test(last(n)) && !NOT_SECRET.has(last(n)))).toEqual([]);
  });

  describe('the event stream and outputs of a whole session', () => {
    let bed: AwsTestBed;
    beforeAll(async () => {
      bed = await startAwsTestBed({ accounts: 3, s3: false });
    });
    afterAll(() => bed.close());

    it('never carry the access token, refresh token, client secret or role credentials', async () => {
      const seen: unknown[] = [];
      bed.core.services.events.subscribe((topic, payload) => seen.push({ topic, payload }));
      seen.push(await bed.signIn());
      seen.push(await bed.call('accounts.listOrganisations', {}));
      seen.push((await bed.job('accounts.listAccounts', { session: 'emulator', includeRoles: true })).result);
      const ws = await bed.call('accounts.openWorkspace', {
        session: 'emulator',
        accountId: '100000000000',
        roleName: 'FinanceAnalyst',
        region: 'eu-west-1',
      });
      seen.push(
        ws,
        await bed.call('accounts.whoami', {}),
        await bed.call('accounts.status', { session: 'emulator' }),
        await bed.call('workspaces.list', {}),
      );
      const cache = JSON.parse(await readFile(tokenCachePath(bed.home, 'emulator'), 'utf8')) as Record<
        string,
        string
      >;
      const issued = [...bed.emulator.store.roleCredentials.values()];
      expect(issued.length).toBeGreaterThan(0);
      const secrets = [
        cache.accessToken!,
        cache.refreshToken!,
        cache.clientSecret!,
        ...issued.map((c) => c.sessionToken),
        ...bed.emulator.store.devices.keys(),
      ];
      const text = JSON.stringify(seen);
      expect(text).toContain('100000000000');
      for (const secret of secrets) expect(text).not.toContain(secret);
    });
  });
});
