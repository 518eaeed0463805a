#!/usr/bin/env node
// Browser test of the API explorer at /api-docs, against a running ServicePoint, in the system's headless Chromium:
// the page comes with its strict Content Security Policy, shows one entry for every operation of /openapi, and
// breaks the policy nowhere while it loads and while an operation is opened.
//
//   BASE_URL=http://localhost:8080 [CHROMIUM=/usr/bin/chromium] node modules/web/src/test/browser/api-docs.mjs
import { check, ok, runBrowserScript, setting } from './browser-kit.mjs';

const DOCUMENT_TIMEOUT_MS = 180_000;

async function main(run) {
  const base = setting('BASE_URL').replace(/\/$/, '');
  const { page } = await run.newPage();
  const answer = await page.goto(`${base}/api-docs`);
  check(answer?.status() === 200, `GET /api-docs answered ${answer?.status()}`);
  const policy = answer.headers()['content-security-policy'] ?? '';
  check(policy.includes("script-src 'self'") && policy.includes("style-src 'self'") && !/unsafe-(inline|eval)/.test(policy),
    `weak or missing CSP on /api-docs: "${policy}"`);
  ok('/api-docs comes with a CSP without unsafe-inline or unsafe-eval');

  // The server builds the description on its first request, which takes a while on a busy machine.
  const description = await (await page.request.get(`${base}/openapi?format=json`, { timeout: DOCUMENT_TIMEOUT_MS })).json();
  const operations = Object.values(description.paths ?? {}).reduce((sum, item) => sum + Object.keys(item).length, 0);
  check(operations > 50, `/openapi names only ${operations} operations`);
  await page.locator('.opblock').first().waitFor({ timeout: DOCUMENT_TIMEOUT_MS });
  // An operation with several tags is shown under each; count each method and path once.
  const shownOperations = async () => new Set(await page.locator('.opblock').evaluateAll((blocks) => blocks.map((block) =>
    `${block.querySelector('.opblock-summary-method')?.textContent} ${block.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`)));
  let shown = await shownOperations();
  // Swagger UI renders a long document's tags as they scroll into view: scroll down a screen at a time until every
  // operation is there (a jump to the end renders only the next tag).
  for (let tries = 0; shown.size < operations && tries < 300; tries++) {
    await page.evaluate(() => window.scrollBy(0, window.innerHeight));
    await page.waitForTimeout(100);
    shown = new Set([...shown, ...await shownOperations()]);
  }
  const count = shown.size;
  check(count === operations, `the explorer shows ${count} operations; /openapi has ${operations}`);
  ok(`the explorer shows all ${operations} operations of /openapi`);

  // Opening one shows its roles and its problem answers, as the description states them (back at the top, where the
  // explorer renders it again).
  await page.evaluate(() => window.scrollTo(0, 0));
  const lookup = page.locator('.opblock', { hasText: '/api/tenants/{slug}/computer-use-bans/lookup' }).first();
  await lookup.locator('.opblock-summary').click();
  await lookup.getByText('Needs one of the roles:').waitFor();
  await lookup.locator('.responses-table').getByText('403', { exact: true }).first().waitFor();
  ok('an opened operation shows the roles it needs and its problem answers');
}

runBrowserScript('api-docs', main);
