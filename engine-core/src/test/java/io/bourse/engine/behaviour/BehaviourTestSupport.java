package io.bourse.engine.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * Shared cast and helpers of the behaviour tests. Every expected number in the tests is worked out by hand from
 * docs/semantics.md, with the arithmetic in a comment; nothing is computed by engine code.
 */
abstract class BehaviourTestSupport
{
    static final long ALICE = 1;
    static final long BOB = 2;
    static final long CAROL = 3;
    /** Created with allowSelfTrade. */
    static final long DAVE = 4;
    static final long FEE_ACCOUNT = ExchangeDriver.FEE_ACCOUNT;
    static final int SYMBOL = ExchangeDriver.SYMBOL;
    static final int BASE = ExchangeDriver.BASE;
    static final int QUOTE = ExchangeDriver.QUOTE;
    static final long T0 = ExchangeDriver.START_NS;

    /** What {@link #funded} deposits into each of Alice, Bob, Carol and Dave. */
    static final long BASE_FUNDS = 1_000;
    static final long QUOTE_FUNDS = 100_000;

    static final Side BUY = Side.BUY;
    static final Side SELL = Side.SELL;

    /** A driver on {@link BehaviourConfigs#simple()} with Alice, Bob, Carol and Dave funded. */
    static ExchangeDriver simpleExchange(final Implementation implementation)
    {
        return funded(implementation, BehaviourConfigs.simple());
    }

    /**
     * A driver on {@code config} where Alice, Bob, Carol and Dave (allowSelfTrade) each hold {@link #BASE_FUNDS} of
     * asset 1 and {@link #QUOTE_FUNDS} of asset 2, deposited with refs "base-N" and "quote-N". No orders yet.
     */
    static ExchangeDriver funded(final Implementation implementation, final ExchangeConfig config)
    {
        final ExchangeDriver x = implementation.driver(config);
        for (long account = ALICE; account <= DAVE; account++)
        {
            assertThat(x.createAccount(account, account == DAVE))
                .containsExactly(new Event.AccountCreated(account, account == DAVE));
            assertThat(x.deposit(account, BASE, BASE_FUNDS, "base-" + account))
                .containsExactly(balance(account, BASE, BASE_FUNDS, 0, BASE_FUNDS, 0, BalanceReason.DEPOSIT, 0));
            assertThat(x.deposit(account, QUOTE, QUOTE_FUNDS, "quote-" + account))
                .containsExactly(balance(account, QUOTE, QUOTE_FUNDS, 0, QUOTE_FUNDS, 0, BalanceReason.DEPOSIT, 0));
        }
        return x;
    }

    static Event.Balance balance(
        final long accountId,
        final int assetId,
        final long deltaAvailable,
        final long deltaHeld,
        final long available,
        final long held,
        final BalanceReason reason,
        final long referenceId)
    {
        return new Event.Balance(accountId, assetId, deltaAvailable, deltaHeld, available, held, reason, referenceId);
    }

    /** OrderAccepted of a GTC LIMIT order on {@link #SYMBOL} with default STP, no client order id. */
    static Event.Accepted acceptedLimit(
        final long orderId, final long accountId, final Side side, final long price, final long qty)
    {
        return new Event.Accepted(orderId, accountId, SYMBOL, "", side, OrderType.LIMIT, TimeInForce.GTC,
            StpMode.CANCEL_TAKER, false, price, 0, qty, 0);
    }

    static Event.Cancelled cancelled(
        final long orderId,
        final long accountId,
        final Side side,
        final long leaves,
        final long filled,
        final CancelReason reason)
    {
        return new Event.Cancelled(orderId, accountId, SYMBOL, "", side, leaves, filled, reason);
    }

    /** TradeExecuted on {@link #SYMBOL}: quoteQty is given explicitly so the test states the cost arithmetic. */
    static Event.Trade trade(
        final long tradeId,
        final long price,
        final long qty,
        final long cost,
        final Side aggressor,
        final long makerOrderId,
        final long makerAccountId,
        final long makerFee,
        final long makerLeaves,
        final long takerOrderId,
        final long takerAccountId,
        final long takerFee,
        final long takerLeaves)
    {
        return new Event.Trade(tradeId, SYMBOL, price, qty, cost, aggressor, makerOrderId, makerAccountId, makerFee,
            makerLeaves, takerOrderId, takerAccountId, takerFee, takerLeaves);
    }

    /** Asserts the command was rejected, alone, with this reason; returns the rejection. */
    static Event.Rejected assertRejected(final List<Event> events, final RejectReason reason)
    {
        assertThat(events).as("events").hasSize(1);
        assertThat(events.get(0)).as("event").isInstanceOf(Event.Rejected.class);
        final Event.Rejected rejected = (Event.Rejected)events.get(0);
        assertThat(rejected.reason()).as("reject reason of " + rejected).isEqualTo(reason);
        return rejected;
    }

    /** The id of the order the command's OrderAccepted reports, failing if there is not exactly one. */
    static long acceptedId(final List<Event> events)
    {
        final List<Event.Accepted> accepted = Event.only(events, Event.Accepted.class);
        assertThat(accepted).as("OrderAccepted events in " + events).hasSize(1);
        return accepted.get(0).orderId();
    }

    /** Places an order expecting it accepted with {@code expectedOrderId}; returns the events. */
    static List<Event> placed(final ExchangeDriver.OrderBuilder order, final long expectedOrderId)
    {
        final List<Event> events = order.send();
        assertThat(acceptedId(events)).as("order id of " + events).isEqualTo(expectedOrderId);
        return events;
    }

    static List<Event.Trade> trades(final List<Event> events)
    {
        return Event.only(events, Event.Trade.class);
    }

    static List<Event.Cancelled> cancels(final List<Event> events)
    {
        return Event.only(events, Event.Cancelled.class);
    }

    static List<Event.Balance> balances(final List<Event> events)
    {
        return Event.only(events, Event.Balance.class);
    }

    /**
     * The matching story of a command in short lines, leaving out holds and balances: "trade 3@100 maker 1 taker 4",
     * "triggered 2 at 105", "cancelled 4 NO_LIQUIDITY", "replaced 3", "accepted 4", "rejected X".
     */
    static List<String> story(final List<Event> events)
    {
        final List<String> lines = new java.util.ArrayList<>();
        for (final Event event : events)
        {
            if (event instanceof Event.Trade t)
            {
                lines.add("trade " + t.qtyMinor() + "@" + t.priceMinor() + " maker " + t.makerOrderId() + " taker "
                    + t.takerOrderId());
            }
            else if (event instanceof Event.Triggered t)
            {
                lines.add("triggered " + t.orderId() + " at " + t.lastPriceMinor());
            }
            else if (event instanceof Event.Cancelled c)
            {
                lines.add("cancelled " + c.orderId() + " " + c.reason());
            }
            else if (event instanceof Event.Replaced r)
            {
                lines.add("replaced " + r.orderId());
            }
            else if (event instanceof Event.Accepted a)
            {
                lines.add("accepted " + a.orderId());
            }
            else if (event instanceof Event.Rejected r)
            {
                lines.add("rejected " + r.reason());
            }
        }
        return lines;
    }
}
