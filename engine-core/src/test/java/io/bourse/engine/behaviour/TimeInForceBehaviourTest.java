package io.bourse.engine.behaviour;

import static io.bourse.sbe.BalanceReason.DEPOSIT;
import static io.bourse.sbe.BalanceReason.FEE;
import static io.bourse.sbe.BalanceReason.ORDER_HOLD;
import static io.bourse.sbe.BalanceReason.ORDER_RELEASE;
import static io.bourse.sbe.BalanceReason.TRADE;
import static io.bourse.sbe.CancelReason.EXPIRED;
import static io.bourse.sbe.CancelReason.IOC_REMAINDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.bourse.sbe.CommandType;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * IOC, FOK (with its STP walk) and GTD expiry (docs/semantics.md §4 step 1, §6 step 11, §7). Config simple.
 */
class TimeInForceBehaviourTest extends BehaviourTestSupport
{
    @ContractTest
    void shouldCancelIocRemainderAndReleaseItsHold(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(3), 1);

        // hold 5 * 101 = 505; cost 300, makerFee = ceilDiv(3000, 10000) = 1, takerFee = ceilDiv(6000, 10000) = 1;
        // buyer quote deltaHeld = -3 * 101 = -303, deltaAvailable = 303 - 300 - 1 = 2; remainder 2 * 101 = 202
        assertThat(x.order(BOB).buy().limit(100).ioc().qty(5).send()).containsExactly(
            new Event.Accepted(2, BOB, SYMBOL, "", BUY, OrderType.LIMIT, TimeInForce.IOC, StpMode.CANCEL_TAKER, false,
                100, 0, 5, 0),
            balance(BOB, QUOTE, -505, 505, 99_495, 505, ORDER_HOLD, 2),
            trade(1, 100, 3, 300, BUY, 1, ALICE, 1, 0, 2, BOB, 1, 2),
            balance(BOB, QUOTE, 2, -303, 99_497, 202, TRADE, 1),
            balance(BOB, BASE, 3, 0, 1003, 0, TRADE, 1),
            balance(ALICE, BASE, 0, -3, 997, 0, TRADE, 1),
            balance(ALICE, QUOTE, 299, 0, 100_299, 0, TRADE, 1),
            balance(FEE_ACCOUNT, QUOTE, 2, 0, 2, 0, FEE, 1),
            cancelled(2, BOB, BUY, 2, 3, IOC_REMAINDER),
            balance(BOB, QUOTE, 202, -202, 99_699, 0, ORDER_RELEASE, 2));
        assertThat(x.openOrders()).isEmpty();
    }

    @ContractTest
    void shouldCancelUnmatchedIocLimitWithIocRemainderNotNoLiquidity(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        assertThat(story(x.order(BOB).buy().limit(100).ioc().qty(5).send()))
            .containsExactly("accepted 1", "cancelled 1 IOC_REMAINDER");
    }

    @ContractTest
    void shouldFillFokOrderAcrossLevelsWhenFullyFillable(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(3), 1);
        placed(x.order(CAROL).sell().limit(101).qty(3), 2);

        // walk: 3 at 100, then 3 at 101 reaches 6 >= 5
        assertThat(story(x.order(BOB).buy().limit(101).fok().qty(5).send()))
            .containsExactly("accepted 3", "trade 3@100 maker 1 taker 3", "trade 2@101 maker 2 taker 3");
    }

    @ContractTest
    void shouldRejectFokOrderThatCannotBeFilledWithinItsLimit(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(3), 1);
        placed(x.order(CAROL).sell().limit(102).qty(3), 2);

        // only the level at 100 crosses 101: 3 < 5
        assertThat(x.order(BOB).buy().limit(101).fok().qty(5).clOrdId("fok-1").send()).containsExactly(
            new Event.Rejected(CommandType.PLACE_ORDER, BOB, SYMBOL, 0, "fok-1", RejectReason.FOK_NOT_FILLABLE));
        assertThat(x.available(BOB, QUOTE)).isEqualTo(QUOTE_FUNDS);
        placed(x.order(BOB).buy().limit(90).qty(1), 3);
    }

    @ContractTest
    void shouldRejectFokSellThatCannotBeFilled(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).buy().limit(100).qty(3), 1);

        assertRejected(x.order(BOB).sell().limit(100).fok().qty(4).send(), RejectReason.FOK_NOT_FILLABLE);
        assertThat(story(x.order(BOB).sell().limit(100).fok().qty(3).send()))
            .containsExactly("accepted 2", "trade 3@100 maker 1 taker 2");
    }

    @ContractTest
    void shouldStopFokWalkAtOwnOrderForCancelTaker(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(3), 1);
        placed(x.order(BOB).sell().limit(100).qty(3), 2);
        placed(x.order(CAROL).sell().limit(100).qty(3), 3);

        // walk: Alice 3, then Bob's own order stops the walk: 3 < 5, although Carol's 3 would make 6
        assertRejected(x.order(BOB).buy().limit(100).fok().qty(5).send(), RejectReason.FOK_NOT_FILLABLE);
    }

    @ContractTest
    void shouldStopFokWalkAtOwnOrderForCancelBoth(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(3), 1);
        placed(x.order(BOB).sell().limit(100).qty(3), 2);
        placed(x.order(CAROL).sell().limit(100).qty(3), 3);

        assertRejected(x.order(BOB).buy().limit(100).fok().stp(StpMode.CANCEL_BOTH).qty(5).send(),
            RejectReason.FOK_NOT_FILLABLE);
    }

    @ContractTest
    void shouldSkipOwnOrderInFokWalkForCancelMaker(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(3), 1);
        placed(x.order(BOB).sell().limit(100).qty(3), 2);
        placed(x.order(CAROL).sell().limit(100).qty(3), 3);

        // walk: Alice 3, Bob's own skipped, Carol 3 → 6 >= 5; execution cancels Bob's maker on the way
        assertThat(story(x.order(BOB).buy().limit(100).fok().stp(StpMode.CANCEL_MAKER).qty(5).send()))
            .containsExactly("accepted 4", "trade 3@100 maker 1 taker 4", "cancelled 2 SELF_TRADE_PREVENTION",
                "trade 2@100 maker 3 taker 4");
    }

    @ContractTest
    void shouldCountOwnOrdersInFokWalkForStpNone(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(3), 1);
        placed(x.order(DAVE).sell().limit(100).qty(3), 2);

        // Dave may self-trade: walk 3 + 3 = 6 >= 5
        assertThat(story(x.order(DAVE).buy().limit(100).fok().stp(StpMode.NONE).qty(5).send()))
            .containsExactly("accepted 3", "trade 3@100 maker 1 taker 3", "trade 2@100 maker 2 taker 3");
    }

    @ContractTest
    void shouldAcceptFokFilledBeforeTheWalkReachesOwnOrder(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(3), 1);
        placed(x.order(CAROL).sell().limit(100).qty(3), 2);
        placed(x.order(BOB).sell().limit(100).qty(3), 3);

        // walk: 3 + 3 = 6 >= 5 before Bob's own order is reached
        assertThat(story(x.order(BOB).buy().limit(100).fok().qty(5).send()))
            .containsExactly("accepted 4", "trade 3@100 maker 1 taker 4", "trade 2@100 maker 2 taker 4");
        assertThat(x.openOrders()).extracting(ExchangeDriver.OpenOrder::orderId).containsExactly(2L, 3L);
    }

    @ContractTest
    void shouldExpireGtdOrderOnTickAtItsExpireTime(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        // holdPerLot(99) = 99 + ceilDiv(1980, 10000) = 100; hold 200
        assertThat(x.order(BOB).buy().limit(99).gtd(T0 + 100).qty(2).send()).containsExactly(
            new Event.Accepted(1, BOB, SYMBOL, "", BUY, OrderType.LIMIT, TimeInForce.GTD, StpMode.CANCEL_TAKER, false,
                99, 0, 2, T0 + 100),
            balance(BOB, QUOTE, -200, 200, 99_800, 200, ORDER_HOLD, 1));

        assertThat(x.tick(T0 + 99)).isEmpty();
        // expireTimeNs <= now
        assertThat(x.tick(T0 + 100)).containsExactly(
            cancelled(1, BOB, BUY, 2, 0, EXPIRED),
            balance(BOB, QUOTE, 200, -200, 100_000, 0, ORDER_RELEASE, 1));
        assertThat(x.tick(T0 + 101)).isEmpty();
        assertThat(x.openOrders()).isEmpty();
    }

    @ContractTest
    void shouldExpireGtdOrderBeforeAnyOtherCommand(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().limit(99).gtd(T0 + 100).qty(2), 1);

        x.at(T0 + 500);
        assertThat(x.deposit(ALICE, BASE, 5, "late")).containsExactly(
            cancelled(1, BOB, BUY, 2, 0, EXPIRED),
            balance(BOB, QUOTE, 200, -200, 100_000, 0, ORDER_RELEASE, 1),
            balance(ALICE, BASE, 5, 0, 1005, 0, DEPOSIT, 0));
    }

    @ContractTest
    void shouldExpireGtdOrderBeforeRejectedAndMalformedCommands(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().limit(99).gtd(T0 + 100).qty(2), 1);
        placed(x.order(CAROL).sell().limit(101).gtd(T0 + 200).qty(3), 2);

        x.at(T0 + 100);
        assertThat(x.cancel(CAROL, 99)).containsExactly(
            cancelled(1, BOB, BUY, 2, 0, EXPIRED),
            balance(BOB, QUOTE, 200, -200, 100_000, 0, ORDER_RELEASE, 1),
            new Event.Rejected(CommandType.CANCEL_ORDER, CAROL, 0, 99, "", RejectReason.UNKNOWN_ORDER));

        x.at(T0 + 200);
        assertThat(x.raw(new byte[] {1, 2, 3}, 3)).containsExactly(
            cancelled(2, CAROL, SELL, 3, 0, EXPIRED),
            balance(CAROL, BASE, 3, -3, 1000, 0, ORDER_RELEASE, 2),
            new Event.Rejected(CommandType.UNKNOWN, 0, 0, 0, "", RejectReason.MALFORMED_COMMAND));
    }

    @ContractTest
    void shouldExpireBeforeTheCommandCanMatchTheExpiredOrder(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).gtd(T0 + 100).qty(1), 1);

        x.at(T0 + 100);
        assertThat(x.order(BOB).buy().limit(100).ioc().qty(1).send()).containsExactly(
            cancelled(1, ALICE, SELL, 1, 0, EXPIRED),
            balance(ALICE, BASE, 1, -1, 1000, 0, ORDER_RELEASE, 1),
            new Event.Accepted(2, BOB, SYMBOL, "", BUY, OrderType.LIMIT, TimeInForce.IOC, StpMode.CANCEL_TAKER, false,
                100, 0, 1, 0),
            balance(BOB, QUOTE, -101, 101, 99_899, 101, ORDER_HOLD, 2),
            cancelled(2, BOB, BUY, 1, 0, IOC_REMAINDER),
            balance(BOB, QUOTE, 101, -101, 100_000, 0, ORDER_RELEASE, 2));
    }

    @ContractTest
    void shouldExpireInExpireTimeThenOrderIdOrderAcrossSymbolsAndPendingStops(final Implementation impl)
    {
        final ExchangeDriver x = funded(impl, BehaviourConfigs.twoSymbols());
        placed(x.order(BOB).buy().limit(90).gtd(T0 + 300).qty(1), 1);
        placed(x.order(ALICE).symbol(BehaviourConfigs.OTHER_SYMBOL).buy().limit(95).gtd(T0 + 200).qty(1), 2);
        placed(x.order(CAROL).buy().stop(110).gtd(T0 + 200).qty(1), 3);
        placed(x.order(BOB).buy().limit(91).gtd(T0 + 400).qty(1), 4);
        placed(x.order(ALICE).buy().limit(92).qty(1), 5);

        // due at T0 + 300: (T0 + 200, 2), (T0 + 200, 3), (T0 + 300, 1); each cancel is followed by its release
        final List<Event> events = x.tick(T0 + 300);

        assertThat(events).hasSize(6);
        assertThat(cancels(events)).extracting(Event.Cancelled::orderId, Event.Cancelled::symbolId,
                Event.Cancelled::reason)
            .containsExactly(
                org.assertj.core.api.Assertions.tuple(2L, BehaviourConfigs.OTHER_SYMBOL, EXPIRED),
                org.assertj.core.api.Assertions.tuple(3L, SYMBOL, EXPIRED),
                org.assertj.core.api.Assertions.tuple(1L, SYMBOL, EXPIRED));
        for (int i = 0; i < events.size(); i += 2)
        {
            final Event.Cancelled cancel = (Event.Cancelled)events.get(i);
            assertThat(events.get(i + 1)).isInstanceOfSatisfying(Event.Balance.class, release ->
            {
                assertThat(release.reason()).isEqualTo(ORDER_RELEASE);
                assertThat(release.referenceId()).isEqualTo(cancel.orderId());
            });
        }
        assertThat(x.openOrders()).extracting(ExchangeDriver.OpenOrder::orderId).containsExactly(4L, 5L);
    }

    @ContractTest
    void shouldRejectGtdWhoseExpireTimeIsNotInTheFuture(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        assertRejected(x.order(BOB).buy().limit(99).gtd(x.now()).qty(1).send(), RejectReason.INVALID_EXPIRE_TIME);
        assertRejected(x.order(BOB).buy().limit(99).gtd(x.now() - 1).qty(1).send(),
            RejectReason.INVALID_EXPIRE_TIME);
        assertRejected(x.order(BOB).buy().limit(99).gtc().expire(x.now() + 100).qty(1).send(),
            RejectReason.INVALID_EXPIRE_TIME);
        placed(x.order(BOB).buy().limit(99).gtd(x.now() + 1).qty(1), 1);
    }
}
