// Unit tests of `replay-inspector export` against a fake admin API (the real server is in test/integration).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io';
import { rowsArrayText, run, sqlLiteral } from './export';

const ID = 'inv_1aJG8iyG66612OnSH6AfH9lcmoeAxylaxz';
// Above 2^53: JSON.parse would turn it into 4457529806930185700.
const BIG_KEY = '4457529806930185853';

interface Recorded {
  queries: string[];
}

function fakeAdmin(recorded: Recorded, respond: (sql: string) => { status: number; body: string }): Server {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/version') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"version":"1.7.12"}');
        return;
      }
      const sql = (JSON.parse(body) as { query: string }).query;
      recorded.queries.push(sql);
      const { status, body: reply } = respond(sql);
      res.writeHead(status, { 'content-type': 'application/json' }).end(reply);
    });
  });
}

const happy = (sql: string) => {
  if (sql.includes('FROM sys_invocation_status'))
    return { status: 200, body: `{"rows":[{"id":"${ID}","status":"completed"}]}` };
  if (sql.startsWith('SELECT id FROM sys_invocation')) return { status: 200, body: `{"rows":[{"id":"${ID}"}]}` };
  if (sql.includes('FROM sys_invocation'))
    return { status: 200, body: `{"rows":[{"id":"${ID}","target":"Lab/retry","status":"completed"}]}` };
  if (sql.includes('FROM sys_journal_events')) return { status: 200, body: '{"rows":[]}' };
  return {
    status: 200,
    body: `{"rows":[{"partition_key":${BIG_KEY},"id":"${ID}","index":0,"entry_type":"Command: Input"}]}`,
  };
};

function memoryIo() {
  const files = new Map<string, string>();
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    readFile: async () => new Uint8Array(),
    writeFile: async (path, data) =>
      void files.set(path, typeof data === 'string' ? data : new TextDecoder().decode(data)),
  };
  return { io, files, out: () => out, err: () => err };
}

let server: Server;
let admin: string;
const recorded: Recorded = { queries: [] };
let responder: (sql: string) => { status: number; body: string } = happy;

