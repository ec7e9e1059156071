import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderHtml } from '../../src/report/html-report.ts';
import type { CheckRun, ExchangeRecord, RunResults, TargetResults } from '../../src/report/results.ts';
import {
  launchChromium,
  watchedPage,
  type PageActivity,
  type WatchedPage,
} from '../support/headless-chromium.ts';
import { resultsFixture } from './results-fixture.ts';

/**
 * The report is read in a real browser: what matters is what renders, not what the string holds.
 * Each browser test awaits the launch, so a missing chromium fails every one of them with the
 * message saying what to install, rather than skipping them.
 */
let browser: Promise<Browser>;
let watched: Promise<WatchedPage>;
let dir: string;

beforeAll(async () => {
  browser = launchChromium();
  watched = browser.then(watchedPage);
  watched.catch(() => {});
  dir = await mkdtemp(join(tmpdir(), 'idflow-html-report-'));
});

afterAll(async () => {
  await (await browser.catch(() => undefined))?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Writes the report to a file and opens it from there, as someone opening a CI artifact would. */
async function open(
  results: RunResults,
  name: string,
): Promise<{ page: Page; activity: PageActivity; url: string }> {
  const file = join(dir, `${name}.html`);
  await writeFile(file, renderHtml(results));
  const url = pathToFileURL(file).href;
  const { page, activity, visit } = await watched;
  await visit(url);
  return { page, activity, url };
}

function expectQuiet(activity: PageActivity, url: string): void {
  expect(activity.consoleErrors).toEqual([]);
  expect(activity.pageErrors).toEqual([]);
  expect(activity.dialogs).toEqual([]);
  expect(activity.requests).toEqual([url]);
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`not rendered: ${locator.toString()}`);
  return found;
}

function onlyTarget(results: RunResults): TargetResults {
  const [target] = results.targets;
  if (!target) throw new Error('the fixture has one target');
  return target;
}

function withTarget(results: RunResults, target: TargetResults): RunResults {
  return { ...results, targets: [target] };
}

test('a failing run: the verdict first, then the failure with expected, given, evidence and curl', async () => {
  const results = resultsFixture({ failing: true });
  const { page, activity, url } = await open(results, 'failing');
  expectQuiet(activity, url);

  const verdict = page.locator('main > :first-child');
  expect(await verdict.getAttribute('id')).toBe('verdict');
  const verdictText = await verdict.innerText();
  expect(verdictText).toContain('Failed');
  expect(verdictText).toContain('1 of 9 checks failed');
  expect(verdictText).toContain('20261126t0200-abc123');
  expect(verdictText).toContain('api.pingone.eu');
  expect(verdictText).toContain('3.00 s');
  expect(await verdict.locator('tr[data-target="pingone"] .pill').allInnerTexts()).toEqual([
    '6 passed',
    '1 failed',
    '2 skipped',
    '1 unconfirmed',
  ]);

  const failures = page.locator('#failures article.failure');
  expect(await failures.count()).toBe(1);
  const failure = page.locator('#failures article[data-check="05-create-user"]');
  expect(await failure.locator('.expectations .expected').innerText()).toBe('201');
  expect(await failure.locator('.expectations .given').innerText()).toBe('400');
  const text = await failure.innerText();
  expect(text).toContain('the tenant refused the user: read its details');
  expect(text).toContain('INVALID_DATA');
  expect(text).toContain('corr-4');
  const check = onlyTarget(results).checks.find((one) => one.id === '05-create-user');
  expect(await failure.locator('pre.curl').innerText()).toBe(check?.failure?.evidence?.curl);

  expect(await page.locator('#unconfirmed').innerText()).toContain(
    'Location header: expected present, given missing',
  );
  const skipped = await page.locator('#skipped').innerText();
  expect(skipped).toContain('needs PINGONE_OTHER_REGION, which is not configured');
  expect(skipped).toContain('needs sharedUserID from 05-create-user, which failed');

  const rows = page.locator('#checks tr[data-check]');
  expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-check')))).toEqual(
    onlyTarget(results).checks.map((one) => one.id),
  );
  expect(await rows.locator('.pill').allInnerTexts()).toEqual(
    onlyTarget(results).checks.map((one) => one.status),
  );
});

test('the waterfall draws one bar per exchange on a shared timeline: side-by-side probes overlap', async () => {
  const results = resultsFixture();
  const { page } = await open(results, 'waterfall');
  expect(await page.locator('.wf-bar').count()).toBe(onlyTarget(results).exchanges.length);

  const bar = (check: string) => page.locator(`.wf-row[data-check="${check}"] .wf-bar`);
  const expired = await box(bar('05-create-user/expired-token'));
  const missingRole = await box(bar('05-create-user/missing-role'));
  expect(expired.x).toBeLessThan(missingRole.x + missingRole.width);
  expect(missingRole.x).toBeLessThan(expired.x + expired.width);
  expect(expired.y + expired.height).toBeLessThanOrEqual(missingRole.y);

  // Requests sent one after the other do not overlap: the token ends before the teardown starts.
  const token = await box(bar('01-get-access-token'));
  const teardown = await box(bar('99-teardown'));
  expect(token.x + token.width).toBeLessThan(teardown.x);

  const labels = await page.locator('.wf-row[data-exchange] .wf-label').allInnerTexts();
  expect(labels[4]).toMatch(/^POST\s+\/v1\/environments\/\{id\}\/users\s+400\s+05-create-user$/);
});

