import type { Log, LogFields } from '../core/ports';

/** One readable line per event on stderr, so stdout stays free for what the user must see (the URL). */
export function createStderrLog(write: (line: string) => void = (line) => process.stderr.write(line)): Log {
  const line = (level: string, message: string, fields?: LogFields): void => {
    const details = fields === undefined || Object.keys(fields).length === 0 ? '' : ` ${JSON.stringify(fields)}`;
    write(`${new Date().toISOString()} ${level} ${message}${details}\n`);
  };
  return {
    info: (message, fields) => line('info', message, fields),
    warn: (message, fields) => line('warn', message, fields),
    error: (message, fields) => line('error', message, fields),
  };
}
