package io.bourse.engine.server;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.ExchangeView;
import io.bourse.engine.pipeline.EngineTask;

/**
 * Runs a read-only function on the engine thread between commands and completes with its result once everything
 * before it is journaled, so a caller never sees state that might not survive a crash. An optional in-sequence
 * consumer gets the result first, on the reply thread, at the query's place among the replies.
 */
final class QueryTask<T> implements EngineTask
{
    final CompletableFuture<T> result = new CompletableFuture<>();
    private final Function<? super ExchangeView, T> query;
    private final Consumer<? super T> inSequence;
    private T value;

    QueryTask(final Function<? super ExchangeView, T> query, final Consumer<? super T> inSequence)
    {
        this.query = query;
        this.inSequence = inSequence;
    }

    @Override
    public void runOnEngine(final ExchangeEngine engine, final long lastSequence, final long lastEngineTimeNs)
    {
        value = query.apply(engine);
    }

    @Override
    public void afterJournaled()
    {
        if (inSequence != null)
        {
            try
            {
                inSequence.accept(value);
            }
            catch (final RuntimeException ex)
            {
                // The reply thread carries on: the failure is the caller's to handle.
                result.completeExceptionally(ex);
                return;
            }
        }
        result.complete(value);
    }

    @Override
    public void failed(final Throwable cause)
    {
        result.completeExceptionally(cause);
    }
}
