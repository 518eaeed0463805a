// What the browser scripts share: Chromium from playwright-core, settings from the environment, the TAP-like
// "ok n - ..." lines, signing in at Keycloak, and how a script runs and ends (runBrowserScript). Each script is
// still run on its own with node.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const TARGET = resolve(HERE, '../../../target');
// playwright-core is a devDependency of the front end; these scripts live beside it, not below it.
export const { chromium } = createRequire(resolve(HERE, '../../main/frontend/package.json'))('playwright-core');
export const STEP_TIMEOUT_MS = 30_000;

export class Failure extends Error {}

export function setting(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') {
    throw new Failure(`environment variable ${name} is not set`);
  }
  return value;
}

/**
 * The settings of a script that signs a staff member in: BASE_URL, TENANT, USERNAME and PASSWORD, and `home`, the
 * app's address in that library system.
 */
export function staffSettings() {
  const baseUrl = setting('BASE_URL').replace(/\/+$/, '');
  const tenant = setting('TENANT');
  return { baseUrl, tenant, username: setting('USERNAME'), password: setting('PASSWORD'), home: `${baseUrl}/t/${tenant}/` };
}

/** How many checks passed so far (a live binding: importers see it grow). */
export let passed = 0;
export function ok(what) {
  passed++;
  console.log(`ok ${passed} - ${what}`);
}

export function check(condition, message) {
  if (!condition) {
    throw new Failure(message);
  }
}

