package io.bourse.gateway.fix.order;

import io.bourse.engine.pipeline.CommandPublisher;

/**
 * Where a session publishes its commands: the engine's {@link CommandPublisher} in the server, a fake in tests.
 * Must not block.
 */
@FunctionalInterface
public interface OrderSink
{
    /** @return a ring sequence (>= 0), {@link CommandPublisher#BUSY} or {@link CommandPublisher#FAILED}. */
    long publish(OrderRequest request, long sourceId);

    static OrderSink of(final CommandPublisher publisher)
    {
        return (request, sourceId) -> publisher.tryPublish(OrderRequest.FILLER, request, sourceId);
    }
}
