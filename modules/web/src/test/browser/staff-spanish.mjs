#!/usr/bin/env node
// Browser test of the staff app in a library system whose locale is es-US: the sign-in page, Keycloak's
// password page, the shell and the schedule speak Spanish without anyone choosing it; a staff member can
// switch to English, and the choice outlives a reload.
//
//   BASE_URL=http://localhost:8080 TENANT=… USERNAME=… PASSWORD=… [CHROMIUM=/usr/bin/chromium] \
//     node modules/web/src/test/browser/staff-spanish.mjs
import { check, ok, runBrowserScript, staffSettings, STEP_TIMEOUT_MS } from './browser-kit.mjs';

/** Words the English app shows on the same screens: none of them may appear in Spanish. */
const ENGLISH = ['Sign in', 'Sign out', 'Who is in charge', 'Roster', 'Schedule', 'Report an incident', 'Loading'];

async function englishOn(page) {
  const text = await page.locator('body').innerText();
  return ENGLISH.filter((word) => text.includes(word));
}

async function main(run) {
  const { username, password, home } = staffSettings();
  const { page } = await run.newPage();
  const first = await page.goto(home);
  check(first?.ok(), `GET ${home} answered ${first?.status()}`);
  const signIn = page.getByRole('button', { name: 'Iniciar sesión', exact: true });
  await signIn.waitFor();
  check((await page.locator('html').getAttribute('lang')) === 'es-US', `the page's lang is ${await page.locator('html').getAttribute('lang')}`);
  check((await englishOn(page)).length === 0, `English on the sign-in page: ${await englishOn(page)}`);
  ok('the sign-in page speaks Spanish, with lang="es-US"');

  await signIn.click();
  await page.locator('#password').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('input#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  const shell = page.getByText(/^Sesión iniciada como /);
  await shell.waitFor({ timeout: STEP_TIMEOUT_MS });
  const nav = page.getByRole('navigation', { name: 'Principal' });
  for (const link of ['Inicio', 'Informar un incidente', 'Informes de incidentes', 'Lista del personal', 'Horario']) {
    await nav.getByRole('link', { name: link, exact: true }).waitFor();
  }
  await page.getByRole('heading', { level: 2, name: 'Quién está a cargo' }).waitFor();
  await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
  check((await page.title()) === 'Inicio — ServicePoint', `the title is "${await page.title()}"`);
  check((await englishOn(page)).length === 0, `English in the signed-in shell: ${await englishOn(page)}`);
  ok('signed in: the shell, its navigation and the home screen speak Spanish');

  await nav.getByRole('link', { name: 'Horario', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Horario' }).waitFor();
  const week = page.getByRole('heading', { level: 2, name: /Semana \d+:/ }).first();
  await week.waitFor();
  check((await englishOn(page)).length === 0, `English on the schedule: ${await englishOn(page)}`);
  ok(`the schedule speaks Spanish: "${(await week.textContent())?.trim()}"`);

  // The idle lock of the test server is seconds long and a script's selectOption is no keyboard or pointer
  // input: a key press first, as a person's would be, so the lock does not close the screen meanwhile.
  const language = page.getByLabel('Idioma');
  await language.focus();
  await page.keyboard.press('Shift');
  await language.selectOption('en');
  // In English the main navigation is called "Main".
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule', exact: true }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
  check((await page.locator('html').getAttribute('lang')) === 'en', 'lang did not follow the choice of English');
  ok('the staff member switches to English in place');

  await page.reload();
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  ok('after a reload the sign-in page is in the language the staff member chose');
}

runBrowserScript('staff-spanish', main);
