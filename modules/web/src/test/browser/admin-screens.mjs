#!/usr/bin/env node
// Browser test of the tenant administration screens, against a running ServicePoint and the tenant's Keycloak, in the
// system's headless Chromium (nothing is downloaded). A tenant administrator finds the screens in the navigation's
// "Administration" group, adds a branch with a desk, its weekly hours and a closure next week, previews the plan,
// applies it, and finds the branch in the live configuration and on the schedule (read from the API), its hours and
// its closure included; axe checks every screen on the way.
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=dee PASSWORD=… [TIME_ZONE=America/Chicago] \
//     [CHROMIUM=/usr/bin/chromium] node modules/web/src/test/browser/admin-screens.mjs
//
// USERNAME must be a tenant administrator at headquarters. Exits non-zero with the reason on the first failure, and
// leaves a screenshot in modules/web/target/.
import {
  check,
  expectAccessible,
  Failure,
  ok,
  openByNavigation,
  runBrowserScript,
  same,
  setting,
  shownProblems,
  signIn,
  staffSettings,
} from './browser-kit.mjs';

/** Next week's Wednesday on the library system's calendar: a day the new branch opens, shown by "Next week". */
function daysOn(timeZone) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const start = new Date(`${today}T00:00:00Z`);
  const monday = (start.getUTCDay() + 6) % 7;
  const nextWednesday = new Date(start.getTime() + (7 - monday + 2) * 86_400_000);
  return { nextWednesday: nextWednesday.toISOString().slice(0, 10) };
}

async function press(locator, page) {
  await locator.focus();
  await page.keyboard.press('Enter');
}

