package io.bourse.engine.behaviour;

import static io.bourse.sbe.BalanceReason.DEPOSIT;
import static io.bourse.sbe.BalanceReason.FEE;
import static io.bourse.sbe.BalanceReason.ORDER_HOLD;
import static io.bourse.sbe.BalanceReason.ORDER_RELEASE;
import static io.bourse.sbe.BalanceReason.TRADE;
import static io.bourse.sbe.CancelReason.NO_LIQUIDITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bourse.engine.TestConfigs;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * LIMIT and MARKET orders: price-time priority, settlement, remainders (docs/semantics.md §6, §7). Config simple:
 * prices and quantities are plain integers, holdPerLot(p) = p + 1 for p ≤ 500, band [50, 150] while last is 100.
 */
class LimitAndMarketOrderBehaviourTest extends BehaviourTestSupport
{
    @ContractTest
    void shouldMatchCrossingLimitOrderAtMakerPriceAndSettleBothSides(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        // a sell holds qty * lotMinor = 10 base
        assertThat(x.order(ALICE).sell().limit(100).qty(10).send()).containsExactly(
            acceptedLimit(1, ALICE, SELL, 100, 10),
            balance(ALICE, BASE, -10, 10, 990, 10, ORDER_HOLD, 1));

        // hold = 10 * holdPerLot(102) = 10 * (102 + ceilDiv(102 * 20, 10000)) = 10 * 103 = 1030
        // cost = 100 * 10 * 1 = 1000; makerFee = ceilDiv(1000 * 10, 10000) = 1;
        // takerFee = ceilDiv(1000 * 20, 10000) = 2
        // buyer quote: deltaHeld = -10 * 103 = -1030, deltaAvailable = 1030 - 1000 - 2 = 28
        // seller quote: 1000 - 1 = 999; fee account: 1 + 2 = 3
        assertThat(x.order(BOB).buy().limit(102).qty(10).send()).containsExactly(
            acceptedLimit(2, BOB, BUY, 102, 10),
            balance(BOB, QUOTE, -1030, 1030, 98_970, 1030, ORDER_HOLD, 2),
            trade(1, 100, 10, 1000, BUY, 1, ALICE, 1, 0, 2, BOB, 2, 0),
            balance(BOB, QUOTE, 28, -1030, 98_998, 0, TRADE, 1),
            balance(BOB, BASE, 10, 0, 1010, 0, TRADE, 1),
            balance(ALICE, BASE, 0, -10, 990, 0, TRADE, 1),
            balance(ALICE, QUOTE, 999, 0, 100_999, 0, TRADE, 1),
            balance(FEE_ACCOUNT, QUOTE, 3, 0, 3, 0, FEE, 1));

        assertThat(x.openOrders()).isEmpty();
        assertThat(x.last()).isEqualTo(100);
        x.assertViewMatchesEvents();
    }

    @ContractTest
    void shouldRestLimitOrderThatDoesNotCross(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(5), 1);

        // holdPerLot(99) = 99 + ceilDiv(1980, 10000) = 100; hold = 5 * 100 = 500
        assertThat(x.order(BOB).buy().limit(99).qty(5).send()).containsExactly(
            acceptedLimit(2, BOB, BUY, 99, 5),
            balance(BOB, QUOTE, -500, 500, 99_500, 500, ORDER_HOLD, 2));

