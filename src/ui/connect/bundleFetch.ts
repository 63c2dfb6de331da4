// One invocation's bundle from the admin API: the four queries of `replay-inspector export`, their rows spliced
// verbatim (partition keys exceed 2^53). Shared by Open and by Follow's full re-read.
import { AdminError, adminQuery, type ServeConfig } from './adminClient';
import { bundleSql, bundleText, rowsArrayText } from './adminSql';

export interface FetchedBundle {
  /** The bundle file text, as the reader reads it. */
  text: string;
  /** The rows arrays texts of sys_journal and sys_journal_events (Follow keeps them). */
  journalRows: string;
  eventRows: string;
  /** The sys_invocation row (modified_at and journal_size say when Follow must look again). */
  invocation: Record<string, unknown>;
  /** Characters received (≈ bytes: the answers are JSON text, ASCII but for payloads). */
  chars: number;
}

export const fileNameOf = (id: string) => `${id}.bundle.json`;

/** Older servers may lack a side table: the journal alone still reads. */
const orEmpty = (e: unknown) =>
  e instanceof AdminError && e.httpStatus !== 502 ? { text: '{"rows":[]}', rows: [] } : Promise.reject(e);

export async function fetchBundle(config: ServeConfig, id: string): Promise<FetchedBundle> {
  const sql = bundleSql(id);
  const [invocation, journal, events, status] = await Promise.all([
    adminQuery(config, sql.sys_invocation),
    adminQuery(config, sql.sys_journal),
    adminQuery(config, sql.sys_journal_events).catch(orEmpty),
    adminQuery(config, sql.sys_invocation_status).catch(orEmpty),
  ]);
  if (invocation.rows.length === 0)
    throw new AdminError(`There is no invocation ${id} on ${config.admin} (any more).`, 404);
  const journalRows = rowsArrayText(journal.text);
  const eventRows = rowsArrayText(events.text);
  const text = bundleText(
    {
      sys_invocation: rowsArrayText(invocation.text),
      sys_journal: journalRows,
      sys_journal_events: eventRows,
      sys_invocation_status: rowsArrayText(status.text),
    },
    { admin: config.admin, query: `id = '${id}'` },
  );
  const chars = invocation.text.length + journal.text.length + events.text.length + status.text.length;
  return { text, journalRows, eventRows, invocation: invocation.rows[0], chars };
}
