package io.bourse.engine.behaviour;

import static io.bourse.sbe.BalanceReason.AMEND;
import static io.bourse.sbe.BalanceReason.FEE;
import static io.bourse.sbe.BalanceReason.ORDER_HOLD;
import static io.bourse.sbe.BalanceReason.ORDER_RELEASE;
import static io.bourse.sbe.BalanceReason.TRADE;
import static io.bourse.sbe.CancelReason.NO_LIQUIDITY;
import static org.assertj.core.api.Assertions.assertThat;

import io.bourse.sbe.OrderType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * STOP and STOP_LIMIT orders and the trigger loop (docs/semantics.md §6 step 6, §8). Config simple, last 100.
 * A STOP buy's holdPrice is min(maxPrice, floor(stop * 15000 / 10000)); a sell's max(1, ceilDiv(stop * 5000, 10000)).
 */
class StopOrderBehaviourTest extends BehaviourTestSupport
{
    @ContractTest
    void shouldAcceptStopAsPendingWithoutMatching(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(105).qty(5), 1);

        // holdPrice = floor(110 * 15000 / 10000) = 165; holdPerLot(165) = 165 + ceilDiv(3300, 10000) = 166;
        // hold = 2 * 166 = 332. The ask at 105 would cross, but a pending stop does not match.
        assertThat(x.order(BOB).buy().stop(110).qty(2).send()).containsExactly(
            new Event.Accepted(2, BOB, SYMBOL, "", BUY, OrderType.STOP, TimeInForce.GTC, StpMode.CANCEL_TAKER, false,
                0, 110, 2, 0),
            balance(BOB, QUOTE, -332, 332, 99_668, 332, ORDER_HOLD, 2));

