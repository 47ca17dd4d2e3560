import { SMTPServer } from 'smtp-server';

/** A message as the SMTP peer received it. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives, for mail tests. */
export interface SmtpPeer {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Resolves with the next message (or one already received), failing after `timeoutMs`. */
  nextMail(timeoutMs?: number): Promise<ReceivedMail>;
  /** While on, every recipient is refused with a temporary error (451), as a failing server does. */
  refuse(on: boolean): void;
  /** How many recipients were refused so far. */
  refusals(): number;
  close(): Promise<void>;
}

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  const waiting: ((mail: ReceivedMail) => void)[] = [];
  let taken = 0;
  let refusing = false;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusing) return callback();
      refused += 1;
      callback(Object.assign(new Error('Service temporairement indisponible'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(mail);
        waiting.shift()?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    nextMail(timeoutMs = 15_000) {
      if (received.length > taken) return Promise.resolve(received[taken++]!);
      return new Promise((resolve, reject) => {
        const take = (mail: ReceivedMail) => {
          clearTimeout(timer);
          taken++;
          resolve(mail);
        };
        // A waiter that gave up leaves the queue: the next mail goes to the next caller, not to nobody.
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(take), 1);
          reject(new Error('no mail received in time'));
        }, timeoutMs);
        waiting.push(take);
      });
    },
    refuse(on) {
      refusing = on;
    },
    refusals: () => refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
