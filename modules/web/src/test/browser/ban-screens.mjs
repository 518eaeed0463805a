#!/usr/bin/env node
// Browser test of the computer-use bans screen, against a running ServicePoint and the tenant's Keycloak, in the
// system's headless Chromium (nothing is downloaded). A person in charge bans a fresh card at their branch with a
// reason holding angle brackets and an ampersand and sees it in the list as in force, shown as text; then a desk staff member, in a
// browser context of their own, asks with the keyboard only whether that card is banned (yes, until the end typed)
// and whether another card is (no), and sees no list and no form.
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=rosa PASSWORD=… DESK_USERNAME=sam \
//     [DESK_PASSWORD=…] [CHROMIUM=/usr/bin/chromium] node modules/web/src/test/browser/ban-screens.mjs
//
// USERNAME must be a person in charge with a home branch, DESK_USERNAME a staff member of the same branch. Exits
// non-zero with the reason on the first failure, and leaves a screenshot in modules/web/target/.
import { randomInt } from 'node:crypto';
import { check, expectAccessible, Failure, ok, runBrowserScript, same, setting, staffSettings, shownProblems, signIn } from './browser-kit.mjs';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A card number nobody has used: 14 digits, the first never 0. */
function freshCard() {
  return `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e4)).padStart(4, '0')}`;
}

