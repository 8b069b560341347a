import { normaliseResidentId } from '../ids/resident-id';
import { subjectIdProblem, subjectKindOf, type SubjectKind } from '../ids/subject-id';

/** One data line of an uploaded list: an ID to check, or the reason the line cannot be checked. */
export type BatchLine = { lineNo: number; idNumber: string; kind: SubjectKind } | { lineNo: number; error: string };

export type BatchEncoding = 'UTF-8' | 'GBK';

/** Longest line kept; the rest of a longer line is discarded as it arrives and the line reported. */
export const MAX_LINE_BYTES = 4096;

export class TooManyLines extends Error {
  constructor(readonly limit: number) {
    super(`The file has more than ${limit} ID lines`);
  }
}

const NEWLINE = 0x0a;
const utf8 = () => new TextDecoder('utf-8', { fatal: true });
const gbk = () => new TextDecoder('gbk', { fatal: true });
const isAscii = (bytes: Uint8Array) => bytes.every((b) => b < 0x80);

/** One CSV line's cells (RFC 4180 quoting within the line); null when its quotes do not close. */
export function splitCsvLine(line: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      wasQuoted = false;
    } else cell += c;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}

/**
 * Reads an uploaded list of IDs as it streams in, never holding more than one line: UTF-8 with or without BOM,
 * or GBK (as Excel saves CSV on Chinese Windows). Lines are split on the byte 0x0A, which no GBK or UTF-8
 * multibyte character contains; the first line that is not plain ASCII decides the encoding (valid UTF-8, else
 * GBK), and a later line that is not valid in it is reported. Each line has one column (the ID) or more (the ID
 * first, e.g. a name beside it, not kept); every line must have as many columns as the first. The first line is a
 * header when its first cell has no digit. Every other line yields an ID or an error with its line number: a check
 * digit, a column count, a duplicate (naming the first line), an empty or over-long line. Past `maxLines` data lines
 * it throws TooManyLines.
 */
export async function* readBatchLines(chunks: AsyncIterable<Uint8Array>, maxLines: number): AsyncGenerator<BatchLine> {
  let encoding: BatchEncoding | null = null;
  let decoders: { utf8: InstanceType<typeof TextDecoder>; gbk: InstanceType<typeof TextDecoder> } | null = null;
  let columns: number | null = null;
  let lineNo = 0;
  let dataLines = 0;
  const seen = new Map<string, number>();
  let parts: Uint8Array[] = [];
  let length = 0;
  let tooLong = false;
  let first = true;

  const decode = (bytes: Uint8Array): string | null => {
    decoders ??= { utf8: utf8(), gbk: gbk() };
    if (isAscii(bytes)) return Buffer.from(bytes).toString('latin1');
    try {
      if (encoding === null) {
        try {
          const text = decoders.utf8.decode(bytes);
          encoding = 'UTF-8';
          return text;
        } catch {
          const text = decoders.gbk.decode(bytes);
          encoding = 'GBK';
          return text;
        }
      }
      return (encoding === 'UTF-8' ? decoders.utf8 : decoders.gbk).decode(bytes);
    } catch {
      return null;
    }
  };

  function* finish(bytes: Uint8Array | null): Generator<BatchLine> {
    lineNo++;
    if (first) {
      first = false;
      // A UTF-8 byte-order mark (Excel's "CSV UTF-8") is dropped and settles the encoding.
      if (bytes && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        encoding = 'UTF-8';
      }
    }
    const header = lineNo === 1;
    const count = () => {
      if (++dataLines > maxLines) throw new TooManyLines(maxLines);
    };
    if (bytes === null) {
      count();
      yield { lineNo, error: `line longer than ${MAX_LINE_BYTES} bytes` };
      return;
    }
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    const text = decode(bytes.subarray(0, end));
    if (text === null) {
      count();
      yield { lineNo, error: `not valid ${encoding} text` };
      return;
    }
    const cells = splitCsvLine(text);
    if (header && cells && cells[0].trim() !== '' && !/\d/.test(cells[0])) {
      columns = cells.length;
      return;
    }
    count();
    if (text.trim() === '' || (cells && cells.every((c) => c.trim() === ''))) {
      yield { lineNo, error: 'empty line' };
      return;
    }
    if (!cells) {
      yield { lineNo, error: 'unclosed quote' };
      return;
    }
    columns ??= cells.length;
    if (cells.length !== columns) {
      yield { lineNo, error: `${cells.length} columns where the file has ${columns}` };
      return;
    }
    const raw = cells[0].trim();
    if (raw.length > 40) {
      yield { lineNo, error: 'ID must be 18 characters' };
      return;
    }
    const idNumber = normaliseResidentId(raw);
    const kind = subjectKindOf(idNumber);
    if (!kind) {
      yield { lineNo, error: subjectIdProblem(idNumber) ?? 'not a valid ID number' };
      return;
    }
    const earlier = seen.get(idNumber);
    if (earlier !== undefined) {
      yield { lineNo, error: `duplicate of line ${earlier}` };
      return;
    }
    seen.set(idNumber, lineNo);
    yield { lineNo, idNumber, kind };
  }

  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
      if (!tooLong) {
        if (length + piece.length > MAX_LINE_BYTES) {
          tooLong = true;
          parts = [];
          length = 0;
        } else if (piece.length > 0) {
          parts.push(piece);
          length += piece.length;
        }
      }
      if (nl === -1) break;
      yield* finish(tooLong ? null : parts.length === 1 ? parts[0] : Buffer.concat(parts));
      parts = [];
      length = 0;
      tooLong = false;
      start = nl + 1;
    }
  }
  // The last line, when the file does not end with a newline.
  if (tooLong || length > 0) yield* finish(tooLong ? null : Buffer.concat(parts));
}
