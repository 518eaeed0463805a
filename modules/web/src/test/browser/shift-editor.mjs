#!/usr/bin/env node
// Browser test of the week editor: the signed-in planner opens BRANCH's next week, which has coverage gaps, fills
// each gap with a shift (the first one entirely by keyboard: arrow keys to the cell, Enter, Tab, Enter) and sees the
// gaps disappear, with axe checking the screen before and after. PEOPLE (comma-separated tag names, on BRANCH's
// roster beforehand) take the desks: the person at the same position as the desk's row, so nobody is at two desks.
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=dee PASSWORD=… BRANCH=LAKE-TILLMAN PEOPLE="Quinn,Rey" \
//     [CHROMIUM=/usr/bin/chromium] node modules/web/src/test/browser/shift-editor.mjs
//
// Exits non-zero with the reason on the first failure, and leaves a screenshot in modules/web/target/.
import { check, expectAccessible, Failure, ok, openByNavigation, runBrowserScript, same, setting, shownProblems, signIn, staffSettings } from './browser-kit.mjs';

/** More gaps than any branch's week could have: a loop that never ends is a failure, not a hang. */
const MOST_GAPS = 40;

async function main(run) {
  const { tenant, username, password, home } = staffSettings();

  const { page } = await run.newPage();
  const added = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === `/api/tenants/${tenant}/shifts`) {
      added.push(request.postDataJSON());
    }
  });
  await signIn(page, home, username, password);
  ok('signed in');
  // The test deployment locks the screen after 6 s without input, and on a busy machine a reload can take that
  // long: a wheel event every 2 s stands for the planner's hand on the mouse while the screen works.
  const keepAlive = setInterval(() => {
    page.evaluate(() => document.dispatchEvent(new WheelEvent('wheel', { bubbles: true }))).catch(() => {});
  }, 2000);
  try {
    await plan(page, { tenant, home, added });
  } finally {
    clearInterval(keepAlive);
  }
}

async function plan(page, { home, added }) {
  const branch = setting('BRANCH');
  const people = setting('PEOPLE').split(',').map(same);

  await openByNavigation(page, 'Plan shifts', 'shift-editor', home);
  const picker = page.getByLabel('Branch');
  await picker.selectOption(branch);
  const branchName = same(await picker.locator('option:checked').innerText());
  const heading = page.locator('#shifts-week-heading');
  await heading.filter({ hasText: branchName }).waitFor();
  await page.getByRole('grid').waitFor();
  const thisWeek = await heading.innerText();
  await page.getByRole('button', { name: 'Next week' }).click();
  await page.waitForFunction((old) => {
    const now = document.querySelector('#shifts-week-heading')?.textContent;
    return Boolean(now) && now !== old;
  }, thisWeek);
  const summary = page.locator('section[aria-labelledby="shifts-coverage-heading"] [role=status]');
  try {
    await summary.filter({ hasText: /gaps? left this week/ }).waitFor();
  } catch {
    throw new Failure(`the week shows no coverage gaps to fill: "${same(await summary.innerText().catch(() => ''))}"${await shownProblems(page)}`);
  }
  const before = same(await summary.innerText());
  ok(`${branch}, next week: "${before}"`);
  await expectAccessible(page, 'the week editor with gaps');

  const grid = page.getByRole('grid');
  const cells = grid.getByRole('gridcell');
  const columns = await grid.locator('thead th').count() - 1;
  check(columns === 7, `the grid has ${columns} day columns, not 7`);

  for (let filled = 0; ; filled++) {
    check(filled < MOST_GAPS, `still gaps after ${MOST_GAPS} shifts: "${same(await summary.innerText())}"`);
    const labels = await cells.evaluateAll((all) => all.map((cell) => cell.getAttribute('aria-label') ?? ''));
    const target = labels.findIndex((label) => /\bGap \d/.test(label));
    if (target < 0) {
      break;
    }
    const row = Math.floor(target / columns);
    const column = target % columns;
    if (filled === 0) {
      // By keyboard: into the grid (one tab stop), to the corner, then the arrows to the cell.
      const first = cells.first();
      await first.focus();
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
      for (let i = 0; i < column; i++) await page.keyboard.press('ArrowRight');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      check(focused === labels[target], `the arrows reached "${focused}", not "${labels[target]}"`);
      await page.keyboard.press('Enter');
    } else {
      await cells.nth(target).click();
    }
    const editor = page.locator('section.cell-editor');
    await editor.waitFor();
    const person = people[row % people.length];
    const who = editor.getByLabel('Person');
    check(await who.evaluate((element) => element === document.activeElement), 'opening a cell did not put the focus in its form');
    await who.selectOption({ label: person });
    const from = await editor.getByLabel('From').inputValue();
    const to = await editor.getByLabel('To').inputValue();
    if (filled === 0) {
      // Tab on through From and To (Chromium may stop at each part of a time box) to "Add shift", and press it.
      let reached = '';
      for (let tabs = 0; tabs < 12 && reached !== 'Add shift'; tabs++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => (document.activeElement?.tagName === 'BUTTON' ? document.activeElement.textContent : ''));
      }
      check(reached === 'Add shift', 'Tab never reached "Add shift" from the person list');
      await page.keyboard.press('Enter');
    } else {
      await editor.getByRole('button', { name: 'Add shift' }).click();
    }
    const said = page.getByRole('status').filter({ hasText: `Added ${person} ` });
    try {
      await said.first().waitFor();
    } catch {
      throw new Failure(`adding ${person} ${from}-${to} was not announced${await shownProblems(page)}`);
    }
    ok(`${filled === 0 ? 'by keyboard' : 'by pointer'}: "${same(await said.first().innerText())}"`);
    // The coverage is read again once the changes pause; wait until this cell no longer names the gap just filled.
    const gap = `Gap ${from}–${to}`;
    try {
      await page.waitForFunction(
        ([index, text]) => !(document.querySelectorAll('[role=gridcell]')[index]?.getAttribute('aria-label') ?? '').includes(text),
        [target, gap],
      );
    } catch {
      throw new Failure(`"${gap}" stayed after adding ${person} ${from}-${to}${await shownProblems(page)}`);
    }
    await page.keyboard.press('Escape').catch(() => {});
  }

  await summary.filter({ hasText: 'No gaps this week' }).waitFor();
  check(added.length > 0, 'no shift was sent');
  ok(`after ${added.length} shift(s): "${same(await summary.innerText())}"`);
  await expectAccessible(page, 'the week editor without gaps');
}

runBrowserScript('shift-editor', main);