        assertThat(x.openOrders()).contains(
            new ExchangeDriver.OpenOrder(2, BOB, SYMBOL, BUY, OrderType.STOP, 0, 110, 2, 0, true));
        assertThat(x.bestBid()).isEqualTo(0);
    }

    @ContractTest
    void shouldTriggerBuyStopOnLastTradePriceAfterTheTakersRemainder(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(110).qty(1), 1);  // Alice base 999 / 1
        placed(x.order(ALICE).sell().limit(120).qty(5), 2);  // Alice base 994 / 6
        placed(x.order(BOB).buy().stop(110).qty(2), 3);      // hold 2 * 166 = 332: Bob quote 99_668 / 332

        // Carol: holdPerLot(110) = 110 + ceilDiv(2200, 10000) = 111. Trade 1: cost 110, fees ceilDiv(1100, 10000) = 1
        // and ceilDiv(2200, 10000) = 1; buyer quote deltaAvailable = 111 - 110 - 1 = 0. last = 110 >= stop 110:
        // Bob's stop triggers; match limit = min(holdPrice 165, bandHigh floor(110 * 1.5) = 165) = 165 takes the
        // ask at 120. Trade 2: cost 2 * 120 = 240, fees ceilDiv(2400, 10000) = 1 and ceilDiv(4800, 10000) = 1;
        // Bob quote deltaHeld = -2 * 166 = -332, deltaAvailable = 332 - 240 - 1 = 91.
        assertThat(x.order(CAROL).buy().limit(110).qty(1).send()).containsExactly(
            acceptedLimit(4, CAROL, BUY, 110, 1),
            balance(CAROL, QUOTE, -111, 111, 99_889, 111, ORDER_HOLD, 4),
            trade(1, 110, 1, 110, BUY, 1, ALICE, 1, 0, 4, CAROL, 1, 0),
            balance(CAROL, QUOTE, 0, -111, 99_889, 0, TRADE, 1),
            balance(CAROL, BASE, 1, 0, 1001, 0, TRADE, 1),
            balance(ALICE, BASE, 0, -1, 994, 5, TRADE, 1),
            balance(ALICE, QUOTE, 109, 0, 100_109, 0, TRADE, 1),
            balance(FEE_ACCOUNT, QUOTE, 2, 0, 2, 0, FEE, 1),
            new Event.Triggered(3, BOB, SYMBOL, "", BUY, 110),
            trade(2, 120, 2, 240, BUY, 2, ALICE, 1, 3, 3, BOB, 1, 0),
            balance(BOB, QUOTE, 91, -332, 99_759, 0, TRADE, 2),
            balance(BOB, BASE, 2, 0, 1002, 0, TRADE, 2),
            balance(ALICE, BASE, 0, -2, 994, 3, TRADE, 2),
            balance(ALICE, QUOTE, 239, 0, 100_348, 0, TRADE, 2),
            balance(FEE_ACCOUNT, QUOTE, 2, 0, 4, 0, FEE, 2));
        assertThat(x.last()).isEqualTo(120);
    }

    @ContractTest
    void shouldTriggerSellStopWhenLastFallsToItsStop(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        // holdPrice = max(1, ceilDiv(90 * 5000, 10000)) = 45; a sell holds 2 base
        placed(x.order(BOB).sell().stop(90).qty(2), 1);
        placed(x.order(ALICE).buy().limit(90).qty(1), 2);
        placed(x.order(CAROL).buy().limit(85).qty(5), 3);

        // trade at 90 → last 90 <= stop 90; match limit = max(45, bandLow ceilDiv(90 * 5000, 10000) = 45) = 45,
        // so the bid at 85 is taken: cost 170, fees ceilDiv(1700, 10000) = 1, ceilDiv(3400, 10000) = 1
        final var events = x.order(DAVE).sell().limit(90).qty(1).send();

        assertThat(Event.only(events, Event.Triggered.class))
            .containsExactly(new Event.Triggered(1, BOB, SYMBOL, "", SELL, 90));
        assertThat(trades(events)).containsExactly(
            trade(1, 90, 1, 90, SELL, 2, ALICE, 1, 0, 4, DAVE, 1, 0),
            trade(2, 85, 2, 170, SELL, 3, CAROL, 1, 3, 1, BOB, 1, 0));
        assertThat(x.last()).isEqualTo(85);
    }

    @ContractTest
    void shouldRejectStopWhosePriceIsAlreadyReached(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        // buy stops need stop > last (100), sell stops stop < last
        assertRejected(x.order(BOB).buy().stop(100).qty(1).send(), RejectReason.STOP_PRICE_ALREADY_REACHED);
        assertRejected(x.order(BOB).buy().stop(99).qty(1).send(), RejectReason.STOP_PRICE_ALREADY_REACHED);
        assertRejected(x.order(BOB).sell().stop(100).qty(1).send(), RejectReason.STOP_PRICE_ALREADY_REACHED);
        assertRejected(x.order(BOB).sell().stop(101).qty(1).send(), RejectReason.STOP_PRICE_ALREADY_REACHED);
        assertRejected(x.order(BOB).buy().stopLimit(100, 100).qty(1).send(),
            RejectReason.STOP_PRICE_ALREADY_REACHED);
        placed(x.order(BOB).buy().stop(101).qty(1), 1);
        placed(x.order(BOB).sell().stop(99).qty(1), 2);
    }

    @ContractTest
    void shouldTriggerBuyStopsLowestStopFirstThenByOrderId(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().stop(105).qty(1), 1);
        placed(x.order(CAROL).buy().stop(103).qty(1), 2);
        placed(x.order(BOB).buy().stop(103).qty(1), 3);
        placed(x.order(CAROL).buy().stop(104).qty(1), 4);
        placed(x.order(ALICE).sell().limit(105).qty(1), 5);

        // last becomes 105: all four trigger, lowest stop first (103: ids 2, 3), then 104, then 105; the book has
        // no asks left, so each triggered STOP ends NO_LIQUIDITY before the next triggers
        assertThat(story(x.order(DAVE).buy().limit(105).qty(1).send())).containsExactly(
            "accepted 6", "trade 1@105 maker 5 taker 6",
            "triggered 2 at 105", "cancelled 2 NO_LIQUIDITY",
            "triggered 3 at 105", "cancelled 3 NO_LIQUIDITY",
            "triggered 4 at 105", "cancelled 4 NO_LIQUIDITY",
            "triggered 1 at 105", "cancelled 1 NO_LIQUIDITY");
    }

    @ContractTest
    void shouldTriggerSellStopsHighestStopFirstThenByOrderId(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).sell().stop(95).qty(1), 1);
        placed(x.order(CAROL).sell().stop(97).qty(1), 2);
        placed(x.order(BOB).sell().stop(97).qty(1), 3);
        placed(x.order(CAROL).sell().stop(96).qty(1), 4);
        placed(x.order(ALICE).buy().limit(95).qty(1), 5);

        assertThat(story(x.order(DAVE).sell().limit(95).qty(1).send())).containsExactly(
            "accepted 6", "trade 1@95 maker 5 taker 6",
            "triggered 2 at 95", "cancelled 2 NO_LIQUIDITY",
            "triggered 3 at 95", "cancelled 3 NO_LIQUIDITY",
            "triggered 4 at 95", "cancelled 4 NO_LIQUIDITY",
            "triggered 1 at 95", "cancelled 1 NO_LIQUIDITY");
    }

    @ContractTest
    void shouldCascadeWhenTriggeredStopTradeTriggersAnotherStop(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().stop(101).qty(1), 1);
        placed(x.order(CAROL).buy().stop(103).qty(1), 2);
        placed(x.order(ALICE).sell().limit(101).qty(1), 3);
        placed(x.order(ALICE).sell().limit(103).qty(1), 4);

        // trade at 101 triggers 1 (match limit min(floor(101 * 1.5) = 151, 151)), which takes the ask at 103;
        // last 103 triggers 2, which finds no ask
        assertThat(story(x.order(DAVE).buy().limit(101).qty(1).send())).containsExactly(
            "accepted 5", "trade 1@101 maker 3 taker 5",
            "triggered 1 at 101", "trade 1@103 maker 4 taker 1",
            "triggered 2 at 103", "cancelled 2 NO_LIQUIDITY");
    }

    @ContractTest
    void shouldBoundTriggeredStopMarketByItsHoldPrice(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(120).qty(1), 1);
        placed(x.order(CAROL).buy().limit(120).qty(1), 2);  // last 120, band [60, 180]
        placed(x.order(ALICE).sell().limit(170).qty(5), 3); // rests, in band while last is 120
        placed(x.order(CAROL).buy().limit(100).qty(1), 4);
        placed(x.order(ALICE).sell().limit(100).qty(1), 5); // last back to 100
        // holdPrice = floor(110 * 15000 / 10000) = 165; hold 2 * 166 = 332
        placed(x.order(BOB).buy().stop(110).qty(2), 6);
        placed(x.order(ALICE).sell().limit(120).qty(1), 7);

        // last 120 triggers 6: match limit = min(holdPrice 165, bandHigh floor(120 * 1.5) = 180) = 165 < 170
        final var events = x.order(CAROL).buy().limit(120).qty(1).send();

        assertThat(story(events)).containsExactly("accepted 8", "trade 1@120 maker 7 taker 8",
            "triggered 6 at 120", "cancelled 6 NO_LIQUIDITY");
        assertThat(events).endsWith(
            new Event.Triggered(6, BOB, SYMBOL, "", BUY, 120),
            cancelled(6, BOB, BUY, 2, 0, NO_LIQUIDITY),
            balance(BOB, QUOTE, 332, -332, 100_000, 0, ORDER_RELEASE, 6));
        assertThat(x.bestAsk()).isEqualTo(170);
    }

    @ContractTest
    void shouldRestTriggeredStopLimitRemainderAsAnAmendableOrder(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(105).qty(1), 1);
        placed(x.order(ALICE).sell().limit(106).qty(1), 2);
        placed(x.order(ALICE).sell().limit(107).qty(5), 3);
        // STOP_LIMIT holds at its limit: 3 * holdPerLot(106) = 3 * 107 = 321 → Bob quote 99_679 / 321
        assertThat(x.order(BOB).buy().stopLimit(105, 106).qty(3).send()).containsExactly(
            new Event.Accepted(4, BOB, SYMBOL, "", BUY, OrderType.STOP_LIMIT, TimeInForce.GTC, StpMode.CANCEL_TAKER,
                false, 106, 105, 3, 0),
            balance(BOB, QUOTE, -321, 321, 99_679, 321, ORDER_HOLD, 4));

        // last 105 triggers 4, which takes 1 at 106 and stops before 107; 2 lots rest at 106.
        // Bob quote: deltaHeld -107, deltaAvailable = 107 - 106 - ceilDiv(2120, 10000) = 0 → 99_679 / 214
        assertThat(story(x.order(CAROL).buy().limit(105).qty(1).send())).containsExactly(
            "accepted 5", "trade 1@105 maker 1 taker 5", "triggered 4 at 105", "trade 1@106 maker 2 taker 4");
        assertThat(x.openOrders())
            .filteredOn(order -> order.orderId() == 4)
            .extracting(ExchangeDriver.OpenOrder::priceMinor, ExchangeDriver.OpenOrder::qtyMinor,
                ExchangeDriver.OpenOrder::filledQtyMinor, ExchangeDriver.OpenOrder::pendingStop)
            .containsExactly(org.assertj.core.api.Assertions.tuple(106L, 3L, 1L, false));
        assertThat(x.bestBid()).isEqualTo(106);

        // newHold = (2 - 1) * 107 = 107, oldHold = 2 * 107 = 214: delta -107
        assertThat(x.replace(BOB, 4, 106, 2)).containsExactly(
            new Event.Replaced(4, BOB, SYMBOL, "", "", BUY, 106, 2, 1, 1, true),
            balance(BOB, QUOTE, 107, -107, 99_786, 107, AMEND, 4));
    }

    @ContractTest
    void shouldCancelTriggeredStopLimitIocRemainder(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().stopLimit(105, 105).ioc().qty(3), 1);
        placed(x.order(ALICE).sell().limit(105).qty(1), 2);
        placed(x.order(ALICE).sell().limit(105).qty(1), 3);

        // a triggered STOP_LIMIT is not a STOP: its IOC remainder is IOC_REMAINDER, not NO_LIQUIDITY
        assertThat(story(x.order(CAROL).buy().limit(105).qty(1).send())).containsExactly(
            "accepted 4", "trade 1@105 maker 2 taker 4", "triggered 1 at 105", "trade 1@105 maker 3 taker 1",
            "cancelled 1 IOC_REMAINDER");
    }
}
