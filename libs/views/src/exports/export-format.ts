import ExcelJS from 'exceljs';
import type { Response } from 'express';
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
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Waits for the client to take what was written, so a large export never piles up in memory. */
async function drained(res: Response): Promise<void> {
  if (res.writableNeedDrain && !res.destroyed) await Promise.race([once(res, 'drain'), once(res, 'close')]);
}

async function writeCsv<T>(res: Response, sheet: ExportSheet<T>): Promise<void> {
  // The BOM makes Excel read the Chinese headers as UTF-8.
  res.write('\uFEFF' + sheet.columns.map((c) => csvField(c.header)).join(',') + '\r\n');
  for await (const row of sheet.rows) {
    if (res.destroyed) return;
    res.write(sheet.columns.map((c) => csvField(c.value(row))).join(',') + '\r\n');
    await drained(res);
  }
  res.end();
}

async function writeXlsx(res: Response, sheets: readonly AnySheet[]): Promise<void> {
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
  await workbook.commit();
}

/**
 * Streams the sheets to the response: rows are written as they are read, so an export of a
 * whole city never holds the ledger in memory. CSV carries the first sheet only.
 */
export async function streamExport(
  res: Response,
  format: ExportFormat,
  fileName: string,
  sheets: readonly AnySheet[],
): Promise<void> {
  const encoded = encodeURIComponent(`${fileName}.${format}`);
  res.setHeader('Content-Disposition', `attachment; filename="export.${format}"; filename*=UTF-8''${encoded}`);
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    await writeCsv(res, sheets[0]);
  } else {
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await writeXlsx(res, sheets);
  }
}
