import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server inside the test (smtp-server, the library nodemailer's authors keep for this):
 * it speaks the protocol to the app's mailer and keeps what it is sent, parsed (MIME decoded, so
 * Chinese subjects and bodies compare as text). `refuse` makes it answer RCPT TO with an error:
 * 451 (try later) or 550 (no such mailbox).
 */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  refuse: { code: 451 | 550 } | null;
  /** Mail received for `address`, newest last. */
  to(address: string): ReceivedMail[];
  /** Waits until `predicate` holds for some received mail (the app's sender runs on a timer). */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    received: [],
    refuse: null,
    to: (address) => state.received.filter((m) => m.to.includes(address.toLowerCase())),
    async waitFor(predicate, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = state.received.find(predicate);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no such mail within ${timeoutMs} ms; received: ${state.received.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ') || 'nothing'}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: nodemailer would otherwise upgrade with STARTTLS to a self-signed certificate.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!state.refuse) return callback();
      const error = Object.assign(new Error(state.refuse.code === 451 ? 'Try again later' : 'No such mailbox'), { responseCode: state.refuse.code });
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          state.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}
