import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium package: playwright-core drives it and never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * The machine's network is closed: without the background-networking flags chromium keeps
 * trying to reach Google's services, and its refused connections are noise in every run.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the system's chromium; fails, never skips, when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The HTML report's browser tests need Debian's chromium at ${CHROMIUM}, which is missing. ` +
        'Install it: apt-get update && apt-get install -y chromium (.ci/run does this on CI).',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** What a page did besides rendering: each should stay empty for a report. */
export interface PageActivity {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
}

/** One page, reused from test to test (a new page costs more than the test), that records what it did. */
export interface WatchedPage {
  readonly page: Page;
  /** Since the last `visit`. */
  readonly activity: PageActivity;
  /** Forgets the activity so far, then loads the URL. */
  visit(url: string): Promise<void>;
}

/** Opens a page that records its console errors, page errors, requests and dialogs. */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const activity: PageActivity = { consoleErrors: [], pageErrors: [], requests: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') activity.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => activity.pageErrors.push(error.message));
  page.on('request', (request) => activity.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    activity.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const visit = async (url: string) => {
    for (const list of Object.values(activity) as string[][]) list.length = 0;
    await page.goto(url, { waitUntil: 'load' });
  };
  return { page, activity, visit };
}
