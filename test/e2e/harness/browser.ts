// Debian's chromium driven by playwright-core: no browser is ever downloaded.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './paths';

/** A headless Chromium with a fresh profile; safe to run as root. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