beforeAll(async () => {
  server = fakeAdmin(recorded, (sql) => responder(sql));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  admin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('export', () => {
  it('writes a bundle whose rows keep partition_key digits beyond 2^53', async () => {
    responder = happy;
    const m = memoryIo();
    expect(await run(['--admin', admin, '--id', ID, '-o', 'out.json'], m.io)).toBe(0);
    const text = m.files.get('out.json')!;
    expect(text).toContain(`"partition_key":${BIG_KEY}`);
    const bundle = JSON.parse(text);
    expect(bundle.format).toBe('replay-inspector/bundle');
    expect(bundle.version).toBe(1);
    expect(bundle.source.restateVersion).toBe('1.7.12');
    expect(bundle.sys_journal).toHaveLength(1);
    expect(bundle.sys_journal_events).toEqual([]);
    expect(bundle.sys_invocation[0].target).toBe('Lab/retry');
    expect(bundle.sys_invocation_status[0].status).toBe('completed');
    expect(m.out()).toContain('Exported 1 invocation(s), 1 journal entries, 0 events to out.json');
  });

  it('selects by target with a limit and a status, quoting every literal', async () => {
    responder = happy;
    recorded.queries.length = 0;
    const m = memoryIo();
    expect(
      await run(
        ['--admin', admin, '--target', 'my.Svc/run_it', '--limit', '5', '--status', 'completed', '-o', '-'],
        m.io,
      ),
    ).toBe(0);
    expect(recorded.queries[0]).toBe(
      "SELECT id FROM sys_invocation WHERE target_service_name = 'my.Svc' AND target_handler_name = 'run_it' AND status = 'completed' ORDER BY created_at DESC LIMIT 5",
    );
    expect(JSON.parse(m.out()).sys_journal[0].id).toBe(ID);
  });

  it('selects a virtual object or workflow key with Object/key/handler', async () => {
    responder = happy;
    recorded.queries.length = 0;
    const m = memoryIo();
    expect(await run(['--admin', admin, '--target', 'Approval/wf-1/run', '-o', '-'], m.io)).toBe(0);
    expect(recorded.queries[0]).toBe(
      "SELECT id FROM sys_invocation WHERE target_service_name = 'Approval' AND target_service_key = 'wf-1' AND target_handler_name = 'run' ORDER BY created_at DESC LIMIT 20",
    );
  });

  it.each([
    [['--id', ID, '-o', 'x.json'], '--admin'],
    [['--admin', 'http://h', '--id', ID], '-o <file>'],
    [['--admin', 'http://h', '-o', 'x.json'], 'either --id or --target'],
    [['--admin', 'http://h', '--id', ID, '--target', 'A/b', '-o', 'x'], 'either --id or --target'],
    [['--admin', 'http://h', '--id', "inv_1' OR '1'='1", '-o', 'x'], 'invocation id'],
    [['--admin', 'http://h', '--target', "A/b' --", '-o', 'x'], 'Service/handler'],
    [['--admin', 'http://h', '--target', "A/k'ey/b", '-o', 'x'], 'Service/handler'],
    [['--admin', 'http://h', '--target', 'A/k/e/b', '-o', 'x'], 'Service/handler'],
    [['--admin', 'http://h', '--target', 'A/b', '--limit', '0', '-o', 'x'], '--limit'],
    [['--admin', 'http://h', '--target', 'A/b', '--status', 'weird', '-o', 'x'], '--status'],
    [['--admin', 'ftp://h', '--id', ID, '-o', 'x'], 'http(s)'],
    [['--admin', 'http://h', '--id', ID, '--bogus', '-o', 'x'], 'unknown option --bogus'],
  ])('rejects bad usage %j with exit code 2', async (args, message) => {
    const m = memoryIo();
    expect(await run(args, m.io)).toBe(2);
    expect(m.err()).toContain(message);
    expect(m.files.size).toBe(0);
  });

  it('says which invocation does not exist (exit 1)', async () => {
    responder = (sql) => (sql.includes('FROM sys_invocation ') ? { status: 200, body: '{"rows":[]}' } : happy(sql));
    const m = memoryIo();
    expect(await run(['--admin', admin, '--id', ID, '-o', 'x.json'], m.io)).toBe(1);
    expect(m.err()).toContain(`no such invocation on ${admin}: ${ID}`);
    expect(m.files.size).toBe(0);
  });

  it('reports no matching invocations of a target (exit 1)', async () => {
    responder = (sql) => (sql.startsWith('SELECT id FROM') ? { status: 200, body: '{"rows":[]}' } : happy(sql));
    const m = memoryIo();
    expect(await run(['--admin', admin, '--target', 'Lab/none', '-o', 'x.json'], m.io)).toBe(1);
    expect(m.err()).toContain('no invocations of Lab/none');
  });

  it("passes the server's error message through (exit 1)", async () => {
    responder = () => ({ status: 400, body: '{"message":"Error during planning: table not found"}' });
    const m = memoryIo();
    expect(await run(['--admin', admin, '--id', ID, '-o', 'x.json'], m.io)).toBe(1);
    expect(m.err()).toContain('HTTP 400: Error during planning: table not found');
  });

  it('exports without the optional tables when the server lacks them, with a warning', async () => {
    responder = (sql) =>
      sql.includes('sys_journal_events') ? { status: 400, body: '{"message":"no such table"}' } : happy(sql);
    const m = memoryIo();
    expect(await run(['--admin', admin, '--id', ID, '-o', 'x.json'], m.io)).toBe(0);
    expect(m.err()).toContain('warning: sys_journal_events not exported');
    expect(JSON.parse(m.files.get('x.json')!).sys_journal_events).toEqual([]);
  });

  it('says when the server cannot be reached (exit 1)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const m = memoryIo();
    expect(await run(['--admin', `http://127.0.0.1:${port}`, '--id', ID, '-o', 'x.json'], m.io)).toBe(1);
    expect(m.err()).toContain(`cannot reach the Restate admin API at http://127.0.0.1:${port}: ECONNREFUSED`);
  });
});

describe('rowsArrayText', () => {
  it('returns the rows array text verbatim', () => {
    expect(rowsArrayText(`{"rows":[{"partition_key":${BIG_KEY}}]}`)).toBe(`[{"partition_key":${BIG_KEY}}]`);
    expect(rowsArrayText(' { "rows" : [ ] } \n')).toBe('[ ]');
  });

  it.each(['[]', '{"data":[]}', '{"rows":[]', '{"rows":{}}', ''])('rejects %j', (text) => {
    expect(() => rowsArrayText(text)).toThrow('unexpected /query response');
  });
});

describe('sqlLiteral', () => {
  it('doubles single quotes', () => {
    expect(sqlLiteral("a'b")).toBe("'a''b'");
  });
});
