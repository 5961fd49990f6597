package headwater.delivery;

/**
 * Counters of a running {@link DeliveryServer}, for the application's metrics registry.
 *
 * @param requests       requests handled since start (all routes)
 * @param streamViewers  viewers of continuous TS streams connected now
 * @param droppedViewers TS viewers dropped since start because they fell too far behind
 * @param connections    HTTP connections open now (idle ones are closed after the idle timeout)
 * @param malformedTokens media requests refused because their token segment cannot be a token; the gate never saw
 *                       them, so they are not among its own refusals
 */
public record DeliveryStats(long requests, long streamViewers, long droppedViewers, long connections,
                            long malformedTokens) {
}
