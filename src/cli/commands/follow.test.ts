import { describe, expect, it } from 'vitest';
import { readJournals } from '../../journal-reader';
import { columnStats } from '../../journal-reader/column-stats';
import type { FollowLine } from '../../restate-admin/follow-run';
import { captureBundle, fakeAdmin, type Tick } from '../../restate-admin/fake-admin-test-kit';
import type { CliIo } from '../io';
import { run } from './follow';

function capture() {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    readFile: () => Promise.reject(new Error('no files')),
    writeFile: () => Promise.reject(new Error('no files')),
  };
  return {
    io,
    lines: () =>
      out
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as FollowLine),
    err: () => err,
  };
}

/** Rows appear `perTick` at a time; the invocation completes `doneAfter` ticks after the last row (or never). */
function growing(total: number, perTick: number, first = perTick, doneAfter: number | null = 1) {
  return (tick: number): Tick => {
    const visible = Math.min(total, first + tick * perTick);
    const lastRowTick = Math.ceil(Math.max(0, total - first) / perTick);
    const done = doneAfter !== null && tick >= lastRowTick + doneAfter;
    return { visible, status: done ? 'completed' : 'running' };
  };
}

async function follow(name: string, schedule: (tick: number) => Tick, extra: string[] = []) {
  const bundle = captureBundle(name);
  const admin = fakeAdmin(bundle, schedule);
  const cli = capture();
  const code = await run(
    ['--admin', 'http://restate:9070', '--id', admin.id, '--interval-ms', '500', ...extra],
    cli.io,
    admin,
  );
  return { code, lines: cli.lines(), err: cli.err(), admin, bundle };
}

function wholeStats(bundle: ReturnType<typeof captureBundle>) {
  return columnStats(
    readJournals(JSON.stringify({ format: 'replay-inspector/bundle', version: 1, ...bundle })).journals[0],
  );
}

