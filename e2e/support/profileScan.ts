import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under a folder, recursively (the browser or Electron profile). */
async function* filesUnder(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * The files of a profile that contain `text` in UTF-8, UTF-16LE or UTF-16BE (IndexedDB's
 * LevelDB and Chromium's other stores use all three), with how many files were read.
 */
export async function filesContaining(folder: string, text: string): Promise<{ hits: string[]; scanned: number }> {
  const needles = [
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
    Buffer.from(text, 'utf16le').swap16(),
  ];
  const hits: string[] = [];
  let scanned = 0;
  for await (const path of filesUnder(folder)) {
    const bytes = await readFile(path);
    scanned++;
    if (needles.some((needle) => bytes.includes(needle))) hits.push(path);
  }
  return { hits, scanned };
}
