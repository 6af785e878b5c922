import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules (STYLE.md) fail the lint', () => {
  it.each([
    ['renderer/src/x.ts', "import { readFile } from 'node:fs';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import { S3Client } from '@aws-sdk/client-s3';"],
    ['renderer/src/x.ts', "import { createCore } from '../../electron/core/core';"],
    ['shared/x.ts', "import React from 'react';"],
    ['shared/x.ts', "import { join } from 'node:path';"],
    ['electron/core/x.ts', "import { app } from 'electron';"],
    ['electron/core/queries/x.ts', "import { AthenaClient } from '@aws-sdk/client-athena';"],
    ['electron/preload/x.ts', "import { z } from 'zod';"],
  ])('%s: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = 1;\n`)).not.toEqual([]);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';"],
    ['shared/x.ts', "import { Cell } from './results.schema';"],
    ['electron/core/queries/aws-athena-engine.ts', "import { AthenaClient } from '@aws-sdk/client-athena';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['renderer/src/x.ts', "import { contract } from '@shared/contract';"],
  ])('allowed: %s: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = 1;\n`)).toEqual([]);
  });
});
