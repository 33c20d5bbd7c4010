import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Bundles in memory with the exact options of scripts/build-main.mjs and checks what each
// output may still require at runtime: the packaged app ships no node_modules, and a sandboxed
// preload can require nothing but 'electron'.
const scriptUrl = pathToFileURL(path.resolve(import.meta.dirname, '../../scripts/build-main.mjs')).href;
const { bundles }: { bundles: Record<'main' | 'preload', BuildOptions> } = await import(scriptUrl);

async function runtimeRequires(options: BuildOptions): Promise<string[]> {
  const result = await build({
    ...options,
    write: false,
    metafile: true,
    sourcemap: false,
    logLevel: 'silent',
  });
  const outputs = Object.values(result.metafile.outputs);
  const external = outputs.flatMap((output) =>
    output.imports.filter((entry) => entry.external).map((e) => e.path),
  );
  return [...new Set(external)].sort();
}

describe('scripts/build-main.mjs bundles', () => {
  it('main requires only electron and Node built-ins', async () => {
    const requires = await runtimeRequires(bundles.main);
    expect(requires).toContain('electron');
    expect(requires.filter((name) => name !== 'electron' && !name.startsWith('node:'))).toEqual([]);
  });

  it('the preload requires only electron', async () => {
    expect(await runtimeRequires(bundles.preload)).toEqual(['electron']);
  });

  it('emits CommonJS files where package.json "main" and the window options expect them', () => {
    expect(bundles.main).toMatchObject({ format: 'cjs', external: ['electron'] });
    expect(bundles.preload).toMatchObject({ format: 'cjs', external: ['electron'] });
    expect(path.relative(path.resolve(import.meta.dirname, '../..'), String(bundles.main.outfile))).toBe(
      path.join('dist', 'main', 'main.cjs'),
    );
    expect(path.basename(String(bundles.preload.outfile))).toBe('preload.cjs');
  });
});