        assertThat(x.bestBid()).isEqualTo(99);
        assertThat(x.bestAsk()).isEqualTo(100);
        assertThat(x.last()).isEqualTo(100);
    }

    @ContractTest
    void shouldFillByPriceThenTimePriority(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).qty(5), 1);
        placed(x.order(BOB).sell().limit(100).qty(5), 2);
        placed(x.order(CAROL).sell().limit(100).qty(5), 3);

        // best price first (100 before 101), and at 100 the older order 2 before 3; 5 + 5 + 2 = 12
        assertThat(trades(x.order(DAVE).buy().limit(101).qty(12).send()))
            .extracting(Event.Trade::makerOrderId, Event.Trade::priceMinor, Event.Trade::qtyMinor,
                Event.Trade::makerLeavesQtyMinor, Event.Trade::takerLeavesQtyMinor)
            .containsExactly(tuple(2L, 100L, 5L, 0L, 7L), tuple(3L, 100L, 5L, 0L, 2L), tuple(1L, 101L, 2L, 3L, 0L));
        assertThat(x.last()).isEqualTo(101);
    }

    @ContractTest
    void shouldRestRemainderOfPartiallyFilledLimitOrderAtItsPrice(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(3), 1);

        final var events = x.order(BOB).buy().limit(101).qty(5).send();

        assertThat(story(events)).containsExactly("accepted 2", "trade 3@100 maker 1 taker 2");
        assertThat(x.openOrders()).containsExactly(
            new ExchangeDriver.OpenOrder(2, BOB, SYMBOL, BUY, OrderType.LIMIT, 101, 0, 5, 3, false));
        assertThat(x.bestBid()).isEqualTo(101);
        // what stays held is remaining * holdPerLot(101) = 2 * 102 = 204
        assertThat(x.held(BOB, QUOTE)).isEqualTo(204);
    }

    @ContractTest
    void shouldCancelMarketBuyOnEmptyBookWithNoLiquidityAndReleaseAllOfItsHold(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        // a MARKET buy's holdPrice is bandHigh = floor(100 * 15000 / 10000) = 150;
        // holdPerLot(150) = 150 + ceilDiv(3000, 10000) = 151; hold = 10 * 151 = 1510
        assertThat(x.order(BOB).buy().market().qty(10).send()).containsExactly(
            new Event.Accepted(1, BOB, SYMBOL, "", BUY, OrderType.MARKET, TimeInForce.IOC, StpMode.CANCEL_TAKER,
                false, 0, 0, 10, 0),
            balance(BOB, QUOTE, -1510, 1510, 98_490, 1510, ORDER_HOLD, 1),
            cancelled(1, BOB, BUY, 10, 0, NO_LIQUIDITY),
            balance(BOB, QUOTE, 1510, -1510, 100_000, 0, ORDER_RELEASE, 1));
    }

    @ContractTest
    void shouldCancelMarketSellOnEmptyBookWithNoLiquidityAndReleaseItsBase(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        assertThat(x.order(BOB).sell().market().qty(10).send()).containsExactly(
            new Event.Accepted(1, BOB, SYMBOL, "", SELL, OrderType.MARKET, TimeInForce.IOC, StpMode.CANCEL_TAKER,
                false, 0, 0, 10, 0),
            balance(BOB, BASE, -10, 10, 990, 10, ORDER_HOLD, 1),
            cancelled(1, BOB, SELL, 10, 0, NO_LIQUIDITY),
            balance(BOB, BASE, 10, -10, 1000, 0, ORDER_RELEASE, 1));
    }

    @ContractTest
    void shouldFillMarketBuyAndCancelTheUnfilledRestWithNoLiquidity(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(4), 1);

        // hold = 10 * holdPerLot(bandHigh 150) = 10 * 151 = 1510
        // cost = 4 * 100 = 400; makerFee = ceilDiv(4000, 10000) = 1; takerFee = ceilDiv(8000, 10000) = 1
        // buyer quote: deltaHeld = -4 * 151 = -604, deltaAvailable = 604 - 400 - 1 = 203
        // remainder 6 lots: release 6 * 151 = 906; Bob ends with 100_000 - 400 - 1 = 99_599
        assertThat(x.order(BOB).buy().market().qty(10).send()).containsExactly(
            new Event.Accepted(2, BOB, SYMBOL, "", BUY, OrderType.MARKET, TimeInForce.IOC, StpMode.CANCEL_TAKER,
                false, 0, 0, 10, 0),
            balance(BOB, QUOTE, -1510, 1510, 98_490, 1510, ORDER_HOLD, 2),
            trade(1, 100, 4, 400, BUY, 1, ALICE, 1, 0, 2, BOB, 1, 6),
            balance(BOB, QUOTE, 203, -604, 98_693, 906, TRADE, 1),
            balance(BOB, BASE, 4, 0, 1004, 0, TRADE, 1),
            balance(ALICE, BASE, 0, -4, 996, 0, TRADE, 1),
            balance(ALICE, QUOTE, 399, 0, 100_399, 0, TRADE, 1),
            balance(FEE_ACCOUNT, QUOTE, 2, 0, 2, 0, FEE, 1),
            cancelled(2, BOB, BUY, 6, 4, NO_LIQUIDITY),
            balance(BOB, QUOTE, 906, -906, 99_599, 0, ORDER_RELEASE, 2));
    }

    @ContractTest
    void shouldNotLetMarketBuyTakeAskAbovePriceBand(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(150).qty(5), 1);
        placed(x.order(BOB).buy().limit(60).qty(1), 2);
        // trades at 60: last = 60, band = [ceilDiv(60 * 5000, 10000), floor(60 * 15000 / 10000)] = [30, 90]
        assertThat(story(x.order(ALICE).sell().limit(60).qty(1).send()))
            .containsExactly("accepted 3", "trade 1@60 maker 2 taker 3");

        // holdPrice = bandHigh = 90; holdPerLot(90) = 90 + ceilDiv(1800, 10000) = 91; hold = 3 * 91 = 273.
        // The ask at 150 is above the match limit 90: nothing trades.
        assertThat(x.order(CAROL).buy().market().qty(3).send()).containsExactly(
            new Event.Accepted(4, CAROL, SYMBOL, "", BUY, OrderType.MARKET, TimeInForce.IOC, StpMode.CANCEL_TAKER,
                false, 0, 0, 3, 0),
            balance(CAROL, QUOTE, -273, 273, 99_727, 273, ORDER_HOLD, 4),
            cancelled(4, CAROL, BUY, 3, 0, NO_LIQUIDITY),
            balance(CAROL, QUOTE, 273, -273, 100_000, 0, ORDER_RELEASE, 4));
        assertThat(x.bestAsk()).isEqualTo(150);
    }

    @ContractTest
    void shouldNotLetMarketSellTakeBidBelowPriceBand(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().limit(50).qty(5), 1);
        placed(x.order(ALICE).sell().limit(140).qty(1), 2);
        // trades at 140: last = 140, bandLow = ceilDiv(140 * 5000, 10000) = 70
        assertThat(story(x.order(CAROL).buy().limit(140).qty(1).send()))
            .containsExactly("accepted 3", "trade 1@140 maker 2 taker 3");

        // holdPrice = bandLow = 70 is the match limit; the bid at 50 is below it. Alice base: 999 / 0 before.
        assertThat(x.order(ALICE).sell().market().qty(3).send()).containsExactly(
            new Event.Accepted(4, ALICE, SYMBOL, "", SELL, OrderType.MARKET, TimeInForce.IOC, StpMode.CANCEL_TAKER,
                false, 0, 0, 3, 0),
            balance(ALICE, BASE, -3, 3, 996, 3, ORDER_HOLD, 4),
            cancelled(4, ALICE, SELL, 3, 0, NO_LIQUIDITY),
            balance(ALICE, BASE, 3, -3, 999, 0, ORDER_RELEASE, 4));
        assertThat(x.bestBid()).isEqualTo(50);
    }

    @ContractTest
    void shouldFillMarketFokWhenTheBookHoldsEnoughWithinTheBand(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(5), 1);

        // hold = 5 * 151 = 755; cost 500, takerFee = ceilDiv(10000, 10000) = 1, makerFee = ceilDiv(5000, 10000) = 1
        // buyer quote: deltaHeld -755, deltaAvailable = 755 - 500 - 1 = 254 → 98_999 + ... = 99_499
        final var events = x.order(BOB).buy().market().fok().qty(5).send();

        assertThat(story(events)).containsExactly("accepted 2", "trade 5@100 maker 1 taker 2");
        assertThat(balances(events)).contains(balance(BOB, QUOTE, 254, -755, 99_499, 0, TRADE, 1));
    }

    @ContractTest
    void shouldRejectMarketFokWhenTheBookHoldsTooLittle(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(5), 1);

        assertThat(x.order(BOB).buy().market().fok().qty(6).clOrdId("m-1").send()).containsExactly(
            new Event.Rejected(io.bourse.sbe.CommandType.PLACE_ORDER, BOB, SYMBOL, 0, "m-1",
                RejectReason.FOK_NOT_FILLABLE));
        // a rejected order takes no order id
        placed(x.order(BOB).buy().limit(90).qty(1), 2);
    }

    @ContractTest
    void shouldSettleInRealUnitsOnStandardConfig(final Implementation impl)
    {
        final ExchangeDriver x = impl.driver(TestConfigs.standard());
        x.createAccount(ALICE);
        x.createAccount(BOB);
        // 10 USDT = 10_000_000 minor; 1 BTC = 10^8 satoshi
        assertThat(x.deposit(ALICE, TestConfigs.USDT, 10_000_000, "usdt-a"))
            .containsExactly(balance(ALICE, TestConfigs.USDT, 10_000_000, 0, 10_000_000, 0, DEPOSIT, 0));
        x.deposit(BOB, TestConfigs.BTC, 100_000_000, "btc-b");

        // buy 0.0001 BTC (10_000 sat = 1 lot) at 30000.00 USDT (30_000_000_000 minor = 3_000_000 ticks);
        // quotePerTickLot = 1; holdPerLot = 3_000_000 + ceilDiv(3_000_000 * 20, 10000) = 3_006_000 (3.006 USDT)
        assertThat(x.order(ALICE).symbol(TestConfigs.BTC_USDT).buy().limit(30_000_000_000L).qty(10_000).send())
            .containsExactly(
                new Event.Accepted(1, ALICE, TestConfigs.BTC_USDT, "", BUY, OrderType.LIMIT, TimeInForce.GTC,
                    StpMode.CANCEL_TAKER, false, 30_000_000_000L, 0, 10_000, 0),
                balance(ALICE, TestConfigs.USDT, -3_006_000, 3_006_000, 6_994_000, 3_006_000, ORDER_HOLD, 1));

        // cost = 3_000_000 * 1 * 1 = 3_000_000 (3 USDT); maker (Alice) fee = ceilDiv(3_000_000 * 10, 10000) = 3000;
        // taker (Bob) fee = ceilDiv(3_000_000 * 20, 10000) = 6000.
        // buyer quote: deltaHeld -3_006_000, deltaAvailable = 3_006_000 - 3_000_000 - 3000 = 3000
        assertThat(x.order(BOB).symbol(TestConfigs.BTC_USDT).sell().limit(30_000_000_000L).qty(10_000).send())
            .containsExactly(
                new Event.Accepted(2, BOB, TestConfigs.BTC_USDT, "", SELL, OrderType.LIMIT, TimeInForce.GTC,
                    StpMode.CANCEL_TAKER, false, 30_000_000_000L, 0, 10_000, 0),
                balance(BOB, TestConfigs.BTC, -10_000, 10_000, 99_990_000, 10_000, ORDER_HOLD, 2),
                new Event.Trade(1, TestConfigs.BTC_USDT, 30_000_000_000L, 10_000, 3_000_000, SELL, 1, ALICE, 3000, 0,
                    2, BOB, 6000, 0),
                balance(ALICE, TestConfigs.USDT, 3000, -3_006_000, 6_997_000, 0, TRADE, 1),
                balance(ALICE, TestConfigs.BTC, 10_000, 0, 10_000, 0, TRADE, 1),
                balance(BOB, TestConfigs.BTC, 0, -10_000, 99_990_000, 0, TRADE, 1),
                balance(BOB, TestConfigs.USDT, 2_994_000, 0, 2_994_000, 0, TRADE, 1),
                balance(FEE_ACCOUNT, TestConfigs.USDT, 9000, 0, 9000, 0, FEE, 1));
        assertThat(x.last()).isEqualTo(30_000_000_000L);
    }

    @ContractTest
    void shouldRejectOffTickOffLotAndOutOfBandOrdersInRealUnits(final Implementation impl)
    {
        final ExchangeDriver x = impl.driver(TestConfigs.standard());
        x.createAccount(ALICE);
        x.deposit(ALICE, TestConfigs.USDT, 10_000_000_000L, "usdt-a");

        // 30000.005 USDT = 30_000_005_000 is not a multiple of the tick 10_000
        assertRejected(x.order(ALICE).symbol(TestConfigs.BTC_USDT).buy().limit(30_000_005_000L).qty(10_000).send(),
            RejectReason.BAD_TICK);
        // 10_001 satoshi is not a multiple of the lot 10_000
        assertRejected(x.order(ALICE).symbol(TestConfigs.BTC_USDT).buy().limit(30_000_000_000L).qty(10_001).send(),
            RejectReason.BAD_LOT);
        // band 1000 bps around 3_000_000 ticks: bandHigh = 3_300_000 ticks = 33000.00 USDT; 33000.01 is outside
        assertRejected(x.order(ALICE).symbol(TestConfigs.BTC_USDT).buy().limit(33_000_010_000L).qty(10_000).send(),
            RejectReason.OUTSIDE_PRICE_BAND);
        placed(x.order(ALICE).symbol(TestConfigs.BTC_USDT).buy().limit(33_000_000_000L).qty(10_000), 1);
    }
}
