import type { ForwardRuleInput } from '../../shared/forwarding';
import { aForwardRuleInput } from '../builders/forward-rule-builder';
import { createTopic, startKafka, type RunningKafka } from './kafka';
import { createNetworkLink, type NetworkLink } from './network-link';

/** An edge broker on the loopback, beside Outpost, and a cloud broker at the far end of a link a test can cut or slow. */
export interface EdgeAndCloud {
  readonly edge: RunningKafka;
  readonly cloud: RunningKafka;
  readonly link: NetworkLink;
  stop(): Promise<void>;
}

/** Starts both brokers at once, with the edge topic and the cloud topic made with the partitions asked for. */
export async function startEdgeAndCloud(topics: {
  readonly edge: { readonly topic: string; readonly partitions: number };
  readonly cloud: { readonly topic: string; readonly partitions: number };
}): Promise<EdgeAndCloud> {
  const link = await createNetworkLink();
  const started = await Promise.allSettled([startKafka(), startKafka({ link })]);
  const [edge, cloud] = started.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
  const stop = async (): Promise<void> => {
    try {
      await link.restore();
      await Promise.all([edge?.stop(), cloud?.stop()]);
    } finally {
      await link.remove();
    }
  };
  if (edge === undefined || cloud === undefined) {
    await stop();
    const failure = started.find((result) => result.status === 'rejected');
    throw failure?.reason instanceof Error ? failure.reason : new Error('A broker did not start.');
  }
  await Promise.all([createTopic(edge.brokers, topics.edge.topic, topics.edge.partitions), createTopic(cloud.brokers, topics.cloud.topic, topics.cloud.partitions)]);
  return { edge, cloud, link, stop };
}

/** The topics the two-broker forwarding tests read at the edge and write at the cloud. */
export const EDGE_TOPIC = 'edge.positions';
export const CLOUD_TOPIC = 'cloud.hostiles';

/** The rule those tests forward with, the edge topic's hostiles to the cloud topic, "like this, but…". */
export function hostilesToTheCloud(overrides: Partial<ForwardRuleInput>): ForwardRuleInput {
  return aForwardRuleInput({
    id: 'hostiles-up',
    name: 'Hostiles to the cloud',
    source: { kind: 'topic', profileId: 'edge', topic: EDGE_TOPIC },
    destination: { profileId: 'cloud', topic: CLOUD_TOPIC },
    filter: 'affiliation = "hostile"',
    precedence: 'priority',
    ...overrides,
  });
}
