// Page object for the timeline's marker labels (crash, retry, transient error, attempt N, handler down, decided by…).
import type { Locator, Page } from '@playwright/test';

export interface LabelBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export class TimelinePage {
  readonly labels: Locator;
  readonly lanesArea: Locator;
  readonly wallClockAxis: Locator;
  readonly indexAxis: Locator;
  readonly zoomOut: Locator;

  constructor(readonly page: Page) {
    this.lanesArea = page.getByRole('region', { name: 'Timeline' }).locator('.tl-overlay');
    this.labels = this.lanesArea.locator('.tl-label');
    this.wallClockAxis = page.getByRole('button', { name: 'Wall-clock axis' });
    this.indexAxis = page.getByRole('button', { name: 'Journal-index axis' });
    this.zoomOut = page.getByRole('button', { name: 'Zoom out' });
  }

  /** The labels' boxes as drawn (client coordinates). */
  async labelBoxes(): Promise<LabelBox[]> {
    return this.labels.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
  }

  /** Pairs of labels whose boxes intersect ("a × b"); empty when every label is readable. */
  async overlappingLabels(): Promise<string[]> {
    const b = await this.labelBoxes();
    const out: string[] = [];
    for (let i = 0; i < b.length; i++)
      for (let j = i + 1; j < b.length; j++)
        if (b[i].left < b[j].right && b[j].left < b[i].right && b[i].top < b[j].bottom && b[j].top < b[i].bottom)
          out.push(`${b[i].text} × ${b[j].text}`);
    return out;
  }

  /** Labels drawn partly outside the lanes area (cut off at its edges). */
  async cutOffLabels(): Promise<string[]> {
    const area = (await this.lanesArea.boundingBox())!;
    return (await this.labelBoxes())
      .filter((l) => l.left < area.x - 0.5 || l.right > area.x + area.width + 0.5)
      .map((l) => l.text);
  }
}
