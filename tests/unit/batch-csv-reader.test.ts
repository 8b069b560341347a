import iconv from 'iconv-lite';
import { MAX_LINE_BYTES, readBatchLines, splitCsvLine, TooManyLines, type BatchLine } from '../../src/checks/batch-csv-reader';

const A = '341524198205171377';
const B = '91341524MAR009BG18';

async function read(chunks: Array<Buffer | string>, max = 100): Promise<BatchLine[]> {
  async function* source() {
    for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c) : c;
  }
  const lines: BatchLine[] = [];
  for await (const line of readBatchLines(source(), max)) lines.push(line);
  return lines;
}

describe('batch CSV reader', () => {
  it('splits quoted cells, and reports a quote that does not close', () => {
    expect(splitCsvLine('a,"b,c","d""e"')).toEqual(['a', 'b,c', 'd"e']);
    expect(splitCsvLine('a,"b')).toBeNull();
  });

  it('reads lines split anywhere across chunks, with CRLF and without a final newline', async () => {
    const text = `${A}\r\n${B}`;
    const lines = await read([text.slice(0, 5), text.slice(5, 20), text.slice(20)]);
    expect(lines).toEqual([
      { lineNo: 1, idNumber: A, kind: 'PERSON' },
      { lineNo: 2, idNumber: B, kind: 'ENTERPRISE' },
    ]);
  });

  it('decides GBK from the first line that is not ASCII, even after ASCII lines, and splits a character across chunks', async () => {
    const bytes = iconv.encode(`${A},x\n${B},金寨县永安机械制造有限公司\n`, 'gbk');
    const cut = bytes.indexOf(0x2c, 25) + 2; // inside the first Chinese character of line 2
    const lines = await read([bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect(lines.map((l) => ('error' in l ? l.error : l.idNumber))).toEqual([A, B]);
  });

  it('reports a line that is not valid in the file’s encoding, an empty line and an over-long line, and goes on', async () => {
    const bad = Buffer.concat([
      Buffer.from(`证件号码\n${A}\n`),
      Buffer.from([0xbd, 0xf0, 0x0a]),
      Buffer.from(`\n${'9'.repeat(MAX_LINE_BYTES + 10)}\n${B}\n`),
    ]);
    const lines = await read([bad]);
    expect(lines).toEqual([
      { lineNo: 2, idNumber: A, kind: 'PERSON' },
      { lineNo: 3, error: 'not valid UTF-8 text' },
      { lineNo: 4, error: 'empty line' },
      { lineNo: 5, error: `line longer than ${MAX_LINE_BYTES} bytes` },
      { lineNo: 6, idNumber: B, kind: 'ENTERPRISE' },
    ]);
  });

  it('treats an empty first line as a line, not as a header', async () => {
    expect(await read([`\n${A}\n`])).toEqual([
      { lineNo: 1, error: 'empty line' },
      { lineNo: 2, idNumber: A, kind: 'PERSON' },
    ]);
  });

  it('stops past the limit of ID lines (the header not counted)', async () => {
    await expect(read([`证件号码\n${A}\n${B}\n`], 2)).resolves.toHaveLength(2);
    await expect(read([`${A}\n${B}\n${A.slice(0, 17)}0\n`], 2)).rejects.toBeInstanceOf(TooManyLines);
  });
});
