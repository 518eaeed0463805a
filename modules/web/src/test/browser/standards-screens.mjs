#!/usr/bin/env node
// Browser test of "How do I handle…", the service standards and training, against a running ServicePoint and the
// tenant's Keycloak, in the system's headless Chromium (nothing is downloaded). A desk staff member opens the desk
// screen from home with its shortcut, types a word, moves to a response guide with the arrow keys and opens it with
// Enter, asks to escalate from it and cancels (nothing is sent), then answers one training scenario with the keyboard
// and sees the recommended response and the progress grow. A tenant administrator then reads the standards with
// the catalogue changes, and the training completion. axe checks every screen on the way.
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=sam PASSWORD=… ADMIN_USERNAME=dee \
//     [ADMIN_PASSWORD=…] [WORD=abusive] [CHROMIUM=/usr/bin/chromium] node modules/web/src/test/browser/standards-screens.mjs
//
// USERNAME is a staff member with a home branch; ADMIN_USERNAME a tenant administrator who also sees training
// completion. WORD must find at least one response guide. Exits non-zero with the reason on the first failure, and
// leaves a screenshot in modules/web/target/.
import { check, expectAccessible, Failure, ok, runBrowserScript, same, setting, staffSettings, shownProblems, signIn } from './browser-kit.mjs';

/** Waits for `locator`, or fails saying `what` is missing and what the page shows instead. */
async function expectShown(page, locator, what) {
  try {
    await locator.first().waitFor();
  } catch {
    throw new Failure(`${what} not shown${await shownProblems(page)}`);
  }
}

/**
 * axe on the screen as it is, after a key press: the test deployment locks the screen after a few idle seconds, and
 * a long page's check plus the waits before it must not add up to that.
 */
async function accessible(page, screen) {
  await page.keyboard.press('Shift');
  await expectAccessible(page, screen);
}

async function focusedIs(locator) {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Desk staff: the shortcut from home, a search by keyboard, a guide opened in place, an escalation offered and cancelled. */
async function desk(page, tenant, home, word) {
  const posts = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === `/api/tenants/${tenant}/escalations`) posts.push(request);
  });
  await expectShown(page, page.getByRole('link', { name: 'How do I handle…', exact: true }), 'the home screen\'s "How do I handle…" link');
  await page.keyboard.press('Alt+Shift+KeyH');
  await page.waitForURL(`${home}desk`);
  await page.getByRole('heading', { level: 1, name: 'How do I handle…' }).waitFor();
  const box = page.getByRole('combobox', { name: 'Search policies and service standards' });
  check(await focusedIs(box), 'the search box does not have the keyboard when the desk screen opens');
  ok('Alt+Shift+H opens "How do I handle…" from home with the keyboard in its search box');

  const inCharge = page.getByRole('complementary', { name: 'Help at hand' }).getByText(/^(In charge now:|Nobody here may be in charge now)/);
  await expectShown(page, inCharge, 'who is in charge beside the search');
  ok(`beside the search: "${same(await inCharge.textContent())}"`);

  await page.keyboard.type(word);
  const results = page.getByRole('listbox', { name: 'Results' }).getByRole('option');
  await expectShown(page, results, `results for "${word}"`);
  const kinds = await results.locator('.topic-kind').allTextContents();
  const guide = kinds.findIndex((kind) => same(kind) === 'Response guide');
  check(guide >= 0, `no response guide among the results for "${word}": ${kinds.join(', ')}`);
  ok(`"${word}" finds ${kinds.length} results: ${kinds.join(', ')}`);
  await accessible(page, 'How do I handle… with results');

  for (let n = 0; n <= guide; n++) await page.keyboard.press('ArrowDown');
  const active = await box.getAttribute('aria-activedescendant');
  const title = same(await results.nth(guide).locator('.topic-title').textContent());
  check(active === (await results.nth(guide).getAttribute('id')), `the arrow keys did not make "${title}" the active result`);
  await page.keyboard.press('Enter');
  const opened = page.locator('.desk-opened').getByRole('heading', { level: 2, name: title, exact: true });
  await expectShown(page, opened, `the guide "${title}" opened in place`);
  await page.waitForFunction(() => document.activeElement?.classList.contains('standard-title'));
  check(page.url() === `${home}desk`, `opening a guide left the desk screen for ${page.url()}`);
  ok(`Enter opens the response guide "${title}" in place`);
  await accessible(page, 'How do I handle… with a guide open');

  const escalate = page.locator('.guide-escalation .situations button');
  if ((await escalate.count()) > 0) {
    await escalate.first().click();
    const confirm = page.getByRole('group', { name: 'Confirm the escalation' });
    await expectShown(page, confirm, 'the confirmation before escalating');
    await accessible(page, 'How do I handle… asking to confirm an escalation');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    check(posts.length === 0, 'an escalation was sent without its confirmation');
    ok('escalating from the guide asks first; Escape sends nothing');
  } else {
    ok(`the guide "${title}" names no escalation situation, so it offers none`);
  }
}

