import type { Profile } from '../../../shared/connections';
import type { StoredProfile } from '../store/store';

/** What the renderer may see of a profile: whether a secret is stored, never the secret. */
export function toPublicProfile(profile: StoredProfile): Profile {
  return {
    id: profile.id,
    name: profile.name,
    brokers: [...profile.brokers],
    clientId: profile.clientId,
    groupId: profile.groupId,
    tls:
      profile.tls === null
        ? null
        : { ca: profile.tls.ca, cert: profile.tls.cert, hasKey: profile.tls.keySealed !== null, servername: profile.tls.servername },
    sasl:
      profile.sasl === null
        ? null
        : { mechanism: profile.sasl.mechanism, username: profile.sasl.username, hasPassword: profile.sasl.passwordSealed !== null },
    enabled: profile.enabled,
  };
}
