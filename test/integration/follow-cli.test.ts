// `replay-inspector follow` against a real Restate server: Live/grow (test/restate-service/live-service.ts) runs while
// its journal grows one awakeable tick at a time; the follow prints a line per change with growing counts, a final
// line when it completes (exit 0), and exits 3 when its --timeout-ms runs out first. The final line must equal the
// summary of the whole journal exported afterwards (only new rows were fetched on the way).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { readJournals } from '../../src/journal-reader';
import { columnStats } from '../../src/journal-reader/column-stats';
import type { FollowLine } from '../../src/restate-admin/follow-run';
import { invocationRow, pollUntil, resolveAwakeable, send } from '../harness/restate';
import { captureIo } from './cli-helpers';
import { restateSuite } from './restate-suite';

const { ready, workDir } = restateSuite('ri-follow-');

/** The `tick`-th awakeable id Live/grow published (the next one appears once the previous tick's runs completed). */
function tickAwakeable(controlUrl: string, id: string, tick: number): Promise<string> {
  return pollUntil(
    async () => {
      const response = await fetch(`${controlUrl}/awakeables/${encodeURIComponent(id)}`);
      const ids = response.ok ? ((await response.json()) as string[]) : [];
      return ids.length > tick ? ids[tick] : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 50, what: `awakeable ${tick} of ${id}` },
  );
}

const linesOf = (out: string) =>
  out
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FollowLine);

describe('replay-inspector follow on a real Restate 1.7.12', () => {
  it('follows Live/grow while it runs: growing update lines, then the final line and exit 0', async () => {
    const { server, service } = ready();
    const id = await send(server.ingressUrl, 'Live/grow', { runs: 4, ticks: 3, perTick: 2 });
    const first = await tickAwakeable(service.controlUrl, id, 0);

    // Still running when the time runs out: the timeout line, exit 3.
    const early = captureIo();
    const args = ['follow', '--admin', server.adminUrl, '--id', id, '--interval-ms', '100'];
    expect(await main([...args, '--timeout-ms', '300'], early.io), early.err()).toBe(3);
    expect(linesOf(early.out()).at(-1)).toMatchObject({ event: 'end', end: 'timeout', invocationId: id });

    const cli = captureIo();
    // Pages of 4 rows: the server's LIMIT, and reading on from the last row held, are exercised too.
    const following = main([...args, '--timeout-ms', '25000', '--page-rows', '4'], cli.io);
    // Before each tick is resolved, the follow has printed the journal the server has at that moment.
    const caughtUp = async () => {
      const size = Number((await invocationRow(server.adminUrl, id))?.journal_size);
      await pollUntil(async () => (linesOf(cli.out()).at(-1)?.entries === size ? true : undefined), {
        timeoutMs: 10_000,
        intervalMs: 20,
        what: `follow to print ${size} entries`,
      });
    };
    for (let tick = 0; tick < 3; tick++) {
      const awakeable = tick === 0 ? first : await tickAwakeable(service.controlUrl, id, tick);
      await caughtUp();
      await resolveAwakeable(server.ingressUrl, awakeable, `tick ${tick}`);
    }
    const code = await following;
    expect(cli.err()).toBe('');
    expect(code).toBe(0);

    const lines = linesOf(cli.out());
    const updates = lines.filter((line) => line.event === 'update');
    const counts = updates.map((line) => line.entries);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    // Input + 4 runs and their completions (9), then each tick: its signal, 2 runs and their completions (+5). The
    // journal at rest before each resolution was printed (caughtUp); lines in between may show partial ticks.
    expect(counts).toEqual(expect.arrayContaining([9, 14, 19]));
    const awakeables = (line: FollowLine) => line.futuresByKind.Awakeable ?? 0;
    expect(updates.filter((line) => [9, 14, 19].includes(line.entries)).map(awakeables)).toEqual([0, 1, 2]);
    expect(updates.every((line) => line.status === 'running')).toBe(true);
    const end = lines.at(-1)!;
    expect(lines.filter((line) => line.event === 'end')).toEqual([end]);
    expect(end).toMatchObject({
      event: 'end',
      end: 'completed',
      status: 'completed',
      outcome: 'success',
      fullReads: 1,
    });
    expect(end.futuresByKind).toMatchObject({ Run: 10, Awakeable: 3 });

    // The final line is the summary of the whole journal read at once.
    const file = path.join(workDir(), 'grow.bundle.json');
    const exported = captureIo();
    expect(await main(['export', '--admin', server.adminUrl, '--id', id, '-o', file], exported.io)).toBe(0);
    const [journal] = readJournals(await readFile(file, 'utf8')).journals;
    expect(end).toMatchObject(columnStats(journal));
  });
});
