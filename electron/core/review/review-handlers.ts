import type { HandlerGroup, ServiceDeps } from '../service-deps';
import { createReviewService } from './review-service';

/** Review of the cached history: what the map shows at a moment, and what it plays from there. */
export function reviewHandlers(deps: ServiceDeps): HandlerGroup<'review'> {
  const review = createReviewService(deps.store);
  return {
    'review.range': () => review.range(),
    'review.frame': ({ at }) => review.frame(at),
    'review.window': ({ from, to, limit }) => review.window(from, to, limit),
    'review.trails': ({ at, minutes, bounds, maxPointsPerTrail }) => review.trails(at, minutes, bounds, maxPointsPerTrail),
    'review.alertMarks': ({ from, to, limit }) => review.alertMarks(from, to, limit),
  };
}