test('the waterfall shows a retry and its wait, and brackets a check that settled', async () => {
  const { page } = await open(resultsFixture(), 'retry-settle');
  const retried = page.locator('.wf-row[data-exchange="1"]');
  expect(await retried.innerText()).toContain('retried: 429 after 1000 ms (Retry-After)');
  // The hatched wait is sized by waitedMs: 1000 of the exchange's 1450 ms.
  const bar = await box(retried.locator('.wf-bar'));
  const wait = await box(retried.locator('.wf-wait'));
  expect(wait.width / bar.width).toBeCloseTo(1000 / 1450, 1);

  const group = page.locator('.wf-group[data-settle="04-create-population"]');
  expect(await group.innerText()).toContain('settled after 370 ms');
  const bracket = await box(group.locator('.wf-bracket'));
  const first = await box(page.locator('.wf-row[data-exchange="2"] .wf-bar'));
  const last = await box(page.locator('.wf-row[data-exchange="3"] .wf-bar'));
  expect(Math.abs(bracket.x - first.x)).toBeLessThan(2);
  expect(Math.abs(bracket.x + bracket.width - (last.x + last.width))).toBeLessThan(2);
});

const HOSTILE_IMG = '<img src=x onerror="alert(1)">';
const HOSTILE_SCRIPT = '<script>alert(2)</script>';
const HOSTILE_ATTRIBUTE = `"><svg onload=alert(3)>'`;

/** A tenant's values trying to become markup, in an element and in an attribute. */
function hostile(results: RunResults): RunResults {
  const target = onlyTarget(results);
  const checks = target.checks.map((check): CheckRun => {
    if (check.status === 'skipped') return { ...check, skipReason: HOSTILE_SCRIPT };
    if (!check.failure?.evidence) return check;
    const evidence = { ...check.failure.evidence, vendorMessage: HOSTILE_IMG, body: HOSTILE_SCRIPT };
    return { ...check, failure: { ...check.failure, hint: HOSTILE_ATTRIBUTE, evidence } };
  });
  const exchanges = target.exchanges.map((exchange): ExchangeRecord => ({
    ...exchange,
    pathTemplate: HOSTILE_ATTRIBUTE,
    url: HOSTILE_IMG,
  }));
  return withTarget(results, { ...target, checks, exchanges });
}

test("a tenant's markup in a vendor message, a skip reason or a path renders as text and runs nothing", async () => {
  const { page, activity, url } = await open(hostile(resultsFixture()), 'hostile');
  expectQuiet(activity, url);
  expect(await page.locator('img, script, svg, iframe').count()).toBe(0);
  const text = await page.locator('body').innerText();
  expect(text).toContain(HOSTILE_IMG);
  expect(text).toContain(HOSTILE_SCRIPT);
  expect(text).toContain(HOSTILE_ATTRIBUTE);
  // In an attribute, too, it stays the attribute's value.
  expect(await page.locator('.wf-row[data-exchange="0"] .wf-bar').getAttribute('title')).toContain(
    HOSTILE_IMG,
  );
});

test('a passing run shows a passed verdict and no failures section', async () => {
  const { page, activity, url } = await open(resultsFixture({ failing: false }), 'passing');
  expectQuiet(activity, url);
  expect(await page.locator('#verdict .verdict-word').innerText()).toBe('Passed');
  expect(await page.locator('#verdict').innerText()).toContain('8 of 9 checks passed');
  expect(await page.locator('#failures').count()).toBe(0);
  expect(await page.locator('.failure').count()).toBe(0);
});

test('160+ exchanges stay readable: one bar each, in a scrolling container of bounded height', async () => {
  const results = resultsFixture();
  const target = onlyTarget(results);
  const [template] = target.exchanges;
  if (!template) throw new Error('the fixture has exchanges');
  const exchanges = Array.from({ length: 180 }, (_, index): ExchangeRecord => ({
    ...template,
    index,
    startMs: template.startMs + index * 15,
  }));
  const { page } = await open(withTarget(results, { ...target, exchanges }), 'many');
  expect(await page.locator('.wf-bar').count()).toBe(180);
  const scroller = await box(page.locator('.wf-scroll'));
  expect(scroller.height).toBeLessThanOrEqual(600);
  const rows = await page
    .locator('.wf-row[data-exchange]')
    .evaluateAll((all) => all.map((row) => row.clientHeight));
  expect(Math.min(...rows)).toBeGreaterThanOrEqual(20);
});

test('the page loads nothing: no script, stylesheet link or image, no http(s) resource', () => {
  const page = renderHtml(resultsFixture());
  expect(page).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
  expect(page).not.toMatch(/\b(src|href|srcset|action)\s*=\s*["']?\s*(https?:)?\/\//i);
  expect(page).not.toMatch(/@import|url\(/i);
  expect(page).toContain('Content-Security-Policy');
});
