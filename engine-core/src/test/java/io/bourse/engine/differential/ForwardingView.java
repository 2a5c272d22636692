package io.bourse.engine.differential;

import java.util.function.LongConsumer;

import io.bourse.engine.ExchangeView;

/**
 * An {@link ExchangeView} that answers from another; tests override single methods to plant a broken state.
 */
class ForwardingView implements ExchangeView
{
    private final ExchangeView delegate;

    ForwardingView(final ExchangeView delegate)
    {
        this.delegate = delegate;
    }

    @Override
    public long stateHash()
    {
        return delegate.stateHash();
    }

    @Override
    public void forEachAccount(final LongConsumer visitor)
    {
        delegate.forEachAccount(visitor);
    }

    @Override
    public long availableMinor(final long accountId, final int assetId)
    {
        return delegate.availableMinor(accountId, assetId);
    }

    @Override
    public long heldMinor(final long accountId, final int assetId)
    {
        return delegate.heldMinor(accountId, assetId);
    }

    @Override
    public void forEachOpenOrder(final OpenOrderVisitor visitor)
    {
        delegate.forEachOpenOrder(visitor);
    }

    @Override
    public long bestBidPriceMinor(final int symbolId)
    {
        return delegate.bestBidPriceMinor(symbolId);
    }

    @Override
    public long bestAskPriceMinor(final int symbolId)
    {
        return delegate.bestAskPriceMinor(symbolId);
    }

    @Override
    public long lastPriceMinor(final int symbolId)
    {
        return delegate.lastPriceMinor(symbolId);
    }
}
