#!/usr/bin/env node
// Browser test of the call-back screens, against a running ServicePoint and the tenant's Keycloak, in the system's
// headless Chromium (nothing is downloaded). A desk staff member goes from home's call-back card to the queue by
// keyboard, offers a call-back, takes it, reads how to reach the patron, and records the call as done; axe checks home
// and the queue.
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=sam PASSWORD=… [CHROMIUM=/usr/bin/chromium] \
//     node modules/web/src/test/browser/call-back-screens.mjs
//
// USERNAME must be desk staff with a home branch. Exits non-zero with the reason on the first failure, and leaves a
// screenshot in modules/web/target/.
import { check, expectAccessible, Failure, ok, runBrowserScript, same, shownProblems, signIn, staffSettings } from './browser-kit.mjs';

async function main(run) {
  const { username, password, home } = staffSettings();
  const phone = `555-01${String(Date.now() % 100).padStart(2, '0')}`;
  const question = `Is the large-print atlas back yet? ${Date.now()}`;
  const { page } = await run.newPage();
  await signIn(page, home, username, password);
  ok(`${username} signed in`);

  const card = page.getByRole('region', { name: 'Call-backs' });
  await card.getByText(/overdue/).first().waitFor();
  ok(`home's card: "${same(await card.innerText()).slice(0, 160)}"`);
  await expectAccessible(page, 'home with the call-back card');
  const open = card.getByRole('link', { name: 'Open the call-back queue' });
  await open.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${home}call-backs`);
  await page.getByRole('heading', { level: 1, name: 'Call-back queue' }).waitFor();

  const form = page.getByRole('region', { name: 'Offer a call-back' });
  await form.getByLabel(/^What the patron asked/).fill(question);
  await form.getByLabel(/^Phone/).fill(phone);
  await form.getByRole('button', { name: 'Offer the call-back' }).focus();
  await page.keyboard.press('Enter');
  const offered = page.locator('p.notice', { hasText: /^Call-back B-\d{4}-\d{4,} offered; due / });
  try {
    await offered.waitFor();
  } catch {
    throw new Failure(`the call-back was not offered${await shownProblems(page)}`);
  }
  const reference = /B-\d{4}-\d{4,}/.exec(await offered.innerText())[0];
  ok(`offered: "${same(await offered.innerText())}"`);

  const item = page.locator('li', { has: page.getByRole('heading', { level: 3, name: reference }) });
  await item.getByRole('button', { name: `Take ${reference}` }).focus();
  await page.keyboard.press('Enter');
  await page.locator('p.notice', { hasText: `You took ${reference}.` }).waitFor();
  await item.getByRole('button', { name: `How to reach the patron of ${reference}` }).focus();
  await page.keyboard.press('Enter');
  await item.getByText(phone, { exact: true }).waitFor();
  ok(`${reference} taken, and the patron's phone shown to make the call`);
  await expectAccessible(page, 'the call-back queue');

  await item.getByLabel('How the call went').selectOption('done');
  await item.getByRole('button', { name: `Record the call for ${reference}` }).focus();
  await page.keyboard.press('Enter');
  await page.locator('p.notice', { hasText: `The call for ${reference} was recorded.` }).waitFor();
  await page.getByRole('heading', { level: 3, name: reference }).waitFor({ state: 'detached' });
  check((await page.getByText(question).count()) === 0, 'the question shows on the queue');
  ok(`${reference} recorded done and gone from the queue`);
}

runBrowserScript('call-back-screens', main);