/** From the main navigation, by keyboard, to the bans screen. */
async function openBans(page, home) {
  const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Computer-use bans', exact: true });
  await nav.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${home}bans`);
  await page.getByRole('heading', { level: 1, name: 'Computer-use bans' }).waitFor();
}

/** Fails when the card number is anywhere the browser keeps things: the address, the history's entries, web storage. */
async function expectCardKeptNowhere(page, card, when) {
  const kept = await page.evaluate((number) => {
    const places = [];
    if (window.location.href.includes(number)) places.push('the address');
    for (const storage of [window.localStorage, window.sessionStorage]) {
      for (const key of Object.keys(storage)) {
        if (key.includes(number) || (storage.getItem(key) ?? '').includes(number)) places.push(`web storage (${key})`);
      }
    }
    return places;
  }, card);
  check(kept.length === 0, `${when}: the card number is kept in ${kept.join(', ')}`);
}

/** Asks at the desk with the keyboard only: focus the card, type it, Enter. Returns the answer as shown. */
async function askAtDesk(page, card) {
  const input = page.getByLabel('Library card number', { exact: true });
  await input.focus();
  await page.keyboard.type(card);
  await page.keyboard.press('Enter');
  const answer = page.locator('.ban-lookup [role=status] .lookup-answer');
  try {
    await answer.locator('.lookup-card', { hasText: `Card ending ${card.slice(-4)}` }).waitFor();
  } catch {
    throw new Failure(`no answer for the card ending ${card.slice(-4)}${await shownProblems(page)}`);
  }
  check((await input.inputValue()) === '', `the card input still holds "${await input.inputValue()}" after the answer`);
  check(await input.evaluate((element) => element === document.activeElement), 'the card input does not have the focus for the next card');
  const shown = same(await answer.innerText());
  check(!shown.includes(card), `the answer shows the whole card number: "${shown}"`);
  return { verdict: same(await answer.locator('.lookup-verdict').innerText()), shown };
}

async function main(run) {
  const { username, password, home } = staffSettings();
  const deskUsername = setting('DESK_USERNAME');
  const deskPassword = setting('DESK_PASSWORD', password);
  const started = Date.now();

  const card = freshCard();
  const otherCard = freshCard();
  const stamp = Date.now();
  const reason = `Threw the keyboard & shouted "< stop >" at staff <3 times ${stamp}`;
  // Thirty days ahead at 18:30, the library's wall clock (sent without an offset).
  const end = new Date(Date.now() + 30 * 86_400_000);
  const endDate = `${end.getFullYear()}-${String(end.getMonth() + 1).padStart(2, '0')}-${String(end.getDate()).padStart(2, '0')}`;
  const endShown = `${MONTHS[end.getMonth()]} ${end.getDate()}, ${end.getFullYear()}, 18:30`;

  let page;
  // The person in charge bans the card at their branch.
  const inCharge = await run.newPage();
  page = inCharge.page;
  await signIn(page, home, username, password);
  const branchName = same(await page.locator('.signed-in-as').innerText()).split(', ').pop();
  ok(`${username} signed in (${branchName})`);
  await openBans(page, home);
  const form = page.getByRole('region', { name: 'Ban from computers' });
  await form.waitFor();
  check(await form.getByRole('radio', { name: /^This branch/ }).isChecked(), 'the form does not start with "This branch"');
  await form.getByLabel(/^Library card number/).fill(card);
  await form.getByLabel(/^Ends/).fill(`${endDate}T18:30`);
  await form.getByLabel(/^Reason/).fill(reason);
  await form.getByRole('button', { name: 'Ban from computers' }).focus();
  await page.keyboard.press('Enter');
  const made = page.locator('p.notice', { hasText: `Banned from computers: card ending ${card.slice(-4)}` });
  try {
    await made.waitFor();
  } catch {
    throw new Failure(`the ban was not made${await shownProblems(page)}`);
  }
  check(same(await made.innerText()).includes(`until ${endShown}`), `the confirmation says "${same(await made.innerText())}", not until ${endShown}`);
  check((await form.getByLabel(/^Library card number/).inputValue()) === '', 'the form still holds the card after the ban was made');
  ok(`banned the card ending ${card.slice(-4)}: "${same(await made.innerText())}"`);

  const row = page.locator('table.ban-table tbody tr', { hasText: String(stamp) });
  try {
    await row.waitFor();
  } catch {
    throw new Failure(`the new ban is not in the list${await shownProblems(page)}`);
  }
  const rowText = same(await row.innerText());
  check(rowText.startsWith('In force'), `the new ban is not in force in the list: "${rowText}"`);
  check(rowText.includes(`${branchName} only`), `the new ban does not apply at ${branchName} only: "${rowText}"`);
  check(rowText.includes(endShown), `the new ban does not end ${endShown}: "${rowText}"`);
  check(same(await row.locator('.ban-reason').innerText()) === same(reason), `the reason is not shown as typed: "${rowText}"`);
  const elements = await row.locator('td b, td i').count();
  check(elements === 0, `the reason was made into ${elements} element(s)`);
  check(!rowText.includes(card), 'the list shows the card number');
  ok(`the list shows the ban in force at ${branchName} until ${endShown}, the reason "${reason.slice(0, 30)}…" as text`);
  await expectAccessible(page, 'the bans screen of a person in charge');
  await expectCardKeptNowhere(page, card, 'after banning');
  await inCharge.context.close();

  // The desk, in a browser context of its own.
  const desk = await run.newPage();
  page = desk.page;
  const listRequests = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' && /\/computer-use-bans(\?|$)/.test(new URL(request.url()).pathname + new URL(request.url()).search)) {
      listRequests.push(request.url());
    }
  });
  await signIn(page, home, deskUsername, deskPassword);
  ok(`${deskUsername} signed in`);
  await openBans(page, home);
  check((await page.getByRole('heading', { name: 'Ban from computers' }).count()) === 0, 'the desk is offered the form to ban');
  check((await page.locator('table.ban-table').count()) === 0, 'the desk sees the list of bans');

  const yes = await askAtDesk(page, card);
  const banned = `Banned from computers at ${branchName} until ${endShown}`;
  check(yes.verdict === banned, `the desk was told "${yes.verdict}", not "${banned}"`);
  ok(`the desk is told "${yes.shown}"`);

  const no = await askAtDesk(page, otherCard);
  check(no.verdict === `Not banned at ${branchName}`, `for another card the desk was told "${no.verdict}"`);
  ok(`another card: "${no.shown}"`);
  await expectCardKeptNowhere(page, card, 'after the lookups');
  await expectCardKeptNowhere(page, otherCard, 'after the lookups');
  check(listRequests.length === 0, `the desk's screen asked for the list of bans: ${listRequests.join(', ')}`);
  ok('the desk sees no list and no form, asks for no list, and the card numbers are kept nowhere');
  await expectAccessible(page, 'the bans screen at the desk');
  await desk.context.close();

  console.log(`# timing: ban and two desk lookups ${Date.now() - started} ms`);
}

runBrowserScript('ban-screens', main);
