#!/usr/bin/env node
// Browser test of a new staff account, against a running ServicePoint, the tenant's Keycloak and its mail, in the
// system's headless Chromium (nothing is downloaded). The tenant administrator has put someone on the roster who may
// sign in; the invitation Keycloak mailed them holds INVITATION_LINK. The person opens it, sets a password on
// Keycloak's own page, signs in to the app in a fresh browser, chooses the name on their tag on "My name tag" and
// sees it there; axe checks the screen.
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=ivy.q PASSWORD=<new password> INVITATION_LINK=… \
//     TAG_NAME='Ivy Ñ' [CHROMIUM=/usr/bin/chromium] node modules/web/src/test/browser/accounts.mjs
//
// Exits non-zero with the reason on the first failure, and leaves a screenshot in modules/web/target/.
import { check, expectAccessible, Failure, ok, openByNavigation, runBrowserScript, same, shownProblems, signIn, setting, staffSettings, STEP_TIMEOUT_MS } from './browser-kit.mjs';

/** Keycloak's pages for the invitation: an optional "proceed" step, then the new password twice. */
async function setPassword(page, link, password) {
  await page.goto(link);
  const newPassword = page.locator('#password-new');
  const proceed = page.getByRole('link', { name: /proceed/i });
  await newPassword.or(proceed).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  if (await proceed.isVisible()) {
    await proceed.click();
  }
  await newPassword.waitFor();
  ok(`the invitation opens Keycloak's page to set a password ("${same(await page.title())}")`);
  await newPassword.fill(password);
  await page.locator('#password-confirm').fill(password);
  await page.locator('input[type=submit], button[type=submit]').first().click();
  // Keycloak either says so on its own page or sends the browser back to the app (signed in or not yet).
  const done = page.getByText(/account has been updated/i)
    .or(page.getByText(/^Signed in as /))
    .or(page.getByRole('button', { name: 'Sign in', exact: true }));
  try {
    await done.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch {
    const error = await page.locator('#input-error, .kc-feedback-text, [role=alert]').first().textContent().catch(() => null);
    throw new Failure(`no confirmation after setting the password (at ${page.url()})${error ? `: ${error.trim()}` : ''}`);
  }
  ok('the password is set');
}

async function main(run) {
  const { username, password, home } = staffSettings();
  const link = setting('INVITATION_LINK');
  const tagName = setting('TAG_NAME');
  check(link.includes('/login-actions/action-token?key='), `not a Keycloak action link: ${link}`);

  const invited = await run.newPage();
  await setPassword(invited.page, link, password);
  await invited.context.close();

  // A fresh browser, as on the next day at the desk: Keycloak asks for the password just set.
  const { page } = await run.newPage();
  await signIn(page, home, username, password);
  ok(`${username} signed in with the password they chose`);

  await openByNavigation(page, 'My name tag', 'my-name-tag', home);
  const shown = page.locator('#my-tag-name');
  await shown.waitFor();
  ok(`My name tag shows "${same(await shown.innerText())}"`);
  await expectAccessible(page, 'My name tag');

  await page.getByLabel(/^Name on my tag/).fill(tagName);
  await page.getByRole('button', { name: 'Save my tag name' }).focus();
  await page.keyboard.press('Enter');
  try {
    await page.locator('#my-tag-name', { hasText: tagName }).waitFor();
  } catch {
    throw new Failure(`the tag does not show "${tagName}"${await shownProblems(page)}`);
  }
  check(same(await shown.innerText()) === same(tagName), `the tag shows "${await shown.innerText()}", not "${tagName}"`);
  ok(`the name tag now says "${tagName}"`);
  await expectAccessible(page, 'My name tag after saving');
}

await runBrowserScript('accounts.mjs', main);
