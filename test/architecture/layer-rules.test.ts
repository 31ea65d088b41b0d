import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('Given the layer rules', () => {
  it.each([
    ['electron/core/store/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/core/x.ts', "import { App } from '../../renderer/components/App';\nexport const a = App;"],
    ['electron/core/x.ts', "import { startWebHost } from '../web/web-host';\nexport const a = startWebHost;"],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['shared/x.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;"],
    ['shared/x.ts', "import { createCore } from '../electron/core';\nexport const a = createCore;"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['renderer/x.ts', "import { join } from 'node:path';\nexport const a = join;"],
    ['renderer/x.ts', "import { createCore } from '../electron/core';\nexport const a = createCore;"],
    ['electron/web/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ])('When %s imports across its layer, Then lint fails', async (filePath, source) => {
    expect(await importErrors(filePath, source)).not.toEqual([]);
  });

  it.each([
    ['electron/core/x.ts', "import { methods } from '../../shared/contract';\nimport { join } from 'node:path';\nexport const a = [methods, join];"],
    ['renderer/x.ts', "import { methods } from '../shared/contract';\nexport const a = methods;"],
    ['electron/main.ts', "import { app } from 'electron';\nexport const a = app;"],
  ])('When %s imports what its layer allows, Then lint passes', async (filePath, source) => {
    expect(await importErrors(filePath, source)).toEqual([]);
  });

  it('Then no file outside the Electron host imports electron today', () => {
    const offenders = ['electron/core', 'shared', 'renderer'].flatMap((folder) =>
      readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.tsx?$/.test(name))
        .map((name) => join(folder, name))
        .filter((file) => /from ['"]electron['"]|require\(['"]electron['"]\)/.test(readFileSync(file, 'utf8'))),
    );
    expect(offenders).toEqual([]);
  });
});
