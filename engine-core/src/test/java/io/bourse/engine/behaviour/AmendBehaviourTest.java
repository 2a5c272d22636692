package io.bourse.engine.behaviour;

import static io.bourse.sbe.BalanceReason.AMEND;
import static io.bourse.sbe.BalanceReason.FEE;
import static io.bourse.sbe.BalanceReason.ORDER_RELEASE;
import static io.bourse.sbe.BalanceReason.TRADE;
import static io.bourse.sbe.CancelReason.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bourse.sbe.CommandType;
import io.bourse.sbe.RejectReason;

/**
 * ReplaceOrder (docs/semantics.md §10): priority, hold deltas, crossing, ending an order, client order ids.
 * Config simple: holdPerLot(p) = p + 1.
 */
class AmendBehaviourTest extends BehaviourTestSupport
{
    @ContractTest
    void shouldKeepPriorityWhenAmendReducesQuantity(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(5), 1);
        placed(x.order(BOB).sell().limit(100).qty(5), 2);

        // sell hold 5 → 3: delta = 3 - 5 = -2, so +2 available, -2 held
        assertThat(x.replace(ALICE, 1, 100, 3)).containsExactly(
            new Event.Replaced(1, ALICE, SYMBOL, "", "", SELL, 100, 3, 3, 0, true),
            balance(ALICE, BASE, 2, -2, 997, 3, AMEND, 1));