/** Any staff member: one training scenario answered with the keyboard. */
async function training(page, home) {
  const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training', exact: true });
  await nav.click();
  await page.waitForURL(`${home}training`);
  await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
  const progress = page.locator('.training-progress');
  await expectShown(page, progress, 'the training progress');
  const before = same(await progress.textContent());
  const [, doneBefore, total] = /You have done (\d+) of (\d+) scenarios/.exec(before) ?? [];
  check(total !== undefined && Number(total) > 0, `no training scenarios: "${before}"`);
  const wasDone = (await page.locator('#scenario-title .done-mark').count()) > 0;
  await accessible(page, 'Training');

  const radio = page.getByRole('group', { name: 'What do you do?' }).getByRole('radio');
  await radio.first().focus();
  await page.keyboard.press('Space');
  check(await radio.first().isChecked(), 'Space did not choose the first answer');
  await page.keyboard.press('Enter');
  const answer = page.locator('.scenario-answer .result-box');
  await expectShown(page, answer, 'the answer to the scenario');
  const said = same(await answer.innerText());
  check(/Recommended: .+/.test(said) && /Why: .+/.test(said), `the answer gives no recommended response and why: "${said}"`);
  ok(`the scenario answers: "${said.slice(0, 120)}…"`);
  const expected = Number(doneBefore) + (wasDone ? 0 : 1);
  await page.waitForFunction((n) => document.querySelector('.training-progress')?.textContent?.includes(`done ${n} of`), expected);
  ok(`progress: "${same(await progress.textContent())}"`);
  await accessible(page, 'Training with an answer');
}

/** A tenant administrator: the standards with the catalogue changes, and training completion. */
async function administration(page, home) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Service standards', exact: true }).click();
  await page.waitForURL(`${home}standards`);
  await expectShown(page, page.getByRole('heading', { level: 2, name: 'Principles' }), 'the principles');
  const changes = page.getByRole('region', { name: 'Catalogue changes' });
  await expectShown(page, changes.locator('p').filter({ hasText: /version/ }), 'the catalogue version reviewed');
  const groups = await page.locator('.standard-group > h2').allTextContents();
  ok(`the standards, grouped: ${groups.join(', ')}; ${same(await changes.locator('p').filter({ hasText: /version/ }).first().textContent())}`);
  const reworded = page.getByRole('button', { name: 'Show the shared original' });
  if ((await reworded.count()) > 0) {
    await reworded.first().click();
    await expectShown(page, page.locator('.original-words:not([hidden])'), 'the shared original of a reworded entry');
    ok('a reworded entry shows the shared original on demand');
  }
  await accessible(page, 'Service standards with the catalogue changes');

  await nav.getByRole('link', { name: 'Training', exact: true }).click();
  await page.waitForURL(`${home}training`);
  await page.getByRole('tab', { name: 'Completion' }).click();
  // The roster may be empty in a fresh deployment: the table and its caption are what must be there.
  const caption = page.locator('.completion-table caption');
  await expectShown(page, caption, 'training completion');
  const counted = same(await caption.textContent());
  check(/staff members?, \d+ scenarios? in all/.test(counted), `the completion table says "${counted}"`);
  ok(`training completion: ${counted}, ${await page.locator('.completion-table tbody tr').count()} rows`);
  await accessible(page, 'Training completion');
}

async function main(run) {
  const { tenant, username, password, home } = staffSettings();
  const adminUsername = setting('ADMIN_USERNAME');
  const adminPassword = setting('ADMIN_PASSWORD', password);
  const word = setting('WORD', 'abusive');

  const { page } = await run.newPage();
  await signIn(page, home, username, password);
  ok(`${username} signed in`);
  await desk(page, tenant, home, word);
  await training(page, home);
  await page.context().close();

  const admin = await run.newPage();
  await signIn(admin.page, home, adminUsername, adminPassword);
  ok(`${adminUsername} signed in`);
  await administration(admin.page, home);
}

await runBrowserScript('standards-screens', main);
