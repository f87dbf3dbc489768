import { CheckpointView } from '@platform/event-store';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportColumn<T> {
  /** Chinese, as the offices' own ledgers head their columns. */
  readonly header: string;
  readonly width?: number;
  value(row: T): string | number | null;
}

export interface ExportSheet<T> {
  readonly name: string;
  readonly columns: readonly ExportColumn<T>[];
  readonly rows: AsyncIterable<T> | Iterable<T>;
}

// Sheets of different row types go into one workbook; each sheet's columns match its own rows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySheet = ExportSheet<any>;

/** A rate as a percentage with one decimal; unknown stays empty rather than a made-up 0. */
export const percent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

export const yesNo = (v: boolean | null): string | null => (v === null ? null : v ? '是' : '否');

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // '#' is quoted too: readers that skip the checkpoint's comment line must not cut a value short.
  return /[",\r\n#]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Waits for the client to take what was written, so a large export never piles up in memory. */
async function drained(res: ServerResponse): Promise<void> {
  if (res.writableNeedDrain && !res.destroyed) await Promise.race([once(res, 'drain'), once(res, 'close')]);
}

export const CHECKPOINT_SHEET = '审计检查点';

/** The checkpoint signed for this export, as a reader copies it from the file to verify it. */
function checkpointLines(c: CheckpointView): [string, string][] {
  return [
    ['审计检查点 (audit checkpoint)', c.text],
    ['见证位置 (position)', String(c.position)],
    ['哈希 (hash)', c.hash],
    ['签发时间 (issued at)', c.issuedAt],
    ['密钥编号 (key id)', c.keyId],
    ['核验 (verify)', 'GET /api/audit-trail/checkpoints/verify?checkpoint=<审计检查点>'],
  ];
}

async function writeCsv<T>(res: ServerResponse, sheet: ExportSheet<T>, checkpoint: CheckpointView | null): Promise<void> {
  // The BOM makes Excel read the Chinese headers as UTF-8.
  res.write('\uFEFF' + sheet.columns.map((c) => csvField(c.header)).join(',') + '\r\n');
  for await (const row of sheet.rows) {
    if (res.destroyed) return;
    res.write(sheet.columns.map((c) => csvField(c.value(row))).join(',') + '\r\n');
    await drained(res);
  }
  // A trailing comment line: spreadsheet programs show it as the last row, CSV readers skip it with comment: '#'.
  if (checkpoint) res.write(`# 审计检查点 (audit checkpoint): ${checkpoint.text}\r\n`);
  res.end();
}

async function writeXlsx(res: ServerResponse, sheets: readonly AnySheet[], checkpoint: CheckpointView | null): Promise<void> {
  // Loaded on the first spreadsheet export, not at start: it was a tenth of the platform's restart time.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.columns = sheet.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 14 }));
    ws.getRow(1).font = { bold: true };
    for await (const row of sheet.rows) {
      if (res.destroyed) return;
      ws.addRow(sheet.columns.map((c) => c.value(row) ?? null)).commit();
      await drained(res);
    }
    ws.commit();
  }
  if (checkpoint) {
    const ws = workbook.addWorksheet(CHECKPOINT_SHEET);
    ws.columns = [{ width: 28 }, { width: 120 }];
    for (const line of checkpointLines(checkpoint)) ws.addRow(line).commit();
    ws.commit();
  }
  await workbook.commit();
}

/**
 * Takes the answer over from Fastify to write it as a stream on Node's response: the headers the
 * reply holds so far (the correlation id, the view's moment) go with it; Fastify's onSend hooks
 * (ETag) do not run for it, and its onResponse hooks (the log line, the latency) still do.
 */
function streamOf(reply: FastifyReply): ServerResponse {
  reply.hijack();
  const res = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
  res.statusCode = reply.statusCode;
  return res;
}

/**
 * Streams the sheets to the response: rows are written as they are read, so an export of a
 * whole city never holds the ledger in memory. CSV carries the first sheet only. The signed
 * checkpoint goes in a header, and in the file itself: a last sheet in XLSX, a last comment line in CSV.
 */
export async function streamExport(
  reply: FastifyReply,
  format: ExportFormat,
  fileName: string,
  sheets: readonly AnySheet[],
  checkpoint: CheckpointView | null = null,
): Promise<void> {
  const encoded = encodeURIComponent(`${fileName}.${format}`);
  const res = streamOf(reply);
  res.setHeader('Content-Disposition', `attachment; filename="export.${format}"; filename*=UTF-8''${encoded}`);
  if (checkpoint) res.setHeader('X-Audit-Checkpoint', checkpoint.text);
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    await writeCsv(res, sheets[0], checkpoint);
  } else {
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await writeXlsx(res, sheets, checkpoint);
  }
}
