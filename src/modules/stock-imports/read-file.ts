import ExcelJS from 'exceljs';
import { CsvError, parse } from 'csv-parse/sync';
import { AppError, invalid } from '../../kernel/errors.ts';

/**
 * An export read into text cells: the header's column names and each data line with its line number in
 * the file. CSV through csv-parse (UTF-8, with or without BOM, or Windows-1252 when the user says so;
 * the delimiter is the header's most frequent of ; , and tab), XLSX through exceljs (first sheet).
 */
export interface ReadFile {
  columns: string[];
  lines: string[][];
  lineNumbers: number[];
}

const isXlsx = (content: Buffer) => content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

export async function readExport(content: Buffer, encoding: 'utf-8' | 'windows-1252'): Promise<ReadFile> {
  const read = isXlsx(content) ? await readXlsx(content) : readCsv(decode(content, encoding));
  const [header, ...rest] = read.rows;
  if (!header || rest.length === 0)
    throw invalid({ file: 'Le fichier ne contient aucune ligne de données sous sa ligne d’en-tête.' });
  return { columns: columnNames(header), lines: rest, lineNumbers: read.lineNumbers.slice(1) };
}

function decode(content: Buffer, encoding: 'utf-8' | 'windows-1252'): string {
  if (encoding === 'windows-1252') return new TextDecoder('windows-1252').decode(content);
  try {
    // ignoreBOM: false drops a UTF-8 byte order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw invalid(
      { encoding: 'Ce fichier n’est pas encodé en UTF-8.' },
      'Le fichier n’est pas encodé en UTF-8 (des accents seraient illisibles). Enregistrez-le en « CSV UTF-8 », ou choisissez l’encodage « Windows (ANSI) » s’il vient d’Excel ou d’un logiciel Windows.',
    );
  }
}

function readCsv(text: string): { rows: string[][]; lineNumbers: number[] } {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  try {
    // Each record's line number taken as it is read: `info: true` would keep an object per record.
    const lineNumbers: number[] = [];
    const rows = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (record: string[], context) => {
        lineNumbers.push(context.lines);
        return record;
      },
    }) as string[][];
    return { rows, lineNumbers };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw new AppError(
      'VALIDATION_FAILED',
      `Le fichier CSV est mal formé${line ? ` à la ligne ${line}` : ''} (un guillemet non fermé, par exemple) : il n’a pas pu être lu.`,
      { file: 'Fichier CSV mal formé.' },
    );
  }
}

/** A cell as text: a date as its day (yyyy-mm-dd), a number as written, a formula by its result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(content: Buffer): Promise<{ rows: string[][]; lineNumbers: number[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw invalid({
      file: 'Ce classeur Excel est illisible (fichier abîmé ou protégé par un mot de passe).',
    });
  }
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    if (cells.some((c) => c !== '')) {
      rows.push(cells);
      lineNumbers.push(row.number);
    }
  });
  return { rows, lineNumbers };
}

/** Header names, each once: an empty one is named by its position, a repeated one numbered. */
function columnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw.trim() || `Colonne ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
