import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OutpostConfigSchema, type OutpostConfig, type OutpostConfigInput } from '../../../shared/config';
import { RECORD_FORMATS, type RecordFormat } from '../../../shared/formats';
import { describeIssues } from '../../../shared/describe-issues';
import { UserFacingError } from '../user-facing-error';

export interface LaunchOptions {
  readonly config: OutpostConfig;
  readonly dataDir: string | null;
  readonly port: number | null;
  /** A file holding the passphrase, for a web host started with no one at the keyboard. */
  readonly passphraseFile: string | null;
  /** Where the web host listens; loopback when null. */
  readonly host: string | null;
  readonly tlsCertFile: string | null;
  readonly tlsKeyFile: string | null;
}

/** The profile that --brokers and --topic describe. */
export const COMMAND_LINE_PROFILE_ID = 'command-line';

export const USAGE = `Usage: outpost [--config FILE] [--brokers HOST:PORT[,HOST:PORT]] [--topic TOPIC]... [--format ${RECORD_FORMATS.join('|')}]
               [--group-id ID] [--data-dir DIR] [--port N] [--passphrase-file FILE]
               [--host ADDRESS --tls-cert FILE --tls-key FILE]
With no connection profile (from --brokers, a config file, or saved in the app), Outpost plays its built-in demo scenario.`;

/**
 * Reads the command line and the optional config file into one validated
 * config. Flags override the file, so a saved profile can be pointed at
 * another broker for one run.
 */
export function readLaunchOptions(argv: readonly string[]): LaunchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        brokers: { type: 'string' },
        topic: { type: 'string', multiple: true },
        format: { type: 'string' },
        'group-id': { type: 'string' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        'passphrase-file': { type: 'string' },
        host: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UserFacingError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }

  const fromFile = values.config === undefined ? {} : readConfigFile(values.config);
  const input: OutpostConfigInput = { ...fromFile };
  if (values.brokers !== undefined || values.topic !== undefined) {
    if (values.brokers === undefined) throw new UserFacingError(`--topic needs --brokers.\n${USAGE}`);
    if (values.topic === undefined) throw new UserFacingError(`--brokers needs at least one --topic.\n${USAGE}`);
    const format = values.format as RecordFormat | undefined;
    const commandLine = {
      id: COMMAND_LINE_PROFILE_ID,
      name: 'Command line',
      brokers: values.brokers.split(',').map((b) => b.trim()),
      groupId: values['group-id'],
      subscriptions: values.topic.map((topic) => ({ topic, format })),
    };
    input.profiles = [...(fromFile.profiles ?? []).filter((p) => p.id !== COMMAND_LINE_PROFILE_ID), commandLine];
  } else if (values['group-id'] !== undefined || values.format !== undefined) {
    throw new UserFacingError(`--group-id and --format go with --brokers and --topic.\n${USAGE}`);
  }

  const parsed = OutpostConfigSchema.safeParse(input);
  if (!parsed.success) throw new UserFacingError(`The configuration is not valid: ${describeIssues(parsed.error)}.`);
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) {
    throw new UserFacingError(`--tls-cert and --tls-key go together.\n${USAGE}`);
  }
  return {
    config: parsed.data,
    dataDir: values['data-dir'] ?? null,
    port: parsePort(values.port),
    passphraseFile: values['passphrase-file'] ?? null,
    host: values.host ?? null,
    tlsCertFile: values['tls-cert'] ?? null,
    tlsKeyFile: values['tls-key'] ?? null,
  };
}

function readConfigFile(file: string): OutpostConfigInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserFacingError(`Cannot read the config file ${file}. Check the path and its permissions.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserFacingError(`The config file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const parsed = OutpostConfigSchema.safeParse(json);
  if (!parsed.success) throw new UserFacingError(`The config file ${file} is not valid: ${describeIssues(parsed.error)}.`);
  return json as OutpostConfigInput;
}

function parsePort(text: string | undefined): number | null {
  if (text === undefined) return null;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UserFacingError(`--port must be a whole number from 0 to 65535, not "${text}".`);
  }
  return port;
}
