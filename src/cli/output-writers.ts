// What `extract` (and `batch collect`) print: one writer per --format, each given the outcomes in
// input order.
import { emptyEntities, type Entities, type EntityDetails } from '../core/entities';
import { toCSV, toTSV, UTF8_BOM } from '../core/export/delimited';
import { SPREADSHEET_HEADER, toSpreadsheetRow } from '../core/export/rows';
import { UsageError } from './command';
import type { RecordOutcome } from './extract-records';

export const OUTPUT_FORMATS = ['jsonl', 'csv', 'tsv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** --format F: one of OUTPUT_FORMATS, jsonl when not given. */
export function formatFlag(value: string | undefined): OutputFormat {
  const format = (value ?? 'jsonl') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format))
    throw new UsageError(`--format takes ${OUTPUT_FORMATS.join(' or ')}, got "${value}"`);
  return format;
}

export interface OutputWriter {
  write(outcome: RecordOutcome, index: number): void;
  end(): void;
}

/** The JSONL object for one record: the four lists, then meta or error, then the input's id. */
export function toOutputObject(outcome: RecordOutcome, options: { details?: boolean } = {}): Record<string, unknown> {
  const { result, error, record } = outcome;
  const out: Record<string, unknown> = result
    ? {
        diploma: result.diploma,
        diploma_major: result.diploma_major,
        experience: result.experience,
        skills: result.skills,
        meta: result.meta,
      }
    : {
        diploma: [],
        diploma_major: [],
        experience: [],
        skills: [],
        error: { code: error?.code ?? 'unknown', message: error?.message ?? 'failed' },
      };
  if (options.details && result) out.details = result.details ?? detailsOf(result);
  if (record.id !== undefined) out.id = record.id;
  return out;
}

/** Details for a result that has none (a model's answer): every value at confidence 1. */
function detailsOf(result: Entities): EntityDetails {
  const one = (values: string[]) => values.map((value) => ({ value, confidence: 1 }));
  return {
    diploma: one(result.diploma),
    diploma_major: one(result.diploma_major),
    experience: one(result.experience),
    skills: one(result.skills),
  };
}

export function createOutputWriter(
  format: OutputFormat,
  out: NodeJS.WritableStream,
  options: { bom?: boolean; details?: boolean } = {},
): OutputWriter {
  switch (format) {
    case 'jsonl':
      return {
        write: (outcome) =>
          void out.write(JSON.stringify(toOutputObject(outcome, { details: options.details })) + '\n'),
        end: () => {},
      };
    case 'csv':
    case 'tsv': {
      // Spreadsheet rows (src/core/export): failed records keep their row, empty.
      const lines = (rows: string[][]) => (format === 'csv' ? toCSV(rows, { bom: false }) : toTSV(rows));
      out.write((format === 'csv' && options.bom ? UTF8_BOM : '') + lines([[...SPREADSHEET_HEADER]]));
      return {
        write: (o) => void out.write(lines([toSpreadsheetRow(o.record.posting ?? {}, o.result ?? emptyEntities())])),
        end: () => {},
      };
    }
  }
}
