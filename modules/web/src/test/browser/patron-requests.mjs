#!/usr/bin/env node
// Browser test of issue 13's path from a patron to the director, against a running ServicePoint and the tenant's
// Keycloak, in the system's headless Chromium (nothing is downloaded). A patron, not signed in, leaves a complaint card
// on a branch's public comment page and asks for a reply by email; the person in charge at that branch's desk (the API
// shows comment cards to persons in charge, headquarters and tenant administrators) finds the card among the comment
// cards and turns it into a complaint citing a policy; the director (who holds the position that handles
// complaints) finds the notice that tells them, opens the complaint and responds by email. The mail to the patron is
// checked by the caller (BrowserIT, GreenMail): the script prints the address and the response's words.
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=rosa PASSWORD=… DIRECTOR_USERNAME=dee [DIRECTOR_PASSWORD=…] \
//     BRANCH=PINE-HOLLOW PATRON_EMAIL=pat@example.org STAMP=… [POLICY=Meeting] [CHROMIUM=/usr/bin/chromium] \
//     node modules/web/src/test/browser/patron-requests.mjs
//
// Exits non-zero with the reason on the first failure, and leaves a screenshot in modules/web/target/.
import { check, expectAccessible, Failure, ok, openByNavigation, runBrowserScript, same, setting, staffSettings, shownProblems, signIn } from './browser-kit.mjs';

/** The public page asks for a few seconds between showing the form and taking it (a time check instead of a captcha). */
const FORM_PAUSE_MS = 4_000;

/** Waits for something the screen should show, failing with what it shows instead. */
async function expectShown(page, locator, what) {
  try {
    await locator.waitFor();
  } catch {
    throw new Failure(`${what}${await shownProblems(page)}`);
  }
}

