import type { RawRecord } from '../../shared/domain';
import { formatBytes, formatUtcDateTime } from '../connections/figures';
import { bytesFromBase64, HEX_PREVIEW_BYTES, hexPreview } from './raw-payload';

export function RawPayload({ raw }: { readonly raw: RawRecord }) {
  const binary = raw.text === null;
  return (
    <section className="track-raw" aria-label="Raw payload">
      <h3>
        Raw payload <span className="track-raw-size">{binary ? `${formatBytes(raw.bytes)}, binary` : formatBytes(raw.bytes)}</span>
      </h3>
      <p className="track-raw-origin">
        {raw.topic}, partition {raw.partition}, offset {raw.offset}, received {formatUtcDateTime(raw.receivedAt)}
      </p>
      <pre className={binary ? 'track-raw-body track-raw-hex' : 'track-raw-body track-raw-text'} data-testid="track-raw" tabIndex={0}>
        {raw.text ?? hexPreview(bytesFromBase64(raw.bytesBase64))}
      </pre>
      {binary && raw.bytes > HEX_PREVIEW_BYTES ? <p className="track-raw-more">The first {HEX_PREVIEW_BYTES} bytes are shown.</p> : null}
    </section>
  );
}
