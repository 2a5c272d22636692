package io.bourse.engine.differential;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bourse.engine.ExchangeView;
import io.bourse.engine.TestConfigs;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.reference.ReferenceExchange;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The invariant checker must catch each kind of broken state: a realistic state is built with the reference, then
 * one answer of its view is distorted.
 */
class InvariantCheckerTest
{
    private static final UnsafeBuffer NO_EVENTS = new UnsafeBuffer(new byte[0]);
    private static final int BTC_USDT = TestConfigs.BTC_USDT;

    private final ExchangeConfig config = TestConfigs.standard();
    private final ReferenceExchange reference = new ReferenceExchange(config);
    private final InvariantChecker checker = new InvariantChecker(config);
    private long buyerAccountId;
    private long commandIndex;

    @BeforeEach
    void buildRealisticState()
    {
        final RandomCommandGenerator generator = new RandomCommandGenerator(3L, config);
        final EventLog events = new EventLog();
        for (; commandIndex < 5_000; commandIndex++)
        {
            generator.next();
            events.reset();
            reference.process(generator.buffer(), 0, generator.length(), generator.nowNs(), events);
            checker.check(reference, events.buffer(), events.length(), commandIndex);
            generator.onEvents(events.buffer(), events.length());
        }
        final long[] found = new long[1];
        reference.forEachOpenOrder((orderId, accountId, symbolId, side, type, price, stop, qty, filled, quote, pending,
            id) ->
        {
            if (side == 1 && symbolId == BTC_USDT)
            {
                found[0] = accountId;
            }
        });
        buyerAccountId = found[0];
    }

    private void check(final ExchangeView view)
    {
        checker.check(view, NO_EVENTS, 0, commandIndex);
    }

    @Test
    void shouldAcceptTheUndistortedState()
    {
        assertThatCode(() -> check(new ForwardingView(reference))).doesNotThrowAnyException();
    }

    @Test
    void shouldReportHeldThatOpenOrdersDoNotNeed()
    {
        final ExchangeView view = new ForwardingView(reference)
        {
            @Override
            public long heldMinor(final long accountId, final int assetId)
            {
                final long held = super.heldMinor(accountId, assetId);
                return accountId == buyerAccountId && assetId == TestConfigs.USDT ? held + 1 : held;
            }
        };

        assertThatThrownBy(() -> check(view))
            .hasMessageContaining("HELD_EQUALS_OPEN_ORDER_NEEDS")
            .hasMessageContaining("account " + buyerAccountId + " asset 3 (USDT)");
    }

    @Test
    void shouldReportNegativeAvailable()
    {
        final ExchangeView view = new ForwardingView(reference)
        {
            @Override
            public long availableMinor(final long accountId, final int assetId)
            {
                return accountId == buyerAccountId && assetId == TestConfigs.ETH ? -5 : super.availableMinor(accountId, assetId);
            }
        };

        assertThatThrownBy(() -> check(view))
            .hasMessageContaining("NO_NEGATIVE_BALANCE")
            .hasMessageContaining("account " + buyerAccountId + " asset 2 (ETH) available -5");
    }

    @Test
    void shouldReportMoneyCreatedFromNothing()
    {
        final ExchangeView view = new ForwardingView(reference)
        {
            @Override
            public long availableMinor(final long accountId, final int assetId)
            {
                final long available = super.availableMinor(accountId, assetId);
                return accountId == 0 && assetId == TestConfigs.BTC ? available + 1 : available;
            }
        };

        assertThatThrownBy(() -> check(view))
            .hasMessageContaining("BALANCES_SUM_TO_SUPPLY")
            .hasMessageContaining("asset 1 (BTC)");
    }

    @Test
    void shouldReportCrossedBook()
    {
        final long shift = 1_000_000L * TestConfigs.BTC_USDT_TICK;
        final ExchangeView view = new ForwardingView(reference)
        {
            @Override
            public void forEachOpenOrder(final OpenOrderVisitor visitor)
            {
                super.forEachOpenOrder((orderId, accountId, symbolId, side, type, price, stop, qty, filled, quote,
                    pending, id) ->
                    visitor.visit(orderId, accountId, symbolId, side, type,
                        symbolId == BTC_USDT && side == 1 && !pending ? price + shift : price,
                        stop, qty, filled, quote, pending, id));
            }

            @Override
            public long bestBidPriceMinor(final int symbolId)
            {
                final long bid = super.bestBidPriceMinor(symbolId);
                return symbolId == BTC_USDT ? bid + shift : bid;
            }
        };

        assertThatThrownBy(() -> check(view))
            .hasMessageContaining("BOOK_NOT_CROSSED")
            .hasMessageContaining("symbol " + BTC_USDT);
    }

    @Test
    void shouldReportBestPriceNotMatchingOrders()
    {
        final ExchangeView view = new ForwardingView(reference)
        {
            @Override
            public long bestAskPriceMinor(final int symbolId)
            {
                return symbolId == BTC_USDT ? ExchangeView.NO_PRICE : super.bestAskPriceMinor(symbolId);
            }
        };

        assertThatThrownBy(() -> check(view)).hasMessageContaining("BEST_PRICES_MATCH_RESTING_ORDERS");
    }

    @Test
    void shouldReportOverfilledOrder()
    {
        final ExchangeView view = new ForwardingView(reference)
        {
            @Override
            public void forEachOpenOrder(final OpenOrderVisitor visitor)
            {
                super.forEachOpenOrder((orderId, accountId, symbolId, side, type, price, stop, qty, filled, quote,
                    pending, id) ->
                    visitor.visit(orderId, accountId, symbolId, side, type, price, stop, qty,
                        accountId == buyerAccountId ? qty + TestConfigs.BTC_USDT_LOT : filled, quote, pending, id));
            }
        };

        assertThatThrownBy(() -> check(view))
            .hasMessageContaining("FILLED_WITHIN_QUANTITY")
            .hasMessageContaining("of account " + buyerAccountId);
    }

    @Test
    void shouldReportAFilledQuoteThatDoesNotMatchTheFills()
    {
        final ExchangeView view = new ForwardingView(reference)
        {
            @Override
            public void forEachOpenOrder(final OpenOrderVisitor visitor)
            {
                super.forEachOpenOrder((orderId, accountId, symbolId, side, type, price, stop, qty, filled, quote,
                    pending, id) ->
                    visitor.visit(orderId, accountId, symbolId, side, type, price, stop, qty, filled, quote + 1,
                        pending, id));
            }
        };

        assertThatThrownBy(() -> check(view)).hasMessageContaining("FILLED_QUOTE_MATCHES_FILLS");
    }
}
