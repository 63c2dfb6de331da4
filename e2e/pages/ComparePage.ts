// Page object for "Compare…": the chooser of run B and the side-by-side compare view.
import type { Locator, Page } from '@playwright/test';

export class ComparePage {
  readonly openButton: Locator;
  readonly chooser: Locator;
  readonly seedOfB: Locator;
  readonly compareSeeds: Locator;
  readonly withoutCrashes: Locator;
  readonly secondFile: Locator;
  readonly view: Locator;
  readonly verdict: Locator;
  readonly jumpToFirstDivergence: Locator;
  readonly differences: Locator;
  readonly cursors: Locator;
  readonly rows: Locator;
  readonly close: Locator;
  readonly copyLink: Locator;
  readonly legend: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('button', { name: 'Compare…' });
    this.chooser = page.getByRole('dialog', { name: 'Compare with…' });
    this.seedOfB = this.chooser.getByLabel('Seed of run B');
    this.compareSeeds = this.chooser.getByRole('button', { name: 'Compare seeds' });
    this.withoutCrashes = this.chooser.getByRole('button', { name: 'Compare without crashes' });
    this.secondFile = this.chooser.getByLabel('Second run file');
    this.view = page.getByRole('dialog', { name: 'Compare runs' });
    this.verdict = this.view.getByLabel('Verdict');
    this.jumpToFirstDivergence = this.view.getByRole('button', { name: 'Jump to first divergence' });
    this.differences = this.view.getByRole('navigation', { name: 'Differences' }).getByRole('button');
    this.cursors = this.view.locator('.compare-cursors');
    this.rows = this.view.locator('tr[data-command-index]');
    this.close = this.view.getByRole('button', { name: 'Close' });
    this.copyLink = this.view.getByRole('button', { name: 'Copy link' });
    this.legend = this.view.locator('.compare-legend');
  }

  row(commandIndex: number): Locator {
    return this.view.locator(`tr[data-command-index="${commandIndex}"]`);
  }

  async compareWithSeed(seed: number): Promise<void> {
    await this.openButton.click();
    await this.seedOfB.fill(String(seed));
    await this.compareSeeds.click();
  }
}