export function same(text) {
  return (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Waits for Keycloak's password page and fails if the app signed in without one: every sign-in these scripts make
 * comes from a fresh browser, a locked screen or an old password entry, where single sign-on must not let anyone in.
 */
export async function expectPasswordPage(page, when = 'sign-in') {
  const passwordField = page.locator('#password');
  const shell = page.getByText(/^Signed in as /);
  try {
    await passwordField.or(shell).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch {
    throw new Failure(`${when}: neither Keycloak's password page nor the app (at ${page.url()}, "${await page.title()}")`);
  }
  check(!(await shell.isVisible()), `${when}: signed in without being asked for a password (at ${page.url()})`);
  return passwordField;
}

/** Signs in at Keycloak's password page, which must be shown, and waits for the app's shell. */
export async function passKeycloak(page, username, password) {
  const passwordField = await expectPasswordPage(page);
  // Keycloak shows the user name read-only when it re-authenticates a session it still has (max_age, prompt=login).
  const usernameField = page.locator('input#username');
  if (await usernameField.isVisible() && await usernameField.isEditable()) {
    await usernameField.fill(username);
  }
  await passwordField.fill(password);
  await page.locator('#kc-login').click();
  const shell = page.getByText(/^Signed in as /);
  try {
    await shell.waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch {
    const error = await page.locator('#input-error, .kc-feedback-text, [role=alert]').first().textContent().catch(() => null);
    throw new Failure(`no shell after Keycloak (at ${page.url()}, "${await page.title()}")${error ? `: ${error.trim()}` : ''}`);
  }
}

/** API answers of 400 and above, printed with a failure. */
export const refusals = [];

/** The problems the app shows (title, detail, request id, refusals at fields), to explain a failure. */
export async function shownProblems(page) {
  const texts = await page.locator('.problem, .field-errors, .save-state.failed').allTextContents().catch(() => []);
  return texts.length ? ` (the page shows: ${texts.map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ')})` : '';
}

/** A page in a context of its own, recording refusals of the API and Content Security Policy violations. */
export async function newPage(browser, problems) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  // Refusals of the API, to explain a failure even after the idle lock has cleared the screen.
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/') && response.status() >= 400) {
      const body = await response.text().catch(() => '');
      refusals.push(`${response.request().method()} ${new URL(response.url()).pathname} ${response.status()} ${body.slice(0, 300)}`);
    }
  });
  await page.exposeFunction('servicePointTestCspViolation', (text) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.servicePointTestCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return { context, page };
}

/** Opens the library system's app, checks its Content Security Policy and signs in. */
export async function signIn(page, home, username, password) {
  const first = await page.goto(home);
  check(first?.ok(), `GET ${home} answered ${first?.status()}`);
  const policy = first.headers()['content-security-policy'] ?? '';
  check(policy.includes("script-src 'self'") && !policy.includes('unsafe-inline'), `weak or missing CSP on ${home}: "${policy}"`);
  const button = page.getByRole('button', { name: 'Sign in', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await passKeycloak(page, username, password);
}

/** From the main navigation, by keyboard, to a screen; waits for its heading. */
export async function openByNavigation(page, name, path, home) {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${home}${path}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

// axe-core's engine, put into pages by evaluation (the pages' CSP would refuse an inline script tag).
const AXE_SOURCE = readFileSync(
  createRequire(resolve(HERE, '../../main/frontend/package.json')).resolve('axe-core/axe.min.js'), 'utf8');
/** The rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Fails with each rule and element when axe-core finds a WCAG 2.2 A/AA violation on the screen as it is now.
 * Every script calls it on every staff screen it visits; Keycloak's own pages are not ours and are not checked.
 */
export async function expectAccessible(page, screen) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    // A string is evaluated by the DevTools protocol itself, which the page's CSP does not govern.
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 160)}`),
    }));
  }, WCAG_TAGS);
  check(violations.length === 0, `accessibility (WCAG 2.2 A/AA) on ${screen}: ${violations
    .map((v) => `${v.id} (${v.help}) at ${v.nodes.join(' | ')}`).join('; ')}`);
  ok(`axe finds no WCAG 2.2 A/AA violation on ${screen}`);
}

/** The system's headless Chromium (CHROMIUM, default /usr/bin/chromium); playwright downloads nothing. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One run of a browser script. Chromium starts with the first page, so a missing setting fails before any browser
 * does; every page records Content Security Policy violations and refusals of the API; `page` is the page a failure
 * is reported from: the last one opened, unless the script points it at another (a tab it opened itself).
 */
class ScriptRun {
  browser;
  page;
  problems = [];

  async newPage() {
    this.browser ??= await launchChromium();
    const opened = await newPage(this.browser, this.problems);
    this.page = opened.page;
    return opened;
  }

  /** Runs steps in a new tab beside `page` (same browser context, same cookies); a failure meanwhile is reported from the tab. */
  async inNewTab(page, steps) {
    const tab = await page.context().newPage();
    this.page = tab;
    await steps(tab);
    await tab.close();
    this.page = page;
  }
}

/**
 * Runs a script's steps and ends it as every script ends: no Content Security Policy violation on any of its pages,
 * then the count of checks passed; or the failure, reported from the page with a screenshot, or in one line when it
 * came before the first page. Chromium is closed either way.
 */
export async function runBrowserScript(script, steps) {
  const run = new ScriptRun();
  try {
    await steps(run);
    check(run.problems.length === 0, `the page broke its Content Security Policy: ${run.problems.join(' | ')}`);
    ok('no Content Security Policy violation');
    console.log(`${passed} passed, 0 failed`);
  } catch (error) {
    if (run.browser) {
      await reportFailure(run.page, script, error);
    } else {
      console.error(`${script}: ${error instanceof Failure ? error.message : error?.stack ?? error}`);
      process.exitCode = 1;
    }
  } finally {
    await run.browser?.close();
  }
}

/** The end of a failed script: the failing check, where the page was (with a screenshot), the API's refusals. */
export async function reportFailure(page, script, error) {
  mkdirSync(TARGET, { recursive: true });
  const shot = resolve(TARGET, `${script}-failure.png`);
  await page?.screenshot({ path: shot, fullPage: true }).catch(() => {});
  console.error(`not ok ${passed + 1} - ${error instanceof Failure ? error.message : error?.stack ?? error}`);
  console.error(`# at ${page?.url()}; screenshot: ${shot}`);
  for (const refusal of refusals) console.error(`# API refused: ${refusal}`);
  console.log(`${passed} passed, 1 failed`);
  process.exitCode = 1;
}
