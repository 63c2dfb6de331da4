// Page object for the Connect panel (live Restate) and the follow chip in the header.
import type { Locator, Page } from '@playwright/test';

export class ConnectPanelPage {
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly targetFilter: Locator;
  readonly statusFilter: Locator;
  readonly refresh: Locator;
  readonly rows: Locator;
  readonly error: Locator;
  readonly following: Locator;
  readonly stopFollowing: Locator;
  /** "Showing 50 of 60", Load more, and how many changed since the first page. */
  readonly paging: Locator;
  readonly loadMore: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('button', { name: 'Connect', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Connect to Restate' });
    this.targetFilter = this.dialog.getByLabel('Target');
    this.statusFilter = this.dialog.getByLabel('Status');
    this.refresh = this.dialog.getByRole('button', { name: /^Refresh/ });
    this.rows = this.dialog.locator('tr[data-invocation-id]');
    this.error = this.dialog.getByRole('alert');
    this.following = page.getByRole('group', { name: 'Following' });
    this.stopFollowing = page.getByRole('button', { name: 'Stop following' });
    this.paging = this.dialog.getByRole('group', { name: 'Pages' });
    this.loadMore = this.dialog.getByRole('button', { name: /^(Load more|Loading…)$/ });
  }

  row(id: string): Locator {
    return this.dialog.locator(`tr[data-invocation-id="${id}"]`);
  }

  async ids(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-invocation-id') ?? ''));
  }

  async open(id: string): Promise<void> {
    await this.row(id)
      .getByRole('button', { name: `Open ${id}` })
      .click();
  }

  async follow(id: string): Promise<void> {
    await this.row(id)
      .getByRole('button', { name: `Follow ${id}` })
      .click();
  }
}
