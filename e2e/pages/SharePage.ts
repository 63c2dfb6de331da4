// Page object for sharing and exports: Copy link, its panels (copied, manual field, too long), and the Export menu.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export class SharePage {
  readonly copyLink: Locator;
  readonly exportMenuButton: Locator;
  readonly linkCopied: Locator;
  readonly manualLinkField: Locator;
  readonly tooLong: Locator;
  readonly downloadViewFile: Locator;

  constructor(readonly page: Page) {
    this.copyLink = page.getByRole('button', { name: 'Copy link' });
    this.exportMenuButton = page.getByRole('button', { name: /^Export/ });
    this.linkCopied = page.getByText('Link copied');
    this.manualLinkField = page.getByRole('textbox', { name: 'Share link' });
    this.tooLong = page.getByRole('dialog', { name: 'Link too long' });
    this.downloadViewFile = page.getByRole('button', { name: 'Download view file' });
  }

  exportItem(name: string): Locator {
    return this.page.getByRole('menuitem', { name });
  }

  /** Clicks an Export menu item and returns the downloaded file. */
  async exportDownload(name: string): Promise<{ download: Download; path: string }> {
    await this.exportMenuButton.click();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportItem(name).click()]);
    const path = await download.path();
    return { download, path };
  }

  async exportText(name: string): Promise<{ fileName: string; text: string }> {
    const { download, path } = await this.exportDownload(name);
    return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Copy link with the clipboard granted: returns the copied URL. */
  async copiedUrl(): Promise<string> {
    await this.copyLink.click();
    await expect(this.linkCopied).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
