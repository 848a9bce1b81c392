import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldFile } from './score.ts';

/** Reads every gold annotation (*.json, FORMAT.md aside) in a directory. */
export function readGoldDir(dir: string): GoldFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      try {
        return JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldFile;
      } catch (err) {
        throw new Error(`gold file ${join(dir, f)} is not valid JSON: ${(err as Error).message}`);
      }
    });
}
