// Page object for the inspector: readonly locators for what a user sees, and a few intent-level actions.
import { expect, type Locator, type Page } from '@playwright/test';
import path from 'node:path';

export const SAMPLES = path.join(import.meta.dirname, '..', 'fixtures', 'samples');

export class InspectorPage {
  readonly openJournal: Locator;
  readonly status: Locator;
  readonly stepForward: Locator;
  readonly stepBack: Locator;
  readonly nextDecision: Locator;
  readonly previousDecision: Locator;
  readonly play: Locator;
  readonly pause: Locator;
  readonly scrubber: Locator;
  readonly jumpToEntry: Locator;
  readonly examples: Locator;
  readonly timeline: Locator;
  readonly lanes: Locator;
  readonly inspector: Locator;
  readonly alert: Locator;
  readonly scenarioTab: Locator;
  readonly graphTab: Locator;
  readonly journalTab: Locator;

  constructor(readonly page: Page) {
    this.openJournal = page.getByLabel('Open journal');
    this.status = page.getByRole('status');
    this.stepForward = page.getByRole('button', { name: 'Step forward', exact: true });
    this.stepBack = page.getByRole('button', { name: 'Step back', exact: true });
    this.nextDecision = page.getByRole('button', { name: 'Next decision', exact: true });
    this.previousDecision = page.getByRole('button', { name: 'Previous decision', exact: true });
    this.play = page.getByRole('button', { name: 'Play', exact: true });
    this.pause = page.getByRole('button', { name: 'Pause', exact: true });
    this.scrubber = page.getByRole('slider', { name: 'Step' });
    this.jumpToEntry = page.getByRole('spinbutton', { name: 'Jump to entry' });
    this.examples = page.getByRole('navigation', { name: 'Examples' });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
    this.lanes = page.locator('[data-future-id]');
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.alert = page.getByRole('alert');
    this.scenarioTab = page.getByRole('tab', { name: 'Scenario editor' });
    this.graphTab = page.getByRole('tab', { name: 'Combinator graph' });
    this.journalTab = page.getByRole('tab', { name: 'Journal' });
  }

  async goto(hash = ''): Promise<void> {
    await this.page.goto(`./${hash}`);
    await expect(this.page.getByRole('heading', { name: 'Replay Inspector' })).toBeVisible();
  }

  lane(id: string): Locator {
    return this.page.locator(`[data-future-id="${id}"]`);
  }

  example(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.examples.getByRole('button', { name: new RegExp(`^${escaped}(\\s|$)`) });
  }

  async openSample(...files: string[]): Promise<void> {
    await this.openJournal.setInputFiles(files.map((f) => path.join(SAMPLES, f)));
  }

  /** Steps forward until the button is disabled; returns how many steps it took. */
  async stepToEnd(max = 500): Promise<number> {
    let steps = 0;
    while (steps < max && (await this.stepForward.isEnabled())) {
      await this.stepForward.click();
      steps++;
    }
    return steps;
  }
}
