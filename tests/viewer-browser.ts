/** Headless Debian chromium through playwright-core, for the viewer tests and bench/viewer-scale.ts. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Installs Debian chromium and CJK fonts when missing (scripts/install-chromium.sh). */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const script = fileURLToPath(new URL('../scripts/install-chromium.sh', import.meta.url));
  execFileSync('bash', [script], { stdio: 'inherit', timeout: 15 * 60_000 });
}

export interface LaunchedBrowser {
  browser: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile each time: no state leaks from one run to the next. */
export async function launchChromium(viewport = { width: 1400, height: 900 }): Promise<LaunchedBrowser> {
  ensureChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser: context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type { Browser };
