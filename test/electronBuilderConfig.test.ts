import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder's own YAML parser and schema validation (ajv over app-builder-lib's
// scheme.json), loaded the way the CLI loads them, so the test rejects exactly what
// `electron-builder --config electron-builder.yml` would reject.
const require = createRequire(import.meta.url);
const yaml: { load(text: string): unknown } = require('js-yaml');
const {
  validateConfiguration,
}: {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
} = require('app-builder-lib/out/util/config/config.js');
const { DebugLogger }: { DebugLogger: new (enabled: boolean) => unknown } = require('builder-util');

const projectRoot = path.resolve(import.meta.dirname, '..');

type Config = Record<string, unknown>;

async function loadConfig(): Promise<Config> {
  const parsed = yaml.load(await readFile(path.join(projectRoot, 'electron-builder.yml'), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('not a mapping');
  return Object.fromEntries(Object.entries(parsed));
}

/** Validation coerces types in place, so each check gets its own copy. */
const validate = (config: Config) => validateConfiguration(structuredClone(config), new DebugLogger(false));

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validate(await loadConfig())).resolves.toBeUndefined();
  });

  it('identifies the app', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({
      appId: 'org.protectionmonitor.app',
      productName: 'Protection Monitor',
      directories: { output: 'release' },
      icon: 'build/icon.png',
    });
  });

  it('packs into an asar with all hardening fuses', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships built output only: no sources, tests or source maps', async () => {
    const files = (await loadConfig()).files;
    expect(files).toEqual(
      expect.arrayContaining(['dist/**/*', 'package.json', '!node_modules/**', '!**/*.map', '!**/*.test.*']),
    );
    expect(files).not.toContain('main/**/*');
  });

  it('builds the agreed installers', async () => {
    const config = await loadConfig();
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.linux).toHaveProperty('maintainer');
    expect(config.linux).toHaveProperty('synopsis');
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
  });

  it('has a real 512x512 PNG icon', async () => {
    const png = await readFile(path.join(projectRoot, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

describe('the schema validation used above', () => {
  it('rejects an unknown top-level key', async () => {
    await expect(validate({ ...(await loadConfig()), asarr: true })).rejects.toThrow(
      /unknown property 'asarr'/,
    );
  });

  it('rejects an unknown nested key (electron-builder reports the enclosing object)', async () => {
    const config = await loadConfig();
    await expect(
      validate({ ...config, nsis: { oneClick: false, perMachine: false } }),
    ).resolves.toBeUndefined();
    await expect(validate({ ...config, nsis: { oneClick: false, perUser: true } })).rejects.toThrow(
      /configuration\.nsis should be/,
    );
    await expect(validate({ ...config, electronFuses: { runAsNod: false } })).rejects.toThrow(
      /configuration\.electronFuses should be/,
    );
  });

  it('rejects ill-typed values', async () => {
    const config = await loadConfig();
    await expect(validate({ ...config, asar: 'yes please' })).rejects.toThrow(
      /configuration\.asar should be/,
    );
    await expect(validate({ ...config, electronFuses: { runAsNode: 'never' } })).rejects.toThrow(
      /configuration\.electronFuses\.runAsNode should be a boolean/,
    );
    await expect(validate({ ...config, nsis: { oneClick: 'sometimes' } })).rejects.toThrow(
      /configuration\.nsis\.oneClick should be a boolean/,
    );
  });
});
