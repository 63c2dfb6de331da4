// Page object for the combinator graph tab: its panel, its nodes, and where the nodes sit inside the panel.
import type { Locator, Page } from '@playwright/test';

/** Distances in px from the union box of all graph nodes to each side of the panel (negative: cut off). */
export interface GraphMargins {
  topPx: number;
  bottomPx: number;
  leftPx: number;
  rightPx: number;
  panelHeightPx: number;
  panelWidthPx: number;
}

export class GraphPage {
  readonly panel: Locator;
  readonly nodes: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('tabpanel', { name: 'Combinator graph' });
    this.nodes = this.panel.locator('.react-flow__node');
  }

  /** The nodes' union box against the panel's box, both as the user sees them (client coordinates). */
  async margins(): Promise<GraphMargins> {
    return this.panel.evaluate((panel) => {
      const p = panel.getBoundingClientRect();
      const boxes = [...panel.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
      const top = Math.min(...boxes.map((b) => b.top));
      const bottom = Math.max(...boxes.map((b) => b.bottom));
      const left = Math.min(...boxes.map((b) => b.left));
      const right = Math.max(...boxes.map((b) => b.right));
      return {
        topPx: top - p.top,
        bottomPx: p.bottom - bottom,
        leftPx: left - p.left,
        rightPx: p.right - right,
        panelHeightPx: p.height,
        panelWidthPx: p.width,
      };
    });
  }
}
