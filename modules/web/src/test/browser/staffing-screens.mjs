#!/usr/bin/env node
// Browser test of the staffing screens: who is in charge, escalating in two clicks, the roster and the week
// schedule, against a running ServicePoint and the tenant's Keycloak, in the system's headless Chromium
// (nothing is downloaded). The data (roster, shifts) is created through the API beforehand: EXPECT_IN_CHARGE is on
// duty this week at the signed-in person's branch, and USERNAME keeps the roster (prints name tags).
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=ada PASSWORD=… \
//   EXPECT_IN_CHARGE=Bea EXPECT_ROSTER_NAME=José EXPECT_DECIDES=Bea \
//     [CHROMIUM=/usr/bin/chromium] node modules/web/src/test/browser/staffing-screens.mjs
//
// Exits non-zero with the reason on the first failure, and leaves a screenshot in modules/web/target/.
import { readFileSync } from 'node:fs';
import { check, expectAccessible, Failure, ok, runBrowserScript, same, setting, staffSettings, shownProblems, signIn } from './browser-kit.mjs';

async function main(run) {
  const { tenant, username, password, home } = staffSettings();
  const expectInCharge = same(setting('EXPECT_IN_CHARGE'));
  const expectRosterName = same(setting('EXPECT_ROSTER_NAME'));
  const expectDecides = same(setting('EXPECT_DECIDES'));

  const { page } = await run.newPage();
  const escalations = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === `/api/tenants/${tenant}/escalations`) {
      escalations.push(request);
    }
  });

  await signIn(page, home, username, password);
  ok('signed in');

  // Who is in charge: the live widget on the home screen.
  const widget = page.getByRole('region', { name: 'Who is in charge' });
  const answer = widget.getByText(/^(In charge now:|Nobody here may be in charge now)/);
  try {
    await answer.waitFor();
  } catch {
    throw new Failure(`the in-charge widget gave no answer${await shownProblems(page)}`);
  }
  const inCharge = same(await answer.textContent());
  check(inCharge.startsWith('In charge now:') && inCharge.includes(expectInCharge), `expected "${expectInCharge}" in charge, the widget says "${inCharge}"`);
  ok(`the home screen says "${inCharge}"`);
  await expectAccessible(page, 'the home screen');

  // Escalate in two clicks: the button, then the situation.
  const toggle = page.getByRole('button', { name: 'Escalate', exact: true });
  await toggle.click();
  const situation = page.getByRole('button', { name: /^A difficult/ });
  try {
    await situation.waitFor();
  } catch {
    throw new Failure(`no situation starting with "A difficult" in the list${await shownProblems(page)}`);
  }
  await situation.click();
  const result = page.getByRole('region', { name: 'Escalate a situation' }).getByRole('status');
  try {
    await result.getByText(/^Escalated: /).waitFor();
  } catch {
    throw new Failure(`no escalation result announced${await shownProblems(page)}`);
  }
  const announced = same(await result.innerText());
  check((await result.getAttribute('aria-live')) === 'polite', 'the escalation result is not in a polite live region');
  check(announced.includes(expectDecides), `expected "${expectDecides}" to decide, the result says "${announced}"`);
  check(/ decides|Headquarters decides/.test(announced), `the result names nobody who decides: "${announced}"`);
  check(escalations.length === 1, `two clicks sent ${escalations.length} escalations, not 1`);
  check((await toggle.getAttribute('aria-expanded')) === 'false', 'the situation list stayed open after escalating');
  ok(`escalated in two clicks: "${announced}"`);

  // The roster, by the main navigation (no reload: the session lives in memory only).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roster', exact: true }).click();
  await page.waitForURL(`${home}roster`);
  await page.getByRole('heading', { level: 1, name: 'Roster' }).waitFor();
  try {
    await page.getByRole('table').getByRole('rowheader').first().waitFor();
  } catch {
    throw new Failure(`the roster shows no one${await shownProblems(page)}`);
  }
  const names = (await page.getByRole('table').getByRole('rowheader').allInnerTexts()).map(same);
  check(names.includes(expectRosterName), `"${expectRosterName}" is not on the roster (${names.length} names: ${names.slice(0, 20).join(', ')})`);
  ok(`the roster lists "${expectRosterName}" among ${names.length}`);
  await expectAccessible(page, 'the roster');

  // Name tags, for those who keep the roster (USERNAME must be one): fetched with the token, handed over as a download.
  const print = page.getByRole('button', { name: 'Print name tags' });
  try {
    await print.waitFor();
  } catch {
    throw new Failure(`no "Print name tags" for ${username}, who keeps the roster${await shownProblems(page)}`);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), print.click()]);
  const file = await download.path();
  const head = file ? readFileSync(file).subarray(0, 5).toString('latin1') : '';
  check(head === '%PDF-', `the name tags download is not a PDF (${download.suggestedFilename()} starts "${head}")`);
  check(download.url().startsWith('blob:'), `the name tags came from ${download.url()}, not from a blob the app made`);
  ok(`the name tags downloaded as ${download.suggestedFilename()}`);

  // The week schedule of the signed-in person's branch: the shift made beforehand for the person in charge is a duty.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule', exact: true }).click();
  await page.waitForURL(`${home}schedule`);
  await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
  const duty = page.locator('table.desk-grid .duty').filter({ hasText: expectInCharge });
  try {
    await duty.first().waitFor();
  } catch {
    const grids = await page.locator('table.desk-grid').count();
    throw new Failure(`the schedule shows no duty of "${expectInCharge}" (${grids} desk grid(s), `
      + `${await page.locator('table.desk-grid .duty').count()} duties)${await shownProblems(page)}`);
  }
  await expectAccessible(page, 'the schedule');
  ok(`the schedule shows ${await duty.count()} duty cell(s) of "${expectInCharge}": "${same(await duty.first().innerText())}"`);
}

runBrowserScript('staffing-screens', main);