describe('replay-inspector follow (fake admin API)', () => {
  it('fanout-small: one line per change with growing counts, only new rows asked for, a final line, exit 0', async () => {
    const { code, lines, err, admin, bundle } = await follow('fanout-small', growing(42, 8, 5));
    expect(err).toBe('');
    expect(code).toBe(0);
    const updates = lines.filter((l) => l.event === 'update');
    expect(updates.map((l) => l.entries)).toEqual([5, 13, 21, 29, 37, 42]);
    expect(updates.every((l) => l.status === 'running')).toBe(true);
    // The outcome is known once the Output entry is in (the reader derives it), before the status says completed.
    expect(updates.map((l) => l.outcome)).toEqual([null, null, null, null, null, 'success']);
    const end = lines.at(-1)!;
    expect(lines.filter((l) => l.event === 'end')).toEqual([end]);
    expect(end).toMatchObject({
      event: 'end',
      end: 'completed',
      status: 'completed',
      outcome: 'success',
      fullReads: 1,
    });
    const { status: _s, ...whole } = wholeStats(bundle);
    expect(end).toMatchObject(whole);
    // Each update asks from the last row held on (one overlapping row), never the whole journal again.
    expect(admin.journalQueries.map((q) => /index >= (\d+)/.exec(q)?.[1])).toEqual([
      '0',
      '4',
      '12',
      '20',
      '28',
      '36',
      '41',
    ]);
    expect(admin.journalRowsSent).toBe(42 + admin.journalQueries.length - 1);
  });

  it('fanout-7000 with --page-rows 1000: the first read comes in pages, each from the last row held on', async () => {
    const { code, lines, admin, bundle } = await follow(
      'fanout-7000',
      (tick) => ({ visible: tick === 0 ? 6990 : 7002, status: tick >= 2 ? 'completed' : 'running' }),
      ['--page-rows', '1000'],
    );
    expect(code).toBe(0);
    expect(lines.map((l) => `${l.event}:${l.entries}`)).toEqual(['update:6990', 'update:7002', 'end:7002']);
    const froms = admin.journalQueries.map((q) => Number(/index >= (\d+)/.exec(q)?.[1]));
    // 0, 999, 1998, … 6993: seven pages of 1,000 rows (one overlapping), then the 12 new rows, then the completion.
    expect(froms).toEqual([0, 999, 1998, 2997, 3996, 4995, 5994, 6989, 7001]);
    expect(admin.journalQueries.every((q) => q.endsWith(' LIMIT 1000'))).toBe(true);
    expect(admin.journalRowsSent).toBe(7002 + froms.length - 1);
    const { status: _s, ...whole } = wholeStats(bundle);
    expect(lines.at(-1)).toMatchObject({ ...whole, fullReads: 1 });
  });

  it('prints nothing for polls where nothing changed', async () => {
    // Rows arrive every third tick: the polls in between fetch no journal rows and print no line.
    const { code, lines, admin } = await follow('fanout-small', (tick) => ({
      visible: Math.min(42, 10 + Math.floor(tick / 3) * 16),
      status: tick >= 9 ? 'completed' : 'running',
    }));
    expect(code).toBe(0);
    expect(lines.map((l) => `${l.event}:${l.entries}`)).toEqual(['update:10', 'update:26', 'update:42', 'end:42']);
    expect(admin.journalQueries).toHaveLength(4);
  });

  it('an invocation with no journal rows yet: a line with 0 entries, then the rows when they come (one full read)', async () => {
    const { code, lines } = await follow('fanout-small', growing(42, 21, 0));
    expect(code).toBe(0);
    expect(lines.map((l) => `${l.event}:${l.entries}`)).toEqual(['update:0', 'update:21', 'update:42', 'end:42']);
    expect(lines[0]).toMatchObject({ target: null, futures: 0, status: 'running' });
    expect(lines.at(-1)).toMatchObject({ fullReads: 1, target: 'Lab/fanout' });
  });

  it('terminal-failure: completed with a failure exits 1', async () => {
    const { code, lines } = await follow('terminal-failure', growing(4, 1, 1));
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatchObject({ event: 'end', end: 'completed', outcome: 'failure', entries: 4 });
  });

  it('still running when --timeout-ms runs out: a final timeout line, exit 3', async () => {
    const { code, lines, admin } = await follow('fanout-small', growing(42, 10, 10, null), ['--timeout-ms', '2000']);
    expect(code).toBe(3);
    expect(lines.at(-1)).toMatchObject({ event: 'end', end: 'timeout', status: 'running', entries: 42 });
    expect(admin.tick).toBe(4);
  });

  it('run-retry: the last event is reported, events asked for from the latest held on', async () => {
    const { code, lines } = await follow('run-retry', growing(4, 1, 1));
    expect(code).toBe(0);
    expect(lines.at(-1)!.lastEvent).toMatchObject({ type: 'TransientError' });
  });

  it('a rewritten journal (the overlapping row changed) is read again in full, once, and still ends right', async () => {
    const bundle = captureBundle('fanout-small');
    const admin = fakeAdmin(bundle, growing(42, 10, 10));
    const cli = capture();
    const sleep = admin.sleep;
    const rewriting = {
      ...admin,
      sleep: async (ms: number) => {
        await sleep(ms);
        if (admin.tick === 2)
          admin.replaceRow(19, { ...bundle.sys_journal[19], appended_at: '2030-01-01T00:00:00.000Z' });
      },
    };
    const code = await run(['--admin', 'http://r:9070', '--id', admin.id], cli.io, rewriting);
    expect(code).toBe(0);
    const end = cli.lines().at(-1)!;
    expect(end).toMatchObject({ end: 'completed', entries: 42, fullReads: 2 });
    expect(admin.journalQueries.filter((q) => !q.includes('index >= ')).length).toBe(0);
    expect(admin.journalQueries.map((q) => /index >= (\d+)/.exec(q)?.[1])).toEqual([
      '0',
      '9',
      '19',
      '0',
      '29',
      '39',
      '41',
    ]);
  });

  it('admin errors, an unknown id and bad arguments exit 2 with a message', async () => {
    const bundle = captureBundle('fanout-small');
    const admin = fakeAdmin(bundle, growing(42, 10));
    admin.failNextWith(500);
    let cli = capture();
    expect(await run(['--admin', 'http://r:9070', '--id', admin.id], cli.io, admin)).toBe(2);
    expect(cli.err()).toMatch(/answered HTTP 500/);

    cli = capture();
    expect(await run(['--admin', 'http://r:9070', '--id', 'inv_1nothere'], cli.io, admin)).toBe(2);
    expect(cli.err()).toMatch(/inv_1nothere is not on the server/);

    const unreachable = { ...admin, fetch: (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch };
    cli = capture();
    expect(await run(['--admin', 'http://r:9070', '--id', admin.id], cli.io, unreachable)).toBe(2);
    expect(cli.err()).toMatch(/cannot reach the Restate admin API/);

    for (const args of [
      [],
      ['--admin', 'http://r:9070'],
      ['--admin', 'ftp://r', '--id', admin.id],
      ['--admin', 'http://r', '--id', 'x'],
      ['--admin', 'http://r', '--id', admin.id, '--interval-ms', '0'],
      ['--admin', 'http://r', '--id', admin.id, '--nope', '1'],
    ]) {
      cli = capture();
      expect(await run(args, cli.io, admin), args.join(' ')).toBe(2);
      expect(cli.err()).toMatch(/Usage: replay-inspector follow/);
    }
  });
});
