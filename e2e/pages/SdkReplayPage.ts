// Page object for the "Real SDK" tab: paste or open a real handler file and replay the loaded journal with it.
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const REAL_CAPTURES = path.join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'restate-1.7.12');
export const PASTE_HANDLERS = path.join(import.meta.dirname, '..', '..', 'test', 'sdk-replay', 'paste');

export class SdkReplayPage {
  readonly tab: Locator;
  readonly code: Locator;
  readonly handler: Locator;
  readonly handlerFile: Locator;
  readonly replay: Locator;
  readonly verdict: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Real SDK' });
    this.code = page.getByRole('textbox', { name: 'Real handler code' });
    this.handler = page.getByRole('textbox', { name: 'Handler', exact: true });
    this.handlerFile = page.getByLabel('Handler file');
    this.replay = page.getByRole('button', { name: 'Replay with the real SDK' });
    this.verdict = page.getByRole('region', { name: 'Real SDK verdict' });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.code).toBeVisible();
  }

  /** Pastes one of test/sdk-replay/paste/*.ts into the editor (as a user pasting their file). */
  async paste(file: string): Promise<void> {
    await this.code.fill(readFileSync(path.join(PASTE_HANDLERS, file), 'utf8'));
  }
}
