#!/usr/bin/env node
// Browser test of staff sign-in, the idle lock and sign-out, against a running ServicePoint and the
// tenant's Keycloak, in the system's headless Chromium (nothing is downloaded).
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=ada PASSWORD=… EXPECT_TAG_NAME=Ada \
//     [IDLE_SECONDS=300] [CHROMIUM=/usr/bin/chromium] node modules/web/src/test/browser/staff-login.mjs
//
// IDLE_SECONDS defaults to the tenant's idleLockSeconds from the sign-in configuration. Exits non-zero
// with the reason on the first failure, and leaves a screenshot in modules/web/target/.
import { check, Failure, launchChromium, ok, passed, passKeycloak, reportFailure, setting, STEP_TIMEOUT_MS } from './browser-kit.mjs';

async function idleSeconds(baseUrl, tenant) {
  if (process.env.IDLE_SECONDS) {
    const seconds = Number(process.env.IDLE_SECONDS);
    check(Number.isFinite(seconds) && seconds > 0, `IDLE_SECONDS is not a positive number: ${process.env.IDLE_SECONDS}`);
    return seconds;
  }
  const response = await fetch(`${baseUrl}/api/public/tenants/${tenant}/sign-in`);
  check(response.ok, `GET /api/public/tenants/${tenant}/sign-in answered ${response.status}; set IDLE_SECONDS`);
  return (await response.json()).idleLockSeconds;
}

/** Every key and value of both web storages of the page's origin. */
function storageOf(page) {
  return page.evaluate(() => {
    const entries = (storage) => Object.keys(storage).map((key) => [key, storage.getItem(key)]);
    return { session: entries(window.sessionStorage), local: entries(window.localStorage) };
  });
}

/** Fails when web storage holds anything that looks like a token. */
async function expectNoTokenStored(page, tokens, when) {
  const { session, local } = await storageOf(page);
  const text = [...session, ...local].flat().join('\n');
  const leaks = [];
  if (text.includes('access_token')) leaks.push('"access_token"');
  if (/eyJ[\w-]+\.eyJ[\w-]+\./.test(text)) leaks.push('a JWT');
  for (const token of tokens) {
    if (token && text.includes(token)) leaks.push('a token the browser received');
  }
  check(leaks.length === 0, `${when}: web storage holds ${leaks.join(', ')} (keys: ${[...session, ...local].map(([k]) => k).join(', ')})`);
}

async function main() {
  const baseUrl = setting('BASE_URL').replace(/\/+$/, '');
  const tenant = setting('TENANT');
  const username = setting('USERNAME');
  const password = setting('PASSWORD');
  const tagName = setting('EXPECT_TAG_NAME');
  const idle = await idleSeconds(baseUrl, tenant);
  const home = `${baseUrl}/t/${tenant}/`;

  const browser = await launchChromium();
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  // What the browser was given, to look for it in storage later.
  const tokens = new Set();
  page.on('request', (request) => {
    const bearer = /^Bearer (.+)$/.exec(request.headers().authorization ?? '');
    if (bearer) tokens.add(bearer[1]);
  });
  page.on('response', async (response) => {
    if (response.url().endsWith('/protocol/openid-connect/token') && response.ok()) {
      const body = await response.json().catch(() => ({}));
      for (const key of ['access_token', 'id_token', 'refresh_token']) if (body[key]) tokens.add(body[key]);
    }
  });

  try {
    const first = await page.goto(home);
    check(first?.ok(), `GET ${home} answered ${first?.status()}`);
    const policy = first.headers()['content-security-policy'] ?? '';
    check(policy.includes("script-src 'self'") && !policy.includes('unsafe-inline'), `weak or missing CSP on ${home}: "${policy}"`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    ok('the sign-in page offers Sign in');

    await passKeycloak(page, username, password);
    const signedInAs = await page.getByText(/^Signed in as /).textContent();
    check(signedInAs.includes(tagName), `expected tag name "${tagName}" in "${signedInAs}"`);
    check(!/[?&#](code|state|session_state)=/.test(page.url()), `the address bar still holds the callback: ${page.url()}`);
    ok(`signed in: "${signedInAs.trim()}"`);

    // Keycloak's session in one library system's realm must sign nobody in at another's.
    const otherTenant = process.env.OTHER_TENANT;
    if (otherTenant) {
      await page.goto(`${baseUrl}/t/${otherTenant}/`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('input#username').waitFor({ timeout: STEP_TIMEOUT_MS });
      check(page.url().includes(`/realms/${otherTenant}/`), `sign-in for ${otherTenant} went to ${page.url()}`);
      check((await page.getByText(/^Signed in as /).count()) === 0, `signed in at ${otherTenant} without a password`);
      ok(`a session in ${tenant} signs nobody in at ${otherTenant}`);
      await page.goto(home);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await passKeycloak(page, username, password);
    }

    check(tokens.size > 0, 'saw no token go by (no token response, no bearer call)');
    await expectNoTokenStored(page, tokens, 'signed in');
    ok('no token in sessionStorage or localStorage');

    console.log(`# waiting ${idle + 2} s without input for the idle lock`);
    await page.waitForTimeout((idle + 2) * 1000);
    await page.getByRole('heading', { name: /^Screen locked after / }).waitFor({ timeout: 5_000 });
    const html = await page.evaluate(() => document.body.innerHTML);
    check(!html.includes(tagName), `the tag name "${tagName}" is still in the page after the lock`);
    await expectNoTokenStored(page, tokens, 'locked');
    ok('the screen locked and the page holds nothing of the session');

    await page.getByRole('button', { name: 'Sign in again' }).click();
    await passKeycloak(page, username, password);
    ok('signed in again from the lock screen');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signed-out(\?.*)?$/, { timeout: STEP_TIMEOUT_MS });
    check(page.url().startsWith(`${home}signed-out`), `signed out to ${page.url()}, not ${home}signed-out`);
    await page.getByRole('link', { name: 'Sign in again' }).waitFor();
    const { session, local } = await storageOf(page);
    check(session.length === 0 && local.length === 0, `storage not empty after sign-out: ${[...session, ...local].map(([k]) => k).join(', ')}`);
    ok('signed out to the signed-out page with empty storage');

    check(problems.length === 0, `the page broke its Content Security Policy: ${problems.join(' | ')}`);
    ok('no Content Security Policy violation');
    console.log(`${passed} passed, 0 failed`);
  } catch (error) {
    await reportFailure(page, 'staff-login', error);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`staff-login: ${error instanceof Failure ? error.message : error?.stack ?? error}`);
  process.exitCode = 1;
});
