package io.bourse.engine.server;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.ExchangeView;
import io.bourse.engine.pipeline.EngineTask;

/**
 * Runs a read-only function on the engine thread between commands and completes with its result once everything
 * before it is journaled, so a caller never sees state that might not survive a crash.
 */
final class QueryTask<T> implements EngineTask
{
    final CompletableFuture<T> result = new CompletableFuture<>();
    private final Function<? super ExchangeView, T> query;
    private T value;

    QueryTask(final Function<? super ExchangeView, T> query)
    {
        this.query = query;
    }

    @Override
    public void runOnEngine(final ExchangeEngine engine, final long lastSequence, final long lastEngineTimeNs)
    {
        value = query.apply(engine);
    }

    @Override
    public void afterJournaled()
    {
        result.complete(value);
    }

    @Override
    public void failed(final Throwable cause)
    {
        result.completeExceptionally(cause);
    }
}
