// Page object for the robustness and security specs: opening generated (bad, huge, hostile) files, running scenario
// code in the editor, setting limits, and the error/warning banners.
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InspectorPage, SAMPLES } from './InspectorPage';

export const IMG = '<img src=x onerror=window.__pwned=1>';
export const SCRIPT = '<script>window.__pwned=1</script>';

export class RobustnessPage extends InspectorPage {
  readonly error: Locator;
  readonly warnings: Locator;
  readonly dismissError: Locator;
  readonly limitsButton: Locator;
  readonly limitsDialog: Locator;
  readonly helpButton: Locator;
  readonly helpDialog: Locator;

  constructor(page: Page) {
    super(page);
    this.error = page.getByRole('alert', { name: 'Error' });
    this.warnings = page.getByRole('note', { name: 'Warnings' });
    this.dismissError = page.getByRole('button', { name: 'Dismiss error' });
    this.limitsButton = page.getByRole('button', { name: 'Limits', exact: true });
    this.limitsDialog = page.getByRole('dialog', { name: 'Limits' });
    this.helpButton = page.getByRole('button', { name: 'Keyboard shortcuts' });
    this.helpDialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  /** Opens generated files through the "Open journal" input, as a user picking them would. */
  async openBuffers(...files: { name: string; data: string | Buffer }[]): Promise<void> {
    await this.openJournal.setInputFiles(
      files.map((f) => ({
        name: f.name,
        mimeType: 'application/json',
        buffer: Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data),
      })),
    );
  }

  /** Types scenario code into the editor and presses Simulate. */
  async simulateCode(code: string): Promise<void> {
    await this.scenarioTab.click();
    const editor = this.page.locator('.cm-content');
    await expect(editor).toBeVisible();
    await editor.fill(code);
    await this.page.getByRole('button', { name: 'Simulate' }).click();
  }

  /** Loads an example and steps to a given step; returns the status text there. */
  async exampleAtStep(name: string, step: number): Promise<string> {
    await this.example(name).click();
    await expect(this.status).toHaveText(/^Step/);
    await this.page.keyboard.press('Home');
    while (!(await this.status.textContent())?.startsWith(`Step ${step} of`)) {
      const before = await this.status.textContent();
      await this.stepForward.click();
      await expect(this.status).not.toHaveText(before ?? '');
    }
    return (await this.status.textContent()) ?? '';
  }

  async pwned(): Promise<unknown> {
    return this.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  }
}

export const sample = (file: string) => readFileSync(path.join(SAMPLES, file), 'utf8');

const utf8Bytes = (s: string) => [...Buffer.from(s)];

/** The real run-retry export (journal, events, invocation) with hostile strings in every user-controlled text. */
export function hostileExport(): { name: string; data: string }[] {
  const journal = JSON.parse(sample('run-retry/journal.query.json')) as { rows: Record<string, unknown>[] };
  const events = JSON.parse(sample('run-retry/events.query.json')) as { rows: Record<string, unknown>[] };
  const invocation = JSON.parse(sample('run-retry/invocation.query.json')) as { rows: Record<string, unknown>[] };
  const runName = `flaky ${IMG}`;
  for (const row of journal.rows) {
    const type = String(row.entry_type);
    if (type === 'Command: Run') {
      row.name = runName;
      row.entry_json = JSON.stringify({ Command: { Run: { completion_id: 1, name: runName } } });
      row.entry_lite_json = row.entry_json;
    } else if (type === 'Command: Input') {
      const entry = JSON.parse(String(row.entry_json));
      entry.Command.Input.payload = utf8Bytes(JSON.stringify({ note: SCRIPT, img: IMG }));
      row.entry_json = JSON.stringify(entry);
    } else if (type === 'Notification: Run') {
      row.entry_json = JSON.stringify({
        Notification: {
          Completion: { Run: { completion_id: 1, result: { Success: utf8Bytes(JSON.stringify(SCRIPT)) } } },
        },
      });
    } else if (type === 'Notification: Call') {
      row.entry_json = JSON.stringify({
        Notification: {
          Completion: {
            Call: { completion_id: 3, result: { Failure: { code: 500, message: `call failed ${IMG} ${SCRIPT}` } } },
          },
        },
      });
      row.entry_lite_json = JSON.stringify({
        Notification: { ty: { Completion: 'Call' }, id: { CompletionId: 3 }, result: 'Failure' },
      });
    }
  }
  for (const row of events.rows) {
    const event = JSON.parse(String(row.event_json));
    event.error_message = `transient ${IMG}`;
    event.error_stacktrace = `Error: ${SCRIPT}\n    at <anonymous> (/srv/${IMG}.ts:1:1)`;
    row.event_json = JSON.stringify(event);
  }
  for (const row of invocation.rows) {
    row.target = `Fanout/${IMG}`;
    row.target_handler_name = IMG;
  }
  return [
    { name: 'journal.query.json', data: JSON.stringify(journal) },
    { name: 'events.query.json', data: JSON.stringify(events) },
    { name: 'invocation.query.json', data: JSON.stringify(invocation) },
  ];
}

/** Scenario code whose names, values, failures and thrown errors carry hostile strings. */
export const HOSTILE_SCENARIO = `import { defineScenario, race, TerminalError } from '../src/sim';
const IMG = ${JSON.stringify(IMG)};
const SCRIPT = ${JSON.stringify(SCRIPT)};
export default defineScenario({
  name: 'hostile ' + IMG,
  description: SCRIPT,
  input: { note: SCRIPT },
  defaults: { attemptsMax: 2 },
  handler: async (ctx) => {
    const value = ctx.run('fetch ' + IMG, () => ({ html: SCRIPT }));
    const timer = ctx.sleep(100, 'timer ' + SCRIPT);
    const first = await race([value, timer]);
    await ctx.run('fail ' + SCRIPT, () => { throw new TerminalError('failed ' + IMG + ' ' + SCRIPT); }).then((v) => v, (e) => e.message);
    // A retryable error: each attempt ends with it, so its message reaches the attempt notes and the status line.
    if (first !== null) throw new Error('retry ' + IMG);
    return { first, IMG, SCRIPT };
  },
});
`;
