import type { JsonFieldMapping, RecordFormat } from '../../../shared/formats';
import type { StoredSubscription } from '../store/store';

export interface Route {
  readonly subscriptionId: number | null;
  readonly format: RecordFormat;
  readonly mapping: JsonFieldMapping | null;
}

/**
 * Decides which subscription, and so which format, a topic's records belong
 * to: an exact topic first, then the first pattern that matches the whole name.
 */
export interface TopicRouter {
  route(topic: string): Route;
  /** What to hand kafkajs' subscribe: topic names and anchored patterns. */
  readonly topics: ReadonlyArray<string | RegExp>;
}

// A topic that matches nothing any more (its subscription was just removed) is still cached, never dropped.
const UNSUBSCRIBED: Route = { subscriptionId: null, format: 'auto', mapping: null };

export function createTopicRouter(subscriptions: readonly StoredSubscription[]): TopicRouter {
  const exact = new Map<string, Route>();
  const patterns: Array<{ readonly pattern: RegExp; readonly route: Route }> = [];
  for (const subscription of subscriptions) {
    const route = { subscriptionId: subscription.id, format: subscription.format, mapping: subscription.mapping };
    if (subscription.topic !== null) {
      if (!exact.has(subscription.topic)) exact.set(subscription.topic, route);
    } else if (subscription.pattern !== null) {
      patterns.push({ pattern: new RegExp(`^(?:${subscription.pattern})$`), route });
    }
  }
  const routes = new Map<string, Route>();
  return {
    route(topic) {
      let route = routes.get(topic);
      if (route === undefined) {
        route = exact.get(topic) ?? patterns.find((p) => p.pattern.test(topic))?.route ?? UNSUBSCRIBED;
        routes.set(topic, route);
      }
      return route;
    },
    topics: [...exact.keys(), ...patterns.map((p) => p.pattern)],
  };
}
