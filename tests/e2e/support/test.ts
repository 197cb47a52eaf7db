/**
 * Playwright's `test`, with two additions: the page's clock is the suites' one clock (tests/clock.ts); and where JavaScript runs, going to (or reloading) a page with a form waits
 * until the page script has enhanced it (it loads after the page, so a quick click could otherwise post natively).
 */
import { test as base } from '@playwright/test';
import { testNow } from '../../clock';

export type { Page } from '@playwright/test';
export { expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, use) => {
    // The browser's clock starts where the build's and the Worker's do (tests/clock.ts), whatever the machine says.
    await page.clock.setSystemTime(testNow());
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