async function main(run) {
  const { username, password, home } = staffSettings();
  const timeZone = setting('TIME_ZONE', 'America/Chicago');
  const suffix = String(Date.now() % 100_000).padStart(5, '0');
  const code = `ORCH-${suffix}`;
  const name = `Orchard Hill ${suffix}`;
  const reason = `Staff training day ${suffix}`;
  const { nextWednesday } = daysOn(timeZone);
  const { page } = await run.newPage();
  await signIn(page, home, username, password);
  ok(`${username} signed in`);

  // The navigation: the desk's group first, the administration screens in a group of their own.
  const nav = page.getByRole('navigation', { name: 'Main' });
  const groups = (await nav.locator('.nav-group-name').allInnerTexts()).map(same);
  check(groups[0] === 'At the desk' && groups.at(-1) === 'Administration', `the navigation's groups are ${groups.join(', ')}`);
  const admin = nav.getByRole('list', { name: 'Administration' });
  const adminLinks = (await admin.getByRole('link').allInnerTexts()).map(same);
  for (const link of ['Branches and desks', 'Opening hours', 'Closures and short days', 'Positions and chain of command', 'Library system settings']) {
    check(adminLinks.includes(link), `"${link}" is not in the Administration group (${adminLinks.join(', ')})`);
  }
  check((await nav.getByRole('list', { name: 'At the desk' }).getByRole('link', { name: 'Home', exact: true }).count()) === 1, 'Home is not in the desk group');
  ok(`the navigation is grouped: ${groups.join(' / ')}; administration: ${adminLinks.join(', ')}`);

  // A branch with a desk.
  await openByNavigation(page, 'Branches and desks', 'admin-branches', home);
  try {
    await page.locator('table.admin-branches tbody tr').first().waitFor();
  } catch {
    throw new Failure(`the branches are not shown${await shownProblems(page)}`);
  }
  await expectAccessible(page, '"Branches and desks"');
  await press(page.getByRole('button', { name: 'Add a branch' }), page);
  const branchForm = page.getByRole('region', { name: 'New branch' });
  await branchForm.getByLabel(/^Code/).first().waitFor();
  await page.keyboard.type(code.toLowerCase());
  await branchForm.getByLabel(/^Name \(required\)/).fill(name);
  await branchForm.getByLabel('Address').fill('12 Orchard Lane, Pine Hollow, MS 39991');
  await branchForm.getByLabel('Phone').fill('+1 601-555-0177');
  await press(branchForm.getByRole('button', { name: 'Add a desk' }), page);
  await page.keyboard.type('circulation');
  await branchForm.getByLabel(/^Name of desk 1/).fill('Circulation Desk');
  check((await branchForm.getByLabel(/^Code \(required\)/).inputValue()) === code, `the code reads "${await branchForm.getByLabel(/^Code \(required\)/).inputValue()}"`);
  ok(`branch ${code} "${name}" with its circulation desk in the draft`);

  // Its weekly hours, typed.
  await openByNavigation(page, 'Opening hours', 'admin-hours', home);
  const chosen = await page.getByLabel('Branch', { exact: true }).locator('option:checked').innerText();
  check(same(chosen) === name, `the hours screen shows "${chosen}", not the new branch`);
  const week = page.getByRole('group', { name: `Opening hours of ${name}` });
  await week.getByLabel('Monday').fill('09:00-17:00');
  await press(week.getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }), page);
  await week.getByLabel('Saturday').fill('10:00-14:00');
  check((await week.getByLabel('Friday').inputValue()) === '09:00-17:00', 'Monday was not copied to Friday');
  await expectAccessible(page, '"Opening hours"');
  ok('weekly hours typed: Monday to Friday 09:00-17:00, Saturday 10:00-14:00');

  // A closure next week, seen on the month calendar.
  await openByNavigation(page, 'Closures and short days', 'admin-closures', home);
  await page.locator('#admin-closure-date').fill(nextWednesday);
  await page.getByLabel(/^Reason \(required\)/).fill(reason);
  await press(page.getByRole('button', { name: 'Add the closure' }), page);
  const closedDay = page.locator('table.calendar td.closed-day', { hasText: reason });
  await closedDay.waitFor();
  ok(`closure on ${nextWednesday} shown on the calendar: "${same(await closedDay.innerText())}"`);
  await expectAccessible(page, '"Closures and short days"');

  // Preview: the plan names the new branch; then apply.
  await press(page.getByRole('button', { name: 'Preview changes' }), page);
  const plan = page.getByRole('region', { name: 'What applying would change' });
  try {
    await plan.getByText(code).first().waitFor();
  } catch {
    throw new Failure(`the plan does not name ${code}${await shownProblems(page)}`);
  }
  const planText = same(await plan.innerText());
  check(/New/.test(planText) && planText.includes(name), `the plan does not create "${name}": "${planText.slice(0, 400)}"`);
  ok(`the plan shows the new branch: "${planText.slice(0, 160)}…"`);
  await expectAccessible(page, 'the plan');
  await press(plan.getByRole('button', { name: 'Apply' }), page);
  const applied = page.locator('p.notice', { hasText: /^Applied: / });
  try {
    await applied.waitFor();
  } catch {
    throw new Failure(`the change was not applied${await shownProblems(page)}`);
  }
  ok(`applied: "${same(await applied.innerText())}"`);
  await page.getByText('No changes yet: this is the live configuration.').waitFor();

  // The live configuration, read again from the API, has the branch.
  await openByNavigation(page, 'Branches and desks', 'admin-branches', home);
  const row = page.locator('table.admin-branches tbody tr', { hasText: code });
  await row.waitFor();
  check(same(await row.innerText()).includes('Circulation Desk'), `the live branch row reads "${same(await row.innerText())}"`);
  ok(`the live configuration lists ${code}: "${same(await row.innerText())}"`);

  // The schedule (GET branches, schedule) has the new branch, its desk open on the hours typed, and next week's closure.
  await openByNavigation(page, 'Schedule', 'schedule', home);
  await page.getByLabel('Branch', { exact: true }).selectOption({ label: name });
  const grid = page.locator('table.desk-grid').first();
  try {
    await grid.getByText(/09:00.17:00/).first().waitFor();
  } catch {
    throw new Failure(`the schedule of ${code} does not show 09:00-17:00${await shownProblems(page)}`);
  }
  await press(page.getByRole('button', { name: 'Next week' }), page);
  try {
    await page.locator('table.desk-grid').getByText(`Closed: ${reason}`).first().waitFor();
  } catch {
    throw new Failure(`next week's schedule of ${code} does not show the closure${await shownProblems(page)}`);
  }
  ok(`the schedule of ${name} shows its desk open 09:00-17:00 and "Closed: ${reason}" next week`);
}

runBrowserScript('admin-screens', main);
