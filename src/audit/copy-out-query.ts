import { Readable } from 'node:stream';

// Message types of PostgreSQL's protocol a COPY TO STDOUT answers with
// (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-COPY).
const COPY_OUT_RESPONSE = 0x48; // H
const COPY_DATA = 0x64; // d
const ERROR_RESPONSE = 0x45; // E
// Asynchronous messages that may come between CopyData messages; they are read past.
const NOTICE_RESPONSE = 0x4e; // N
const PARAMETER_STATUS = 0x53; // S
const NOTIFICATION_RESPONSE = 0x41; // A
const HEADER = 5; // a type byte and a 32-bit length that counts itself

/** What of node-postgres's connection the query uses: its socket, and sending the statement. */
interface Connection {
  stream: Readable;
  query(text: string): void;
}

/**
 * A `COPY … TO STDOUT` run through node-postgres (`client.query(new CopyOutQuery(sql))`) whose readable side gives
 * the COPY's CopyData messages whole, each with its header (a type byte and a 32-bit length), and no other message.
 * PostgreSQL sends one CopyData message per row (a binary COPY's header comes with the first row, its trailer alone in
 * the last). The messages mostly follow each other in the socket's chunks, and such a run is given as it came, without
 * a copy; there is no allocation per row. While the COPY runs the query reads the connection's socket itself; at
 * CopyDone, or at an error, it hands what follows back to node-postgres, which then ends the query (an error reaches
 * the stream as its 'error').
 */
export class CopyOutQuery extends Readable {
  /** Rows PostgreSQL reports it sent, once the stream has ended. */
  rowCount = 0;
  private connection: Connection | null = null;
  private pgDataHandler: ((chunk: Buffer) => void) | null = null;
  private readonly onReadable = () => this.forward();
  private wanted = false; // the reader asked for more and was not yet told to wait
  private forwarding = false;
  private attached = false;
  // The current message: its type, and how many bytes of its body are still to come.
  private type = 0;
  private remaining = 0;
  // A header cut by the end of a chunk: its bytes so far.
  private readonly header = Buffer.alloc(HEADER);
  private headerLength = 0;

  constructor(readonly text: string) {
    super();
  }

  /** Called by node-postgres with the connection when the query's turn comes. */
  submit(connection: Connection): void {
    this.connection = connection;
    const socket = connection.stream;
    const listeners = socket.listeners('data') as Array<(chunk: Buffer) => void>;
    if (listeners.length !== 1) throw new Error(`the connection's socket has ${listeners.length} data listeners, 1 expected`);
    this.pgDataHandler = listeners[0];
    socket.removeListener('data', this.pgDataHandler);
    socket.pause();
    this.attached = true;
    this.forward();
    socket.on('readable', this.onReadable);
    connection.query(this.text);
  }

  override _read(): void {
    this.wanted = true;
    this.forward();
  }

  private forward(): void {
    if (this.forwarding || !this.wanted || !this.attached) return;
    this.forwarding = true;
    const socket = this.connection!.stream;
    let chunk: Buffer | null;
    while (this.wanted && this.attached && (chunk = socket.read() as Buffer | null) !== null) this.parse(chunk);
    this.forwarding = false;
  }

  /** Takes the CopyData messages out of one chunk of the socket, and gives the connection back when the COPY ends. */
  private parse(chunk: Buffer): void {
    let out: Buffer | null = null;
    let o = 0;
    // The bytes of the chunk to give next, kept as one range while they follow each other (whole messages do).
    let from = -1;
    let to = -1;
    const flush = () => {
      if (from < 0) return;
      out ??= Buffer.allocUnsafe(chunk.length + HEADER);
      o += chunk.copy(out, o, from, to);
      from = -1;
    };
    const give = (start: number, end: number) => {
      if (from >= 0 && start === to) to = end;
      else {
        flush();
        from = start;
        to = end;
      }
    };
    let p = 0;
    let end = -1; // where the first byte after the COPY's messages is, once known
    let failed: Buffer | null = null; // an ErrorResponse and what follows it, for node-postgres to read
    while (p < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - p);
        if (this.type === COPY_DATA) give(p, p + n);
        p += n;
        this.remaining -= n;
        if (this.remaining === 0 && this.ends(this.type)) {
          end = p;
          break;
        }
        continue;
      }
      const start = p;
      const whole = this.headerLength === 0 && chunk.length - p >= HEADER;
      let length: number;
      if (whole) {
        this.type = chunk[p];
        length = chunk.readUInt32BE(p + 1);
        p += HEADER;
      } else {
        const n = Math.min(HEADER - this.headerLength, chunk.length - p);
        chunk.copy(this.header, this.headerLength, p, p + n);
        this.headerLength += n;
        p += n;
        if (this.headerLength < HEADER) break;
        this.type = this.header[0];
        length = this.header.readUInt32BE(1);
      }
      this.headerLength = 0;
      if (this.type === ERROR_RESPONSE) {
        failed = whole ? chunk.subarray(start) : Buffer.concat([this.header, chunk.subarray(p)]);
        break;
      }
      if (this.type === COPY_DATA) {
        if (whole) give(start, p);
        else {
          // Part of the header came in an earlier chunk: all of it from where it was kept.
          flush();
          out ??= Buffer.allocUnsafe(chunk.length + HEADER);
          o += this.header.copy(out, o);
        }
      }
      this.remaining = length - 4;
      if (this.remaining === 0 && this.ends(this.type)) {
        end = p;
        break;
      }
    }
    if (o === 0 && from >= 0) {
      // One run of the chunk (whole messages, mostly): given as it is, without a copy.
      this.wanted = this.push(chunk.subarray(from, to));
    } else {
      flush();
      if (o > 0) this.wanted = this.push(out!.subarray(0, o));
    }
    if (failed) {
      // node-postgres reads the error from its header on, and fails the query with it.
      this.detach(failed);
    } else if (end >= 0) {
      this.detach(chunk.subarray(end));
      this.push(null);
    }
  }

  /** Whether a message of this type ends the COPY: CopyDone, or anything not expected within it. */
  private ends(type: number): boolean {
    return (
      type !== COPY_DATA && type !== COPY_OUT_RESPONSE && type !== NOTICE_RESPONSE && type !== PARAMETER_STATUS && type !== NOTIFICATION_RESPONSE
    );
  }

  private detach(unread: Buffer): void {
    this.attached = false;
    const socket = this.connection!.stream;
    socket.removeListener('readable', this.onReadable);
    socket.addListener('data', this.pgDataHandler!);
    this.pgDataHandler!(unread);
    // The handler may itself pause the socket; it resumes once it has returned.
    process.nextTick(() => socket.resume());
  }

  /** node-postgres: the query failed (the COPY's error, or the connection's). */
  handleError(error: Error): void {
    this.emit('error', error);
  }

  /** node-postgres: `COPY <rows>`. */
  handleCommandComplete(message: { text?: string } | undefined): void {
    const match = /COPY (\d+)/.exec(message?.text ?? '');
    if (match) this.rowCount = Number(match[1]);
  }

  handleReadyForQuery(): void {}
}
