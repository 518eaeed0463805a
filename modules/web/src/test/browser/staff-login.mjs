#!/usr/bin/env node
// Browser test of staff sign-in, the idle lock and sign-out, against a running ServicePoint and the
// tenant's Keycloak, in the system's headless Chromium (nothing is downloaded). The lock must hold against a
// reload, a new tab and the back button: each asks for the password again, and Keycloak's session has ended.
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=ada PASSWORD=… EXPECT_TAG_NAME=Ada \
//     OTHER_TENANT=lakeview-law [IDLE_SECONDS=300] [CHROMIUM=/usr/bin/chromium] \
//     node modules/web/src/test/browser/staff-login.mjs
//
// IDLE_SECONDS defaults to the tenant's idleLockSeconds from the sign-in configuration (use a tenant whose
// lock is seconds, not minutes). Exits non-zero with the reason on the first failure, and leaves a screenshot
// in modules/web/target/.
import { check, expectAccessible, expectPasswordPage, Failure, ok, passKeycloak, runBrowserScript, setting, staffSettings, STEP_TIMEOUT_MS } from './browser-kit.mjs';

async function signInConfig(baseUrl, tenant) {
  const response = await fetch(`${baseUrl}/api/public/tenants/${tenant}/sign-in`);
  check(response.ok, `GET /api/public/tenants/${tenant}/sign-in answered ${response.status}`);
  const config = await response.json();
  if (process.env.IDLE_SECONDS) {
    const seconds = Number(process.env.IDLE_SECONDS);
    check(Number.isFinite(seconds) && seconds > 0, `IDLE_SECONDS is not a positive number: ${process.env.IDLE_SECONDS}`);
    config.idleLockSeconds = seconds;
  }
  return config;
}

/**
 * Whether Keycloak still has a session for this browser: asks its authorization endpoint with prompt=none (never a
 * login page) using the browser context's cookies, and reads where it would send the browser back to.
 */