        // Alice is still first in the queue at 100
        assertThat(trades(x.order(CAROL).buy().limit(100).qty(4).send()))
            .extracting(Event.Trade::makerOrderId, Event.Trade::qtyMinor, Event.Trade::makerLeavesQtyMinor)
            .containsExactly(tuple(1L, 3L, 0L), tuple(2L, 1L, 4L));
    }

    @ContractTest
    void shouldLosePriorityWhenAmendIncreasesQuantity(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(5), 1);
        placed(x.order(BOB).sell().limit(100).qty(5), 2);

        assertThat(x.replace(ALICE, 1, 100, 6)).containsExactly(
            new Event.Replaced(1, ALICE, SYMBOL, "", "", SELL, 100, 6, 6, 0, false),
            balance(ALICE, BASE, -1, 1, 994, 6, AMEND, 1));

        assertThat(trades(x.order(CAROL).buy().limit(100).qty(7).send()))
            .extracting(Event.Trade::makerOrderId, Event.Trade::qtyMinor)
            .containsExactly(tuple(2L, 5L), tuple(1L, 2L));
    }

    @ContractTest
    void shouldLosePriorityWhenAmendChangesPrice(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).qty(5), 1);
        placed(x.order(BOB).sell().limit(100).qty(5), 2);

        // a sell's hold does not depend on price: delta 0, no BalanceChanged
        assertThat(x.replace(ALICE, 1, 100, 5)).containsExactly(
            new Event.Replaced(1, ALICE, SYMBOL, "", "", SELL, 100, 5, 5, 0, false));

        // Alice joined the tail of 100, behind Bob
        assertThat(trades(x.order(CAROL).buy().limit(100).qty(6).send()))
            .extracting(Event.Trade::makerOrderId, Event.Trade::qtyMinor)
            .containsExactly(tuple(2L, 5L), tuple(1L, 1L));
    }

    @ContractTest
    void shouldTradeAtMakerPricesWhenAmendCrosses(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        // hold 5 * holdPerLot(98) = 5 * 99 = 495 → Alice quote 99_505 / 495
        placed(x.order(ALICE).buy().limit(98).qty(5), 1);
        placed(x.order(BOB).sell().limit(99).qty(2), 2);
        placed(x.order(CAROL).sell().limit(100).qty(2), 3);

        // newHold = 5 * holdPerLot(101) = 5 * 102 = 510: delta 15 → 99_490 / 510.
        // Trade 1 at 99: cost 198, fees ceilDiv(1980, 10000) = 1 and ceilDiv(3960, 10000) = 1;
        //   Alice deltaHeld = -2 * 102 = -204, deltaAvailable = 204 - 198 - 1 = 5 → 99_495 / 306.
        // Trade 2 at 100: cost 200, fees 1 and 1; deltaHeld -204, deltaAvailable = 204 - 200 - 1 = 3 → 99_498 / 102.
        // 1 lot rests at 101 holding 102.
        assertThat(x.replace(ALICE, 1, 101, 5)).containsExactly(
            new Event.Replaced(1, ALICE, SYMBOL, "", "", BUY, 101, 5, 5, 0, false),
            balance(ALICE, QUOTE, -15, 15, 99_490, 510, AMEND, 1),
            trade(1, 99, 2, 198, BUY, 2, BOB, 1, 0, 1, ALICE, 1, 3),
            balance(ALICE, QUOTE, 5, -204, 99_495, 306, TRADE, 1),
            balance(ALICE, BASE, 2, 0, 1002, 0, TRADE, 1),
            balance(BOB, BASE, 0, -2, 998, 0, TRADE, 1),
            balance(BOB, QUOTE, 197, 0, 100_197, 0, TRADE, 1),
            balance(FEE_ACCOUNT, QUOTE, 2, 0, 2, 0, FEE, 1),
            trade(2, 100, 2, 200, BUY, 3, CAROL, 1, 0, 1, ALICE, 1, 1),
            balance(ALICE, QUOTE, 3, -204, 99_498, 102, TRADE, 2),
            balance(ALICE, BASE, 2, 0, 1004, 0, TRADE, 2),
            balance(CAROL, BASE, 0, -2, 998, 0, TRADE, 2),
            balance(CAROL, QUOTE, 199, 0, 100_199, 0, TRADE, 2),
            balance(FEE_ACCOUNT, QUOTE, 2, 0, 4, 0, FEE, 2));
        assertThat(x.bestBid()).isEqualTo(101);
        assertThat(x.last()).isEqualTo(100);
    }

    @ContractTest
    void shouldEndOrderWhenAmendedQuantityEqualsFilled(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(5), 1);
        placed(x.order(BOB).buy().limit(100).qty(3), 2);  // Alice filled 3: base 995 / 2

        assertThat(x.replace(ALICE, 1, 100, 3)).containsExactly(
            new Event.Replaced(1, ALICE, SYMBOL, "", "", SELL, 100, 3, 0, 3, false),
            balance(ALICE, BASE, 2, -2, 997, 0, AMEND, 1));
        assertThat(x.openOrders()).isEmpty();
        assertRejected(x.cancel(ALICE, 1), RejectReason.UNKNOWN_ORDER);
    }

    @ContractTest
    void shouldEndBuyOrderWhenAmendedQuantityIsBelowFilled(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        // hold 5 * 101 = 505 → Bob quote 99_495 / 505
        placed(x.order(BOB).buy().limit(100).qty(5), 1);
        // Bob is maker of 3 at 100: cost 300, makerFee ceilDiv(3000, 10000) = 1;
        // deltaHeld -303, deltaAvailable 303 - 300 - 1 = 2 → 99_497 / 202
        placed(x.order(ALICE).sell().limit(100).qty(3), 2);

        assertThat(x.replace(BOB, 1, 100, 2)).containsExactly(
            new Event.Replaced(1, BOB, SYMBOL, "", "", BUY, 100, 2, 0, 3, false),
            balance(BOB, QUOTE, 202, -202, 99_699, 0, AMEND, 1));
    }

    @ContractTest
    void shouldEndOrderByAmendEvenBelowMinimumQuantity(final Implementation impl)
    {
        // strict: lot 10, min 2 lots; price 100 = 20 ticks
        final ExchangeDriver x = funded(impl, BehaviourConfigs.strict());
        placed(x.order(ALICE).sell().limit(100).qty(50), 1);  // Alice base 950 / 50
        placed(x.order(BOB).buy().limit(100).qty(30), 2);     // Alice filled 30: 950 / 20

        // 1 lot is below the minimum, but the order ends (qty <= filled) before that check applies
        assertThat(x.replace(ALICE, 1, 100, 10)).containsExactly(
            new Event.Replaced(1, ALICE, SYMBOL, "", "", SELL, 100, 10, 0, 30, false),
            balance(ALICE, BASE, 20, -20, 970, 0, AMEND, 1));
    }

    @ContractTest
    void shouldRejectAmendOfPendingStop(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().stop(110).qty(2), 1);

        assertThat(x.replace(BOB, 1, 100, 2)).containsExactly(
            new Event.Rejected(CommandType.REPLACE_ORDER, BOB, 0, 1, "", RejectReason.ORDER_NOT_AMENDABLE));
    }

    @ContractTest
    void shouldMoveBuyHoldByDeltaWithReasonAmend(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().limit(100).qty(10), 1);  // 10 * 101 = 1010 → 98_990 / 1010

        // 6 * 101 = 606: delta -404
        assertThat(x.replace(BOB, 1, 100, 6)).containsExactly(
            new Event.Replaced(1, BOB, SYMBOL, "", "", BUY, 100, 6, 6, 0, true),
            balance(BOB, QUOTE, 404, -404, 99_394, 606, AMEND, 1));
        // holdPerLot(120) = 120 + ceilDiv(2400, 10000) = 121; 6 * 121 = 726: delta +120
        assertThat(x.replace(BOB, 1, 120, 6)).containsExactly(
            new Event.Replaced(1, BOB, SYMBOL, "", "", BUY, 120, 6, 6, 0, false),
            balance(BOB, QUOTE, -120, 120, 99_274, 726, AMEND, 1));
    }

    @ContractTest
    void shouldRecomputeHoldOfPartiallyFilledOrderOnItsRemainingQuantity(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().limit(100).qty(5), 1);   // 505 → 99_495 / 505
        // maker fill of 2: cost 200, fee ceilDiv(2000, 10000) = 1; deltaHeld -202, deltaAvailable 1 → 99_496 / 303
        placed(x.order(ALICE).sell().limit(100).qty(2), 2);

        // newHold = (5 - 2) * holdPerLot(110) = 3 * 111 = 333; delta = 333 - 303 = 30
        assertThat(x.replace(BOB, 1, 110, 5)).containsExactly(
            new Event.Replaced(1, BOB, SYMBOL, "", "", BUY, 110, 5, 3, 2, false),
            balance(BOB, QUOTE, -30, 30, 99_466, 333, AMEND, 1));
    }

    @ContractTest
    void shouldReplaceClientOrderIdAndFreeTheOldOne(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).clOrdId("A1").qty(5), 1);  // base 995 / 5

        assertThat(x.replace(ALICE, 1).price(101).qty(4).clOrdId("A2").send()).containsExactly(
            new Event.Replaced(1, ALICE, SYMBOL, "A2", "A1", SELL, 101, 4, 4, 0, true),
            balance(ALICE, BASE, 1, -1, 996, 4, AMEND, 1));

        placed(x.order(ALICE).sell().limit(102).clOrdId("A1").qty(1), 2);    // base 995 / 5
        assertThat(x.order(ALICE).sell().limit(102).clOrdId("A2").qty(1).send()).containsExactly(
            new Event.Rejected(CommandType.PLACE_ORDER, ALICE, SYMBOL, 0, "A2",
                RejectReason.DUPLICATE_CLIENT_ORDER_ID));
        assertThat(x.cancelByClientId(ALICE, "A2")).containsExactly(
            new Event.Cancelled(1, ALICE, SYMBOL, "A2", SELL, 4, 0, USER),
            balance(ALICE, BASE, 4, -4, 999, 1, ORDER_RELEASE, 1));
    }

    @ContractTest
    void shouldKeepClientOrderIdWhenAmendGivesNone(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).clOrdId("A1").qty(5), 1);

        assertThat(Event.only(x.replace(ALICE, 1, 101, 4), Event.Replaced.class)).containsExactly(
            new Event.Replaced(1, ALICE, SYMBOL, "A1", "A1", SELL, 101, 4, 4, 0, true));
        assertRejected(x.order(ALICE).sell().limit(101).clOrdId("A1").qty(1).send(),
            RejectReason.DUPLICATE_CLIENT_ORDER_ID);
    }

    @ContractTest
    void shouldAllowAmendThatRepeatsTheOrdersOwnClientOrderId(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).clOrdId("A1").qty(5), 1);

        assertThat(Event.only(x.replace(ALICE, 1).price(101).qty(4).clOrdId("A1").send(), Event.Replaced.class))
            .containsExactly(new Event.Replaced(1, ALICE, SYMBOL, "A1", "A1", SELL, 101, 4, 4, 0, true));
    }

    @ContractTest
    void shouldTargetAmendByOriginalClientOrderId(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).clOrdId("A1").qty(5), 1);
        placed(x.order(ALICE).sell().limit(102).clOrdId("A2").qty(5), 2);

        assertThat(Event.only(x.replace(ALICE, 0).origClOrdId("A2").price(102).qty(3).send(), Event.Replaced.class))
            .containsExactly(new Event.Replaced(2, ALICE, SYMBOL, "A2", "A2", SELL, 102, 3, 3, 0, true));
    }

    @ContractTest
    void shouldRunTriggerLoopAfterAmendTrades(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().stop(101).qty(1), 1);
        placed(x.order(ALICE).sell().limit(101).qty(1), 2);
        placed(x.order(CAROL).buy().limit(99).qty(1), 3);  // holds 100

        assertThat(story(x.replace(CAROL, 3, 101, 1))).containsExactly(
            "replaced 3", "trade 1@101 maker 2 taker 3", "triggered 1 at 101", "cancelled 1 NO_LIQUIDITY");
    }

    @ContractTest
    void shouldRejectAmendOfAnotherAccountsOrder(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).clOrdId("A1").qty(5), 1);

        assertThat(x.replace(BOB, 1, 101, 4)).containsExactly(
            new Event.Rejected(CommandType.REPLACE_ORDER, BOB, 0, 1, "", RejectReason.UNKNOWN_ORDER));
        assertRejected(x.replace(BOB, 0).origClOrdId("A1").price(101).qty(4).send(), RejectReason.UNKNOWN_ORDER);
    }
}
