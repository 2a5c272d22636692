package io.bourse.engine;

import java.util.function.LongConsumer;

import org.agrona.DirectBuffer;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.event.EventLog;

/**
 * The exchange state machine (work in progress).
 */
public final class ExchangeEngine implements ExchangeStateMachine
{
    private final ExchangeConfig config;

    public ExchangeEngine(final ExchangeConfig config)
    {
        this.config = config;
    }

    public ExchangeConfig config()
    {
        return config;
    }

    @Override
    public void process(final DirectBuffer command, final int offset, final int length, final long nowNs, final EventLog events)
    {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public long stateHash()
    {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void forEachAccount(final LongConsumer visitor)
    {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public long availableMinor(final long accountId, final int assetId)
    {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public long heldMinor(final long accountId, final int assetId)
    {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void forEachOpenOrder(final OpenOrderVisitor visitor)
    {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public long bestBidPriceMinor(final int symbolId)
    {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public long bestAskPriceMinor(final int symbolId)
    {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public long lastPriceMinor(final int symbolId)
    {
        throw new UnsupportedOperationException("not yet");
    }
}
