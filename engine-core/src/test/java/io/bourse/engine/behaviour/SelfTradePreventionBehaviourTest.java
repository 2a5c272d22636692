package io.bourse.engine.behaviour;

import static io.bourse.sbe.BalanceReason.FEE;
import static io.bourse.sbe.BalanceReason.ORDER_HOLD;
import static io.bourse.sbe.BalanceReason.ORDER_RELEASE;
import static io.bourse.sbe.BalanceReason.TRADE;
import static io.bourse.sbe.CancelReason.SELF_TRADE_PREVENTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.bourse.sbe.CommandType;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * Self-trade prevention: only the taker's mode matters (docs/semantics.md §7). Every test uses the book
 * Alice 3@100 (order 1), Bob 2@100 (order 2), Carol 5@100 (order 3) — or Dave in Bob's place — and a taker buying
 * 6@100. First trade: cost 300, makerFee = ceilDiv(3000, 10000) = 1, takerFee = ceilDiv(6000, 10000) = 1; the
 * taker's hold is 6 * holdPerLot(100) = 6 * 101 = 606.
 */
class SelfTradePreventionBehaviourTest extends BehaviourTestSupport
{
    private static ExchangeDriver bookWithOwnOrderOf(final Implementation impl, final long owner)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(3), 1);
        placed(x.order(owner).sell().limit(100).qty(2), 2);  // owner base 998 / 2
        placed(x.order(CAROL).sell().limit(100).qty(5), 3);
        return x;
    }

    @ContractTest
    void shouldCancelTakerByDefaultWhenItMeetsItsOwnOrder(final Implementation impl)
    {
        final ExchangeDriver x = bookWithOwnOrderOf(impl, BOB);

        // after 3 from Alice the taker meets its own order: the taker's remaining 3 is cancelled, 3 * 101 released
        assertThat(x.order(BOB).buy().limit(100).qty(6).send()).containsExactly(
            acceptedLimit(4, BOB, BUY, 100, 6),
            balance(BOB, QUOTE, -606, 606, 99_394, 606, ORDER_HOLD, 4),
            trade(1, 100, 3, 300, BUY, 1, ALICE, 1, 0, 4, BOB, 1, 3),
            balance(BOB, QUOTE, 2, -303, 99_396, 303, TRADE, 1),
            balance(BOB, BASE, 3, 0, 1001, 2, TRADE, 1),
            balance(ALICE, BASE, 0, -3, 997, 0, TRADE, 1),
            balance(ALICE, QUOTE, 299, 0, 100_299, 0, TRADE, 1),
            balance(FEE_ACCOUNT, QUOTE, 2, 0, 2, 0, FEE, 1),
            cancelled(4, BOB, BUY, 3, 3, SELF_TRADE_PREVENTION),
            balance(BOB, QUOTE, 303, -303, 99_699, 0, ORDER_RELEASE, 4));
        assertThat(x.openOrders()).extracting(ExchangeDriver.OpenOrder::orderId).containsExactly(2L, 3L);
    }

    @ContractTest
    void shouldCancelMakerAndContinueMatchingForCancelMaker(final Implementation impl)
    {
        final ExchangeDriver x = bookWithOwnOrderOf(impl, BOB);

        // own maker 2 cancelled (2 base released), then 3 from Carol at 100: Bob pays 600 + 2 fees → 99_398
        assertThat(x.order(BOB).buy().limit(100).stp(StpMode.CANCEL_MAKER).qty(6).send()).containsExactly(
            new Event.Accepted(4, BOB, SYMBOL, "", BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.CANCEL_MAKER, false,
                100, 0, 6, 0),
            balance(BOB, QUOTE, -606, 606, 99_394, 606, ORDER_HOLD, 4),
            trade(1, 100, 3, 300, BUY, 1, ALICE, 1, 0, 4, BOB, 1, 3),
            balance(BOB, QUOTE, 2, -303, 99_396, 303, TRADE, 1),
            balance(BOB, BASE, 3, 0, 1001, 2, TRADE, 1),
            balance(ALICE, BASE, 0, -3, 997, 0, TRADE, 1),
            balance(ALICE, QUOTE, 299, 0, 100_299, 0, TRADE, 1),
            balance(FEE_ACCOUNT, QUOTE, 2, 0, 2, 0, FEE, 1),
            cancelled(2, BOB, SELL, 2, 0, SELF_TRADE_PREVENTION),
            balance(BOB, BASE, 2, -2, 1003, 0, ORDER_RELEASE, 2),
            trade(2, 100, 3, 300, BUY, 3, CAROL, 1, 2, 4, BOB, 1, 0),
            balance(BOB, QUOTE, 2, -303, 99_398, 0, TRADE, 2),
            balance(BOB, BASE, 3, 0, 1006, 0, TRADE, 2),
            balance(CAROL, BASE, 0, -3, 995, 2, TRADE, 2),
            balance(CAROL, QUOTE, 299, 0, 100_299, 0, TRADE, 2),
            balance(FEE_ACCOUNT, QUOTE, 2, 0, 4, 0, FEE, 2));
        assertThat(x.openOrders()).extracting(ExchangeDriver.OpenOrder::orderId).containsExactly(3L);
    }

    @ContractTest
    void shouldCancelMakerAndTakerForCancelBoth(final Implementation impl)
    {
        final ExchangeDriver x = bookWithOwnOrderOf(impl, BOB);

        assertThat(x.order(BOB).buy().limit(100).stp(StpMode.CANCEL_BOTH).qty(6).send()).containsExactly(
            new Event.Accepted(4, BOB, SYMBOL, "", BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.CANCEL_BOTH, false,
                100, 0, 6, 0),
            balance(BOB, QUOTE, -606, 606, 99_394, 606, ORDER_HOLD, 4),
            trade(1, 100, 3, 300, BUY, 1, ALICE, 1, 0, 4, BOB, 1, 3),
            balance(BOB, QUOTE, 2, -303, 99_396, 303, TRADE, 1),
            balance(BOB, BASE, 3, 0, 1001, 2, TRADE, 1),
            balance(ALICE, BASE, 0, -3, 997, 0, TRADE, 1),
            balance(ALICE, QUOTE, 299, 0, 100_299, 0, TRADE, 1),
            balance(FEE_ACCOUNT, QUOTE, 2, 0, 2, 0, FEE, 1),
            cancelled(2, BOB, SELL, 2, 0, SELF_TRADE_PREVENTION),
            balance(BOB, BASE, 2, -2, 1003, 0, ORDER_RELEASE, 2),
            cancelled(4, BOB, BUY, 3, 3, SELF_TRADE_PREVENTION),
            balance(BOB, QUOTE, 303, -303, 99_699, 0, ORDER_RELEASE, 4));
        assertThat(x.openOrders()).extracting(ExchangeDriver.OpenOrder::orderId).containsExactly(3L);
    }

    @ContractTest
    void shouldSelfTradeWithStpNoneForAccountAllowedToSelfTrade(final Implementation impl)
    {
        final ExchangeDriver x = bookWithOwnOrderOf(impl, DAVE);

        // self trade 2@100: cost 200, makerFee ceilDiv(2000, 10000) = 1, takerFee ceilDiv(4000, 10000) = 1
        assertThat(trades(x.order(DAVE).buy().limit(100).stp(StpMode.NONE).qty(6).send())).containsExactly(
            trade(1, 100, 3, 300, BUY, 1, ALICE, 1, 0, 4, DAVE, 1, 3),
            trade(2, 100, 2, 200, BUY, 2, DAVE, 1, 0, 4, DAVE, 1, 1),
            trade(3, 100, 1, 100, BUY, 3, CAROL, 1, 4, 4, DAVE, 1, 0));

        // Dave pays (300 + 1) + (200 + 1) + (100 + 1) = 603 and receives 200 - 1 = 199 as the seller:
        // quote 100_000 - 603 + 199 = 99_596; base 1000 - 2 + 6 = 1004
        assertThat(x.available(DAVE, QUOTE)).isEqualTo(99_596);
        assertThat(x.held(DAVE, QUOTE)).isEqualTo(0);
        assertThat(x.available(DAVE, BASE)).isEqualTo(1004);
        assertThat(x.held(DAVE, BASE)).isEqualTo(0);
        x.assertViewMatchesEvents();
    }

    @ContractTest
    void shouldStillPreventSelfTradeByDefaultForAccountAllowedToSelfTrade(final Implementation impl)
    {
        final ExchangeDriver x = bookWithOwnOrderOf(impl, DAVE);

        assertThat(story(x.order(DAVE).buy().limit(100).qty(6).send())).containsExactly(
            "accepted 4", "trade 3@100 maker 1 taker 4", "cancelled 4 SELF_TRADE_PREVENTION");
    }

    @ContractTest
    void shouldRejectStpNoneForAccountNotAllowedToSelfTrade(final Implementation impl)
    {
        final ExchangeDriver x = bookWithOwnOrderOf(impl, BOB);

        assertThat(x.order(BOB).buy().limit(100).stp(StpMode.NONE).qty(6).send()).containsExactly(
            new Event.Rejected(CommandType.PLACE_ORDER, BOB, SYMBOL, 0, "", RejectReason.SELF_TRADE_NOT_ALLOWED));
    }

    @ContractTest
    void shouldApplyOnlyTheTakersStpMode(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        // the maker asks for CANCEL_MAKER; the taker's default CANCEL_TAKER decides
        placed(x.order(BOB).sell().limit(100).stp(StpMode.CANCEL_MAKER).qty(2), 1);

        assertThat(story(x.order(BOB).buy().limit(100).qty(1).send()))
            .containsExactly("accepted 2", "cancelled 2 SELF_TRADE_PREVENTION");
        assertThat(x.openOrders()).extracting(ExchangeDriver.OpenOrder::orderId).containsExactly(1L);
    }

    @ContractTest
    void shouldCancelMarketTakerBySelfTradePreventionNotNoLiquidity(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).sell().limit(100).qty(2), 1);

        // stopBySTP wins over the MARKET remainder rule
        assertThat(story(x.order(BOB).buy().market().qty(1).send()))
            .containsExactly("accepted 2", "cancelled 2 SELF_TRADE_PREVENTION");
    }
}
