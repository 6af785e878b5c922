import type { Locator, Page } from 'playwright-core';

export type Area = 'accounts' | 'lake' | 'catalog' | 'clusters' | 'queries' | 'reports';

/** The window around every area: navigation, top bar, jobs menu, toasts. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  /** Waits for the shell and the active workspace (the sample lake opens on first start). */
  async ready(): Promise<void> {
    await this.page.getByTestId('shell').waitFor();
    await this.page.getByTestId('active-workspace-name').waitFor();
  }

  /** The area's view; hidden areas stay in the page, so every query is scoped to one. */
  area(area: Area): Locator {
    return this.page.getByTestId(`page-${area}`);
  }

  async goTo(area: Area): Promise<Locator> {
    await this.page.getByTestId(`nav-${area}`).click();
    const view = this.area(area);
    await view.waitFor({ state: 'visible' });
    return view;
  }

  /** Ctrl+1…6, as the tooltips promise. */
  async shortcut(index: number): Promise<void> {
    await this.page.keyboard.press(`Control+${index}`);
  }

  async activeWorkspace(): Promise<string> {
    return (await this.page.getByTestId('active-workspace-name').textContent()) ?? '';
  }

  /** The active AWS workspace as the top bar labels it. */
  async activeAws(): Promise<{ accountName: string; accountId: string; role: string; region: string }> {
    const part = async (name: string) =>
      ((await this.page.getByTestId(`active-workspace-${name}`).textContent()) ?? '').trim();
    return {
      accountName: await part('name'),
      accountId: await part('account-id'),
      role: await part('role'),
      region: await part('region'),
    };
  }

  /** Switches workspace with the top bar's switcher. */
  async switchWorkspace(label: string | RegExp): Promise<void> {
    await this.page.getByTestId('workspace-switcher').click();
    const menu = this.page.getByTestId('workspace-switcher-menu');
    await menu.getByTestId('workspace-switcher-item').filter({ hasText: label }).click();
    await menu.waitFor({ state: 'detached' });
  }

  async openJobs(): Promise<Locator> {
    await this.page.getByTestId('jobs-button').click();
    const panel = this.page.getByTestId('jobs-panel');
    await panel.waitFor();
    return panel;
  }

  async closeJobs(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('jobs-panel').waitFor({ state: 'detached' });
  }

  /** Waits until no job of the session is running (the jobs button leaves its busy state). */
  async idle(timeout = 60_000): Promise<void> {
    await this.page.locator('[data-testid=jobs-button]:not(.busy)').waitFor({ timeout });
  }

  /** Waits until every chart inside `scope` has finished drawing (ChartView marks it). */
  async chartsDrawn(scope: Locator): Promise<void> {
    for (const box of await scope.locator('.chart-box:has(canvas)').all()) {
      if (!(await box.isVisible())) continue;
      const handle = await box.elementHandle();
      if (handle)
        await this.page.waitForFunction((el) => el.hasAttribute('data-rendered'), handle, {
          timeout: 10_000,
        });
    }
  }

  /** Visible error banners of an area, as "message | hint" lines, to make failures readable. */
  async errors(view: Locator): Promise<string[]> {
    const banners = view.getByTestId('error-banner');
    const texts: string[] = [];
    for (const banner of await banners.all()) {
      if (await banner.isVisible()) texts.push((await banner.innerText()).replace(/\s+/g, ' ').trim());
    }
    return texts;
  }

  /** Waits out toasts so screenshots show the view, not the notifications. */
  async dismissToasts(): Promise<void> {
    // Always the first: the stack re-renders after each dismissal, so later indexes go stale.
    const close = this.page.getByTestId('toast').getByRole('button', { name: 'Dismiss' });
    for (let left = 8; left > 0 && (await close.count()) > 0; left--) {
      // A toast may leave on its own meanwhile: do not wait the default 30 s for it.
      await close
        .first()
        .click({ timeout: 1000 })
        .catch(() => undefined);
    }
  }
}
