import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { PassphraseSchema } from '../../shared/session';
import type { LoginOutcome } from '../core/session/session-gate';
import type { Log } from '../core/ports';

const MAX_LOGIN_BODY_BYTES = 4096;
const LoginRequestSchema = z.object({ passphrase: PassphraseSchema }).strict();

interface LoginContext {
  readonly login: (passphrase: string) => Promise<LoginOutcome>;
  readonly allowedOrigins: ReadonlySet<string>;
  readonly issueToken: () => string;
  readonly log: Log;
}

/**
 * A remote browser's login: the passphrase, over TLS, from a page of Outpost's own origin, for a
 * token. Refusals say why; a lockout says until when, so the page can count down.
 */
export async function answerLogin(request: IncomingMessage, response: ServerResponse, context: LoginContext): Promise<void> {
  const reply = (status: number, body: Record<string, unknown>): void => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  };
  if (request.method !== 'POST') {
    response.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  try {
    await login(request, reply, context);
  } catch (error) {
    // A client that drops the connection mid-body, or a session that cannot record the attempt, must not take the host down.
    context.log.warn('A remote login could not be answered.', { error: error instanceof Error ? error.message : String(error) });
    if (response.headersSent || request.destroyed) response.destroy();
    else reply(500, { message: 'Outpost could not check the login. Try again; if it keeps failing, the host’s log says why.' });
  }
}

type Reply = (status: number, body: Record<string, unknown>) => void;

async function login(request: IncomingMessage, reply: Reply, context: LoginContext): Promise<void> {
  if (!context.allowedOrigins.has(request.headers.origin ?? '')) {
    context.log.warn('Refused a login from another origin.', { origin: request.headers.origin });
    reply(403, { message: 'Log in from Outpost’s own page.' });
    return;
  }
  const body = await readBody(request);
  let parsed: z.ZodSafeParseResult<z.output<typeof LoginRequestSchema>> | null = null;
  try {
    parsed = body === null ? null : LoginRequestSchema.safeParse(JSON.parse(body));
  } catch {
    parsed = null;
  }
  if (parsed === null || !parsed.success) {
    reply(400, { message: 'The login must send the passphrase as JSON.' });
    return;
  }
  const answer = await context.login(parsed.data.passphrase);
  if (answer.ok) {
    context.log.info('A remote browser logged in.', { address: request.socket.remoteAddress });
    reply(200, { token: context.issueToken() });
    return;
  }
  context.log.warn('A remote login was refused.', { address: request.socket.remoteAddress });
  if (answer.lockedOutUntil === null) reply(401, { message: answer.message });
  else reply(429, { message: answer.message, lockedOutUntil: answer.lockedOutUntil });
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_LOGIN_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
