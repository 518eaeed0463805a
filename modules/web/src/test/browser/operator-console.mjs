#!/usr/bin/env node
// Browser test of the operator console: the operator signs in with the operators' realm, sees the library systems
// with their figures, onboards a new one from pasted files (plan, then apply: its realm is provisioned), and
// suspends and resumes it after a confirmation each.
//
//   BASE_URL=http://localhost:8080 USERNAME=opal PASSWORD=… SLUG=… TENANT_YAML="$(cat tenant.yaml)" \
//     [CHROMIUM=/usr/bin/chromium] node modules/web/src/test/browser/operator-console.mjs
import { check, expectAccessible, ok, runBrowserScript, setting, STEP_TIMEOUT_MS } from './browser-kit.mjs';

async function main(run) {
  const baseUrl = setting('BASE_URL').replace(/\/+$/, '');
  const username = setting('USERNAME');
  const password = setting('PASSWORD');
  const slug = setting('SLUG');
  const yaml = setting('TENANT_YAML');
  const { page } = await run.newPage();

  const first = await page.goto(`${baseUrl}/operator/`);
  check(first?.ok(), `GET /operator/ answered ${first?.status()}`);
  const policy = first.headers()['content-security-policy'] ?? '';
  check(policy.includes("script-src 'self'") && !policy.includes('unsafe-inline'), `weak or missing CSP: "${policy}"`);
  const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
  await signIn.focus();
  await page.keyboard.press('Enter');
  await page.locator('#password').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('input#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.getByRole('heading', { level: 1, name: 'Library systems' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  check(!page.url().includes('code='), `the one-time code stayed in the address: ${page.url()}`);
  ok('the operator signs in through the operators\' realm');

  const riverbend = page.locator('tr[data-slug="riverbend"]');
  await riverbend.waitFor();
  check((await riverbend.locator('[data-field=realm]').textContent()) === 'Provisioned', 'riverbend\'s realm is not shown as provisioned');
  check((await riverbend.locator('[data-field=status]').textContent()) === 'Active', 'riverbend is not shown active');
  check(Number(await riverbend.locator('[data-field=branches]').textContent()) > 0, 'riverbend shows no branches');
  check(/KB$/.test((await riverbend.locator('[data-field=storage]').textContent()) ?? ''), 'riverbend shows no storage');
  ok('the library systems are listed with status, realm, staff, branches, reports, storage, activity and mail');
  await expectAccessible(page, 'the operator console');

  await page.getByLabel('Path').fill(`tenants/${slug}/tenant.yaml`);
  await page.getByLabel('Content').fill(yaml);
  await page.getByRole('button', { name: 'Show the plan' }).click();
  const plan = page.getByRole('table', { name: 'Plan: what applying would change' });
  await plan.waitFor();
  check((await plan.locator('tr', { hasText: slug }).first().locator('[data-field=action]').textContent()) === 'CREATE',
    'the plan does not create the library system');
  ok('the plan of the pasted files creates the library system, and nothing is applied yet');
  await expectAccessible(page, 'the onboarding plan');

  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.getByText('Applied. The library system and its sign-in realm are ready.').waitFor();
  const row = page.locator(`tr[data-slug="${slug}"]`);
  await row.waitFor();
  check((await row.locator('[data-field=realm]').textContent()) === 'Provisioned', 'the new realm is not provisioned');
  ok('applied: the new library system is listed with its realm provisioned');

  // Its detail opened by itself after the apply; suspend, with a confirmation.
  const detail = page.locator('section.operator-detail');
  await detail.getByRole('button', { name: 'Suspend…' }).click();
  await detail.getByRole('button', { name: 'Yes, suspend' }).click();
  await page.waitForFunction((s) => document.querySelector(`tr[data-slug="${s}"] [data-field=status]`)?.textContent === 'Suspended', slug);
  await detail.getByRole('button', { name: 'Resume…' }).click();
  await detail.getByRole('button', { name: 'Yes, resume' }).click();
  await page.waitForFunction((s) => document.querySelector(`tr[data-slug="${s}"] [data-field=status]`)?.textContent === 'Active', slug);
  ok('the operator suspends and resumes it, confirming each');
  await expectAccessible(page, 'the tenant detail');
}

runBrowserScript('operator-console', main);