async function keycloakSession(context, config, home) {
  const query = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: `${home}callback`,
    response_type: 'code',
    scope: 'openid',
    prompt: 'none',
    state: 'session-probe',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
  const answer = await context.request.get(`${config.authority}/protocol/openid-connect/auth?${query}`, { maxRedirects: 0 });
  const location = answer.headers().location ?? '';
  if (/[?&#]code=/.test(location)) return 'alive';
  if (/[?&#]error=login_required/.test(location)) return 'ended';
  throw new Failure(`the session probe got ${answer.status()} to "${location}"`);
}

/** Opens the app, presses Sign in, and fails unless Keycloak's password page is shown (the page stays there). */
async function signInAsksForPassword(page, url, when) {
  if (url) await page.goto(url);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectPasswordPage(page, when);
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

async function main(run) {
  const { baseUrl, tenant, username, password, home } = staffSettings();
  const tagName = setting('EXPECT_TAG_NAME');
  const otherTenant = setting('OTHER_TENANT');
  const config = await signInConfig(baseUrl, tenant);
  const idle = config.idleLockSeconds;

  const { context, page } = await run.newPage();
  // What the browser was given, to look for it in storage later.
  const tokens = new Set();
  context.on('request', (request) => {
  const bearer = /^Bearer (.+)$/.exec(request.headers().authorization ?? '');
  if (bearer) tokens.add(bearer[1]);
  });
  context.on('response', async (response) => {
  if (response.url().endsWith('/protocol/openid-connect/token') && response.ok()) {
    const body = await response.json().catch(() => ({}));
    for (const key of ['access_token', 'id_token', 'refresh_token']) if (body[key]) tokens.add(body[key]);
  }
  });

  const first = await page.goto(home);
  check(first?.ok(), `GET ${home} answered ${first?.status()}`);
  const policy = first.headers()['content-security-policy'] ?? '';
  check(policy.includes("script-src 'self'") && !policy.includes('unsafe-inline'), `weak or missing CSP on ${home}: "${policy}"`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  await expectAccessible(page, 'the sign-in page');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  ok('the sign-in page offers Sign in');

  await passKeycloak(page, username, password);
  const signedInAs = await page.getByText(/^Signed in as /).textContent();
  check(signedInAs.includes(tagName), `expected tag name "${tagName}" in "${signedInAs}"`);
  check(!/[?&#](code|state|session_state)=/.test(page.url()), `the address bar still holds the callback: ${page.url()}`);
  check((await keycloakSession(context, config, home)) === 'alive', 'Keycloak has no session right after signing in');
  ok(`signed in: "${signedInAs.trim()}"`);

  // Keycloak's session in one library system's realm must sign nobody in at another's (a tab of its own).
  await run.inNewTab(page, async (tab) => {
    await tab.goto(`${baseUrl}/t/${otherTenant}/`);
    await tab.getByRole('button', { name: 'Sign in', exact: true }).click();
    await tab.locator('input#username').waitFor({ timeout: STEP_TIMEOUT_MS });
    check(tab.url().includes(`/realms/${otherTenant}/`), `sign-in for ${otherTenant} went to ${tab.url()}`);
    check((await tab.getByText(/^Signed in as /).count()) === 0, `signed in at ${otherTenant} without a password`);
  });
  ok(`a session in ${tenant} signs nobody in at ${otherTenant}`);

  // The desk stays in use past the idle time: the lock does not fire, Keycloak's session lives on, and yet a new
  // tab is asked for the password, because the last one was typed longer ago than the idle time (max_age).
  console.log(`# working ${idle + 2} s in the first tab`);
  const busyUntil = Date.now() + (idle + 2) * 1000;
  while (Date.now() < busyUntil) {
    await page.keyboard.press('Shift');
    await page.waitForTimeout(500);
  }
  check((await page.getByText(/^Signed in as /).count()) === 1, 'the first tab locked although it was in use');
  check((await keycloakSession(context, config, home)) === 'alive', 'Keycloak ended the session of a desk in use');
  await run.inNewTab(page, async (tab) => {
    await signInAsksForPassword(tab, home, 'a new tab after the idle time');
    await passKeycloak(tab, username, password);
  });
  ok(`a new tab ${idle + 2} s after the password was typed asks for it again`);

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
  await expectAccessible(page, 'the locked screen');

  // The lock ended Keycloak's session too (in the background; allow it a moment).
  let session = await keycloakSession(context, config, home);
  for (let tries = 0; session === 'alive' && tries < 10; tries++) {
    await page.waitForTimeout(500);
    session = await keycloakSession(context, config, home);
  }
  check(session === 'ended', "Keycloak's single sign-on session outlived the idle lock");
  ok("the lock ended Keycloak's session: its cookie signs nobody in");

  await page.reload();
  await signInAsksForPassword(page, null, 'a reload after the lock');
  check(await page.locator('input#username').isEditable(), 'after the lock Keycloak still knows who was signed in');
  ok('a reload after the lock asks for the user name and password');

  await page.goBack();
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  check((await page.getByText(/^Signed in as /).count()) === 0, 'the back button brought the signed-in screen back');
  await signInAsksForPassword(page, null, 'the back button after the lock');
  ok('the back button after the lock shows no session and asks for the password');

  await run.inNewTab(page, async (tab) => {
    await signInAsksForPassword(tab, home, 'a new tab after the lock');
  });
  ok('a new tab after the lock asks for the password');

  await passKeycloak(page, username, password);
  ok('signed in again with the password');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signed-out(\?.*)?$/, { timeout: STEP_TIMEOUT_MS });
  check(page.url().startsWith(`${home}signed-out`), `signed out to ${page.url()}, not ${home}signed-out`);
  await page.getByRole('link', { name: 'Sign in again' }).waitFor();
  const { session: kept, local } = await storageOf(page);
  check(kept.length === 0 && local.length === 0, `storage not empty after sign-out: ${[...kept, ...local].map(([k]) => k).join(', ')}`);
  ok('signed out to the signed-out page with empty storage');
  await expectAccessible(page, 'the signed-out page');
}

runBrowserScript('staff-login', main);
