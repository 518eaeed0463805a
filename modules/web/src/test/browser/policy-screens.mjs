#!/usr/bin/env node
// Browser test of the policy screens, against a running ServicePoint and the tenant's Keycloak, in the system's
// headless Chromium (nothing is downloaded). Headquarters first reads the consistency report; then a desk staff member
// searches the policies for a word by keyboard, opens the flexible policy found, and records an exception approved by
// a person whose position may grant it, telling the patron it is a one-time exception; then headquarters, signed in
// again, finds one more exception against that policy in the report.
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=sam PASSWORD=… HQ_USERNAME=dee [HQ_PASSWORD=…] \
//     [SEARCH=fine] [APPROVER=Rosa] [CHROMIUM=/usr/bin/chromium] node modules/web/src/test/browser/policy-screens.mjs
//
// USERNAME must be desk staff with a home branch, HQ_USERNAME someone at headquarters, APPROVER the tag name of a
// person on the roster whose position may approve exceptions to the policy found. Exits non-zero with the reason on
// the first failure, and leaves a screenshot in modules/web/target/.
import { check, expectAccessible, Failure, ok, openByNavigation, runBrowserScript, same, setting, staffSettings, shownProblems, signIn } from './browser-kit.mjs';

/**
 * Headquarters' report as it opens: the count of exceptions per policy title. Read in a browser context of its own,
 * before or after the desk's, never between the desk's steps (the idle lock would end the desk's screen meanwhile).
 */
async function exceptionsInReport(run, home, username, password) {
  const { page, context } = await run.newPage();
  await signIn(page, home, username, password);
  await openByNavigation(page, 'Policy exceptions report', 'policy-report', home);
  const table = page.getByRole('table', { name: 'Exceptions per policy' });
  try {
    await table.waitFor();
  } catch {
    throw new Failure(`no report for headquarters${await shownProblems(page)}`);
  }
  const counts = new Map();
  for (const row of await table.locator('tbody tr').all()) {
    // The total is the cell before the last ("Candidate for change").
    const cells = row.locator('td');
    counts.set(same(await row.locator('th').innerText()), Number(same(await cells.nth((await cells.count()) - 2).innerText())));
  }
  await expectAccessible(page, 'the consistency report');
  await context.close();
  return counts;
}

async function main(run) {
  const { username, password, home } = staffSettings();
  const hqUsername = setting('HQ_USERNAME');
  const hqPassword = setting('HQ_PASSWORD', password);
  const words = setting('SEARCH', 'fine');
  const approver = setting('APPROVER', 'Rosa');
  const stamp = Date.now();
  const started = Date.now();

  // Headquarters' report before.
  const before = await exceptionsInReport(run, home, hqUsername, hqPassword);
  ok(`headquarters' report lists exceptions against ${before.size} polic${before.size === 1 ? 'y' : 'ies'}`);

  // The desk searches and opens the policy.
  const desk = await run.newPage();
  const page = desk.page;
  await signIn(page, home, username, password);
  ok(`${username} signed in`);
  await openByNavigation(page, 'Policies', 'policies', home);
  const box = page.getByRole('searchbox', { name: /^Search words/ });
  await box.focus();
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  const found = page.getByRole('table', { name: new RegExp(`match(es)? “${words}”$`) });
  try {
    await found.waitFor();
  } catch {
    throw new Failure(`no results for "${words}"${await shownProblems(page)}`);
  }
  const flexible = found.locator('tbody tr', { hasText: 'Flexible — exceptions within limits' }).first();
  check((await flexible.count()) === 1, `no flexible policy among the results for "${words}": "${same(await found.innerText())}"`);
  const link = flexible.getByRole('link');
  const title = same(await link.innerText());
  const marked = await flexible.locator('.policy-snippet mark').allInnerTexts();
  ok(`"${words}" finds the flexible policy "${title}"${marked.length ? `, its matched words marked: ${marked.join(', ')}` : ''}`);
  await expectAccessible(page, 'the policy search');

  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const rule = page.getByRole('region', { name: 'Exceptions allowed within limits' });
  await rule.waitFor();
  ok(`the policy shows its limits: "${same(await rule.innerText()).slice(0, 120)}"`);
  check((await page.getByRole('region', { name: 'Why we have it' }).count()) === 1, 'the policy does not say why we have it');

  const form = page.getByRole('region', { name: 'Record an exception' });
  await form.getByLabel(/^What the patron asked for/).fill(`Waive the overdue fine on a returned book ${stamp}`);
  await form.getByLabel(/^What was granted/).fill('Waived the fine once');
  const select = form.getByLabel(/^Approved by/);
  const choice = select.locator('option', { hasText: new RegExp(`^${approver} \\(`) });
  try {
    await choice.first().waitFor({ state: 'attached' });
  } catch {
    throw new Failure(`${approver} is not offered as an approver: ${same(await select.innerText())}`);
  }
  await select.selectOption(await choice.first().getAttribute('value'));
  const told = form.getByRole('checkbox', { name: /one-time exception/ });
  await told.focus();
  await page.keyboard.press('Space');
  check(await told.isChecked(), 'Space did not tick "I told the patron this is a one-time exception"');
  await form.getByRole('button', { name: 'Record the exception' }).focus();
  await page.keyboard.press('Enter');
  const recorded = page.locator('p.notice', { hasText: `Exception recorded, approved by ${approver}` });
  try {
    await recorded.waitFor();
  } catch {
    throw new Failure(`the exception was not recorded${await shownProblems(page)}`);
  }
  check((await form.getByLabel(/^What the patron asked for/).inputValue()) === '', 'the form still holds what was asked after recording');
  ok(`recorded: "${same(await recorded.innerText())}"`);
  // Checked once recorded, so the desk's steps from the search to the button stay within the run's short idle lock.
  await expectAccessible(page, 'a flexible policy with its exception recorded');
  await desk.context.close();

  // Headquarters sees it.
  const after = (await exceptionsInReport(run, home, hqUsername, hqPassword)).get(title) ?? 0;
  const expected = (before.get(title) ?? 0) + 1;
  check(after === expected, `headquarters' report shows ${after} exception(s) against "${title}", not ${expected}`);
  ok(`headquarters' report now shows ${after} exception(s) against "${title}", one more than before`);

  console.log(`# timing: search, exception and two reports ${Date.now() - started} ms`);
}

runBrowserScript('policy-screens', main);
