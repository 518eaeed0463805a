#!/usr/bin/env node
// Browser test of the incident form editor, against a running ServicePoint and the tenant's Keycloak, in the system's
// headless Chromium (nothing is downloaded). The tenant administrator adds a required question to the "Other" category
// by keyboard, sees it in the preview as the desk will, checks the changes and publishes them after confirming; then a
// desk staff member, in a browser context of their own, starts an "Other" report, finds the new question on it, answers
// it with the others, records the call to headquarters and signs.
//
//   BASE_URL=http://localhost:8080 TENANT=riverbend USERNAME=dee PASSWORD=… DESK_USERNAME=sam \
//     [DESK_PASSWORD=…] [CHROMIUM=/usr/bin/chromium] node modules/web/src/test/browser/form-editor.mjs
//
// USERNAME must be a tenant administrator; DESK_USERNAME desk staff whose position may sign. Exits non-zero with the
// reason on the first failure, and leaves a screenshot in modules/web/target/.
import { check, expectAccessible, Failure, ok, openByNavigation, runBrowserScript, same, setting, shownProblems, signIn, staffSettings } from './browser-kit.mjs';

/** The title the catalogue gives the category "other". */
const OTHER = 'Other incident';

async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

async function publishQuestion(page, home, label) {
  await openByNavigation(page, 'Form editor', 'form-editor', home);
  const categories = page.getByRole('region', { name: 'Categories' });
  try {
    await categories.waitFor();
  } catch {
    throw new Failure(`the editor did not open${await shownProblems(page)}`);
  }
  // Riverbend's form gives "other" no title of its own: the catalogue's is shown.
  await page.getByLabel('Category to edit').selectOption('other');
  const other = page.getByRole('region', { name: `Category: ${OTHER}` });
  await press(other.getByRole('button', { name: 'Add a question' }));
  // The new question's label takes the focus: type it, then Tab on to the kind of answer and "Required".
  await page.keyboard.type(label);
  const question = other.getByRole('listitem', { name: new RegExp(`: ${label}$`) });
  check(await question.getByRole('textbox', { name: /^Question/ }).evaluate((input) => input === document.activeElement), 'the new question did not take the focus');
  await press(question.getByRole('checkbox', { name: 'Required' }), 'Space');
  check(await question.getByRole('checkbox', { name: 'Required' }).isChecked(), '"Required" was not ticked with the keyboard');
  const key = await question.getByRole('textbox', { name: /^Key/ }).inputValue();
  ok(`question "${label}" (key ${key}) added to "${OTHER}" by keyboard, required`);

  const preview = page.getByRole('group', { name: 'The report form for desk staff' });
  await preview.getByRole('heading', { name: `Report: ${OTHER}` }).waitFor();
  await preview.getByRole('textbox', { name: `${label} (required)` }).waitFor();
  ok('the preview shows the new question as the desk will see it, marked required');
  await expectAccessible(page, 'the form editor');

  await press(page.getByRole('button', { name: 'Check the changes' }));
  const plan = page.getByRole('region', { name: 'What publishing would change' });
  try {
    await plan.getByText(`categories.other.fields.${key}`, { exact: true }).waitFor();
  } catch {
    throw new Failure(`the plan does not name the new question${await shownProblems(page)}`);
  }
  const publish = plan.getByRole('button', { name: /^Publish version \d+$/ });
  const version = Number(/\d+/.exec(await publish.innerText())[0]);
  ok(`the plan: "${same(await plan.locator('p').first().innerText())}"`);
  await expectAccessible(page, 'the form editor with its plan');
  await press(publish);
  const confirm = plan.getByRole('button', { name: `Yes, publish version ${version}` });
  await confirm.waitFor();
  check(await confirm.evaluate((button) => button === document.activeElement), 'the confirmation did not take the focus');
  await page.keyboard.press('Enter');
  try {
    await page.locator('p.notice', { hasText: `Version ${version} of the incident form is published.` }).waitFor();
  } catch {
    throw new Failure(`version ${version} was not published${await shownProblems(page)}`);
  }
  ok(`version ${version} published after the confirmation`);
  return key;
}

async function fileOnNewForm(page, home, label) {
  await openByNavigation(page, 'Report an incident', 'report', home);
  await press(page.getByRole('radio', { name: OTHER, exact: true }), 'Space');
  await press(page.getByRole('button', { name: 'Start the report' }));
  await page.waitForURL(new RegExp('/t/[^/]+/report/[0-9a-f-]{36}$'));
  const id = page.url().split('/').pop();
  const questions = page.getByRole('region', { name: 'Questions' });
  const asked = questions.getByRole('textbox', { name: `${label} (required)` });
  try {
    await asked.waitFor();
  } catch {
    throw new Failure(`the new question is not on the desk's report${await shownProblems(page)}`);
  }
  ok(`the desk's new "${OTHER}" report ${id} asks "${label}"`);
  await expectAccessible(page, 'the report form with the new question');

  await questions.getByLabel(/^Where in the library/).fill('Second floor, by the windows');
  await questions.getByLabel(/^What happened, step by step/).fill('A patron reported a broken window latch.');
  await questions.getByLabel(/^What staff did/).fill('Closed the window and put up a sign.');
  await press(questions.getByRole('radiogroup', { name: /^Were police, fire or ambulance called/ }).getByRole('radio', { name: 'No' }), 'Space');
  await asked.fill('The second floor');
  const saved = page.locator('.save-state');
  await saved.filter({ hasText: /^Saved at/ }).waitFor();
  ok(`answered and saved ("${same(await saved.textContent())}")`);

  const call = page.getByRole('region', { name: 'The call to headquarters' });
  await call.getByLabel(/^Whom you reached at headquarters/).focus();
  await page.keyboard.type('Branch services coordinator');
  await page.keyboard.press('Enter');
  await call.getByText(/^Recorded: /).waitFor();
  await press(page.getByRole('button', { name: 'Sign and submit…' }));
  await press(page.getByRole('button', { name: 'Yes, sign and submit' }));
  try {
    await page.waitForURL(`${home}incidents/${id}`);
    await page.getByText(/^Status: Submitted/).waitFor();
  } catch {
    throw new Failure(`the report was not signed${await shownProblems(page)}`);
  }
  const answers = await page.locator('dl.answers').innerText();
  check(answers.includes(label) && answers.includes('The second floor'), `the signed report does not show the new answer: "${same(answers).slice(0, 300)}"`);
  ok('filed and signed on the new version, the new answer in the signed report');
}

async function main(run) {
  const { home, username, password } = staffSettings();
  const deskUsername = setting('DESK_USERNAME');
  const deskPassword = setting('DESK_PASSWORD', password);
  const label = `Which floor ${Date.now() % 100000}`;

  const admin = await run.newPage();
  await signIn(admin.page, home, username, password);
  ok(`${username} signed in`);
  await publishQuestion(admin.page, home, label);
  await admin.context.close();

  const desk = await run.newPage();
  await signIn(desk.page, home, deskUsername, deskPassword);
  ok(`${deskUsername} signed in`);
  await fileOnNewForm(desk.page, home, label);
}

runBrowserScript('form-editor', main);
