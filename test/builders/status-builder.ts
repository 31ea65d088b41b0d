import type { ProfileStatus } from '../../shared/connections';

export function aProfileStatus(overrides: Partial<ProfileStatus> = {}): ProfileStatus {
  return {
    profileId: 'edge',
    name: 'Edge',
    state: 'connected',
    reason: null,
    since: 0,
    partitions: [],
    catchUp: null,
    rate: 0,
    ...overrides,
  };
}