/** The patron's part: the public page, no sign-in, no cookie; answers the reference the thank-you page gives. */
async function leaveCard(run, baseUrl, tenant, branch, email, words) {
  const { page, context } = await run.newPage();
  const url = `${baseUrl}/p/${tenant}/${branch.toLowerCase()}/comment`;
  const first = await page.goto(url);
  check(first?.ok(), `GET ${url} answered ${first?.status()}`);
  const policy = first.headers()['content-security-policy'] ?? '';
  check(/default-src 'none'|script-src 'none'/.test(policy) || !policy.includes('unsafe-inline'), `weak CSP on the public page: "${policy}"`);
  check((await context.cookies()).length === 0, 'the public page set a cookie');
  await page.getByRole('heading', { level: 1 }).waitFor();
  ok(`the public comment page of ${branch} opens without a sign-in or a cookie`);
  await expectAccessible(page, 'the public comment page');
  const shownAt = Date.now();

  // By keyboard, as a patron with a screen reader would: the kind, the words, "you may reply", the address.
  await page.getByRole('radio', { name: 'A complaint' }).focus();
  await page.keyboard.press('Space');
  check(await page.getByRole('radio', { name: 'A complaint' }).isChecked(), 'Space did not choose "A complaint"');
  await page.getByLabel(/^Your comment/).fill(words);
  await page.getByRole('checkbox', { name: /you may reply/ }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel(/^Your name/).fill('Pat Patron');
  await page.getByLabel(/^Email address/).fill(email);
  await page.waitForTimeout(Math.max(0, FORM_PAUSE_MS - (Date.now() - shownAt)));
  await page.getByRole('button', { name: 'Send', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/thanks\?ref=/);
  const reference = /K-\d{4}-\d+/.exec(await page.locator('main').innerText())?.[0];
  check(reference !== undefined, `the thank-you page gives no reference: "${same(await page.locator('main').innerText())}"`);
  check((await context.cookies()).length === 0, 'the thank-you page set a cookie');
  ok(`the patron left a complaint card and was given the reference ${reference}`);
  await expectAccessible(page, 'the thank-you page');
  await context.close();
  return reference;
}

/** The desk's part: the card among the comment cards, turned into a complaint citing a policy. */
async function turnIntoComplaint(run, home, username, password, card, policyWords) {
  const { page, context } = await run.newPage();
  await signIn(page, home, username, password);
  ok(`${username} signed in`);
  await openByNavigation(page, 'Comment cards', 'comment-cards', home);
  const link = page.getByRole('table', { name: /comment cards?$/ }).getByRole('link', { name: card, exact: true });
  await expectShown(page, link, `card ${card} is not among the comment cards`);
  await expectAccessible(page, 'the comment cards with their counts and the poster');
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Comment card ${card}` }).waitFor();

  const form = page.getByRole('region', { name: 'Turn it into a complaint' });
  const select = form.getByLabel(/^The policy it concerns/);
  const choice = select.locator('option:not([value=""])', { hasText: new RegExp(policyWords, 'i') }).first();
  try {
    await choice.waitFor({ state: 'attached' });
  } catch {
    throw new Failure(`no policy like "${policyWords}" to cite: ${same(await select.innerText())}`);
  }
  const policyTitle = same(await choice.innerText());
  await select.selectOption(await choice.getAttribute('value'));
  await form.getByRole('button', { name: 'Make it a complaint' }).focus();
  await page.keyboard.press('Enter');
  const made = page.locator('p.notice', { hasText: /^Complaint C-\d{4}-\d+ made from this card/ });
  await expectShown(page, made, 'the card was not turned into a complaint');
  const complaint = /C-\d{4}-\d+/.exec(await made.innerText())[0];
  ok(`${username} turned ${card} into complaint ${complaint} citing "${policyTitle}"`);
  await expectAccessible(page, 'a comment card turned into a complaint');
  await context.close();
  return complaint;
}

/** The director's part: told by a notice, opens the complaint, responds by email. */
async function respond(run, home, username, password, complaint, words) {
  const { page, context } = await run.newPage();
  await signIn(page, home, username, password);
  ok(`${username} (the director) signed in`);
  const button = page.getByRole('button', { name: /^Notices \(\d+\)$/ });
  await button.click();
  const notice = page.locator('.notice-list .notice-text', { hasText: complaint });
  await expectShown(page, notice.first(), `no notice tells ${username} of ${complaint}`);
  ok(`${username} is told: "${same(await notice.first().innerText())}"`);
  await page.getByRole('button', { name: /^Close/ }).first().click().catch(() => {});

  await openByNavigation(page, 'Complaints', 'complaints', home);
  const row = page.locator('.complaint-table tbody tr', { hasText: complaint });
  await expectShown(page, row, `${complaint} is not among the complaints`);
  check(!/Not yet/.test(await row.locator('td').nth(5).innerText()), `the list does not say when the director was told of ${complaint}`);
  await expectAccessible(page, 'the complaints');
  await row.getByRole('link', { name: complaint }).click();
  await page.getByRole('heading', { level: 1, name: `Complaint ${complaint}` }).waitFor();
  await expectAccessible(page, 'a complaint with its follow-ups and history');

  const form = page.getByRole('region', { name: 'Respond to the patron' });
  await form.getByLabel(/^How you answer/).selectOption('email');
  await form.getByLabel(/^The answer/).fill(words);
  await form.getByRole('button', { name: 'Record the response' }).focus();
  await page.keyboard.press('Enter');
  const done = page.locator('p.notice', { hasText: 'Response recorded (By email).' });
  await expectShown(page, done, 'the response was not recorded');
  await page.getByRole('region', { name: 'Response to the patron' }).waitFor();
  const facts = same(await page.locator('.complaint-detail .facts').innerText());
  check(/State\s*Responded/.test(facts) && !/Director opened it\s*Not yet/.test(facts), `after the response the complaint reads: "${facts}"`);
  ok(`${username} responded to ${complaint} by email; it shows when the director opened it`);

  // The other new screens, each checked with axe as it opens.
  for (const [name, path, ready] of [
    ['Patron requests', 'patron-requests', '.overview-branches'],
    ['Reconsiderations', 'reconsiderations', '.reconsideration-table'],
    ['Record a complaint', 'record-complaint', '#complaint-policy'],
  ]) {
    await openByNavigation(page, name, path, home);
    await expectShown(page, page.locator(ready), `"${name}" does not show ${ready}`);
    await expectAccessible(page, `"${name}"`);
  }
  await context.close();
}

async function main(run) {
  const { baseUrl, tenant, username, password, home } = staffSettings();
  const director = setting('DIRECTOR_USERNAME');
  const directorPassword = setting('DIRECTOR_PASSWORD', password);
  const branch = setting('BRANCH', 'PINE-HOLLOW');
  const email = setting('PATRON_EMAIL');
  const stamp = setting('STAMP', String(Date.now()));
  const policyWords = setting('POLICY', '.');
  const started = Date.now();

  const card = await leaveCard(run, baseUrl, tenant, branch, email, `The meeting room was given away twice ${stamp}`);
  const complaint = await turnIntoComplaint(run, home, username, password, card, policyWords);
  await respond(run, home, director, directorPassword, complaint, `We are sorry: the room is yours next week ${stamp}`);
  console.log(`# patron mail expected at ${email} with "${stamp}"`);
  console.log(`# timing: card, complaint and response ${Date.now() - started} ms`);
}

runBrowserScript('patron-requests', main);
