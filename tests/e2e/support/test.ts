/**
 * Playwright's `test`, with two additions: the page's Date reads the suites' one day (tests/clock.ts); and where JavaScript runs, going to (or reloading) a page with a form waits
 * until the page script has enhanced it (it loads after the page, so a quick click could otherwise post natively).
 */
import { test as base } from '@playwright/test';
import { testNow } from '../../clock';

export type { Page } from '@playwright/test';
export { expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, use) => {
    // The page's Date reads the suites' one day, as the build's and the Worker's clocks do (tests/clock.ts), whatever
    // the machine's date: a whole number of days added to Date.now() and new Date(). Timers are left alone (Playwright's
    // own clock, which also takes over the timers, made axe's scans take minutes).
    await page.addInitScript((offset: number) => {
      const Real = Date;
      class Shifted extends Real {
        constructor(...args: ConstructorParameters<DateConstructor> | []) {
          if (args.length === 0) super(Real.now() + offset);
          else super(...(args as ConstructorParameters<DateConstructor>));
        }
        static override now() {
          return Real.now() + offset;
        }
      }
      globalThis.Date = Shifted as DateConstructor;
    }, testNow().getTime() - Date.now());
    const enhanced = async () => {
      if (javaScriptEnabled !== false && (await page.locator('form[data-enhance]').count()) > 0)
        await page.locator('form[data-enhanced]').first().waitFor();
    };
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await enhanced();
      return response;
    };
    const reload = page.reload.bind(page);
    page.reload = async (options) => {
      const response = await reload(options);
      await enhanced();
      return response;
    };
    await use(page);
  },
});
