// Test fixtures: `inspector` is a page object on a fresh page, already on the app.
import { test as base } from '@playwright/test';
import { InspectorPage } from './pages/InspectorPage';

export const test = base.extend<{ inspector: InspectorPage }>({
  inspector: async ({ page }, use) => {
    const inspector = new InspectorPage(page);
    await inspector.goto();
    await use(inspector);
  },
});

export { expect } from '@playwright/test';
