import { PassThrough } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { CopyOutQuery } from '../../src/audit/copy-out-query';

// Messages of PostgreSQL's protocol: a type byte, a 32-bit length counting itself, the body.
const message = (type: string, body: Buffer | string = Buffer.alloc(0)) => {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeUInt32BE(bytes.length + 4, 1);
  return Buffer.concat([header, bytes]);
};
const rows = ['1\tone\n', '2\ttwo, a longer row\n', '3\t\n', '4\tfour\n'];
const copyOutResponse = message('H', Buffer.from([0, 0, 2, 0, 0, 0, 0]));
const afterCopy = Buffer.concat([message('C', 'COPY 4\0'), message('Z', 'I')]);
const notice = message('N', 'SWARNING\0Mnot now\0\0');

/**
 * Runs a CopyOutQuery over a socket that delivers `bytes` in two chunks cut at `cut`; answers what the stream gave,
 * how it ended, and the bytes handed back to the connection's own reader.
 */
async function run(bytes: Buffer, cut: number) {
  const socket = new PassThrough();
  const handedBack: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => handedBack.push(chunk));
  const query = new CopyOutQuery('COPY t TO STDOUT');
  const sent: string[] = [];
  query.submit({ stream: socket, query: (text) => sent.push(text) });
  const out: Buffer[] = [];
  query.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<string>((resolve) => {
    query.on('end', () => resolve('end'));
    query.on('error', (e) => resolve(`error: ${e.message}`));
  });
  socket.write(bytes.subarray(0, cut));
  await tick();
  socket.write(bytes.subarray(cut));
  await tick();
  await tick();
  const settled = await Promise.race([ended, tick().then(() => 'open')]);
  return { sent, out: Buffer.concat(out).toString('latin1'), settled, handedBack: Buffer.concat(handedBack) };
}

describe('CopyOutQuery reading the protocol', () => {
  it('gives the CopyData messages whole and nothing else, and hands what follows CopyDone back, wherever the socket cuts them', async () => {
    const data = rows.map((row) => message('d', row));
    const bytes = Buffer.concat([copyOutResponse, data[0], data[1], notice, data[2], data[3], message('c'), afterCopy]);
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const result = await run(bytes, cut);
      expect({ cut, ...result }).toEqual({
        cut,
        sent: ['COPY t TO STDOUT'],
        out: Buffer.concat(data).toString('latin1'),
        settled: 'end',
        handedBack: afterCopy,
      });
    }
  });

  it('hands an ErrorResponse back from its first byte, wherever the socket cuts it, with the rows before it given', async () => {
    const error = message('E', 'SERROR\0C22012\0Mdivision by zero\0\0');
    const tail = Buffer.concat([error, message('Z', 'I')]);
    const bytes = Buffer.concat([copyOutResponse, message('d', rows[0]), message('d', rows[1]), tail]);
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const result = await run(bytes, cut);
      // The stream stays open: node-postgres reads the error and fails the query through handleError.
      expect({ cut, out: result.out, handedBack: result.handedBack }).toEqual({
        cut,
        out: Buffer.concat([message('d', rows[0]), message('d', rows[1])]).toString('latin1'),
        handedBack: tail,
      });
    }
  });
});
