package io.bourse.engine.behaviour;

import static io.bourse.sbe.BalanceReason.FEE;
import static io.bourse.sbe.BalanceReason.ORDER_HOLD;
import static io.bourse.sbe.BalanceReason.TRADE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fees (maker and taker bps, rounded up toward the exchange, credited to account 0) and holds (holdPerLot, price
 * improvement and fee difference returned at the fill) (docs/semantics.md §2, §7). Config simple unless stated.
 */
class FeeAndHoldBehaviourTest extends BehaviourTestSupport
{
    @ContractTest
    void shouldRoundFeesUpTowardTheExchange(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(1), 1);

        // cost 100: maker 100 * 10 / 10000 = 0.1 → 1; taker 100 * 20 / 10000 = 0.2 → 1
        final var events = x.order(BOB).buy().limit(100).qty(1).send();

        assertThat(trades(events)).containsExactly(trade(1, 100, 1, 100, BUY, 1, ALICE, 1, 0, 2, BOB, 1, 0));
        assertThat(events).endsWith(balance(FEE_ACCOUNT, QUOTE, 2, 0, 2, 0, FEE, 1));
    }

    @ContractTest
    void shouldRoundFractionalFeesUpAndReturnTheBuyersUnusedFeeHold(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).qty(51), 1);

        // cost 51 * 101 = 5151: maker ceilDiv(51_510, 10000) = 6 (5.151), taker ceilDiv(103_020, 10000) = 11 (10.302)
        // hold 51 * holdPerLot(101) = 51 * 102 = 5202; buyer deltaAvailable = 5202 - 5151 - 11 = 40
        final var events = x.order(BOB).buy().limit(101).qty(51).send();

        assertThat(trades(events)).containsExactly(trade(1, 101, 51, 5151, BUY, 1, ALICE, 6, 0, 2, BOB, 11, 0));
        assertThat(balances(events)).contains(
            balance(BOB, QUOTE, 40, -5202, 94_838, 0, TRADE, 1),
            balance(ALICE, QUOTE, 5145, 0, 105_145, 0, TRADE, 1),
            balance(FEE_ACCOUNT, QUOTE, 17, 0, 17, 0, FEE, 1));
    }

    @ContractTest
    void shouldChargeMakerBpsToTheMakerAndTakerBpsToTheTaker(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        // Bob's resting bid is the maker: hold 100 * 101 = 10_100 → Bob quote 89_900 / 10_100
        placed(x.order(BOB).buy().limit(100).qty(100), 1);

        // cost 10_000: maker (buyer Bob) 10_000 * 10 / 10000 = 10; taker (seller Alice) 10_000 * 20 / 10000 = 20.
        // buyer quote: deltaHeld -10_100, deltaAvailable = 10_100 - 10_000 - 10 = 90
        assertThat(x.order(ALICE).sell().limit(100).qty(100).send()).containsExactly(
            acceptedLimit(2, ALICE, SELL, 100, 100),
            balance(ALICE, BASE, -100, 100, 900, 100, ORDER_HOLD, 2),
            trade(1, 100, 100, 10_000, SELL, 1, BOB, 10, 0, 2, ALICE, 20, 0),
            balance(BOB, QUOTE, 90, -10_100, 89_990, 0, TRADE, 1),
            balance(BOB, BASE, 100, 0, 1100, 0, TRADE, 1),
            balance(ALICE, BASE, 0, -100, 900, 0, TRADE, 1),
            balance(ALICE, QUOTE, 9_980, 0, 109_980, 0, TRADE, 1),
            balance(FEE_ACCOUNT, QUOTE, 30, 0, 30, 0, FEE, 1));
        assertThat(x.available(FEE_ACCOUNT, QUOTE)).isEqualTo(30);
        assertThat(x.held(FEE_ACCOUNT, QUOTE)).isEqualTo(0);
    }

    @ContractTest
    void shouldChargeNoFeeAndEmitNoFeeEventWhenBpsAreZero(final Implementation impl)
    {
        final ExchangeDriver x = funded(impl, BehaviourConfigs.zeroFee());
        placed(x.order(ALICE).sell().limit(100).qty(10), 1);

        // maxFeeBps 0: holdPerLot(100) = 100; hold 1000; buyer deltaAvailable = 1000 - 1000 - 0 = 0 (held still moves);
        // the fee account's BalanceChanged would have both deltas 0, so it is not emitted
        assertThat(x.order(BOB).buy().limit(100).qty(10).send()).containsExactly(
            acceptedLimit(2, BOB, BUY, 100, 10),
            balance(BOB, QUOTE, -1000, 1000, 99_000, 1000, ORDER_HOLD, 2),
            trade(1, 100, 10, 1000, BUY, 1, ALICE, 0, 0, 2, BOB, 0, 0),
            balance(BOB, QUOTE, 0, -1000, 99_000, 0, TRADE, 1),
            balance(BOB, BASE, 10, 0, 1010, 0, TRADE, 1),
            balance(ALICE, BASE, 0, -10, 990, 0, TRADE, 1),
            balance(ALICE, QUOTE, 1000, 0, 101_000, 0, TRADE, 1));
    }

    @ContractTest
    void shouldHoldQuantityTimesHoldPerLotForABuy(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        // holdPerLot(150) = 150 + ceilDiv(150 * 20, 10000) = 151; 7 * 151 = 1057
        assertThat(x.order(BOB).buy().limit(150).qty(7).send()).containsExactly(
            acceptedLimit(1, BOB, BUY, 150, 7),
            balance(BOB, QUOTE, -1057, 1057, 98_943, 1057, ORDER_HOLD, 1));
        // holdPerLot(50) = 50 + ceilDiv(1000, 10000) = 51; 3 * 51 = 153
        assertThat(x.order(BOB).buy().limit(50).qty(3).send()).containsExactly(
            acceptedLimit(2, BOB, BUY, 50, 3),
            balance(BOB, QUOTE, -153, 153, 98_790, 1210, ORDER_HOLD, 2));
    }

    @ContractTest
    void shouldHoldQuantityTimesHoldPerLotInRealUnits(final Implementation impl)
    {
        final ExchangeDriver x = impl.driver(io.bourse.engine.TestConfigs.standard());
        x.createAccount(ALICE);
        x.deposit(ALICE, io.bourse.engine.TestConfigs.USDT, 1_000_000_000, "usdt");

        // ETH-USDT: tick 10_000, lot 100_000 (0.001 ETH), quotePerTickLot 10, reference 200_000 ticks (2000.00).
        // 0.005 ETH = 5 lots at 2000.00 USDT = 200_000 ticks: holdPerLot = 200_000 * 10 + ceilDiv(2_000_000 * 20,
        // 10000) = 2_000_000 + 4000 = 2_004_000; hold 5 * 2_004_000 = 10_020_000 (10.02 USDT for 10 USDT notional)
        assertThat(Event.only(x.order(ALICE).symbol(io.bourse.engine.TestConfigs.ETH_USDT).buy()
            .limit(2_000_000_000L).qty(500_000).send(), Event.Balance.class)).containsExactly(
                balance(ALICE, io.bourse.engine.TestConfigs.USDT, -10_020_000, 10_020_000, 989_980_000, 10_020_000,
                    ORDER_HOLD, 1));
    }

    @ContractTest
    void shouldReturnPriceImprovementToTheBuyerAtTheFill(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(10), 1);

        // hold 10 * holdPerLot(110) = 10 * 111 = 1110; trade at 100: cost 1000, takerFee ceilDiv(20_000, 10000) = 2;
        // deltaAvailable = 1110 - 1000 - 2 = 108 comes back at once
        assertThat(balances(x.order(BOB).buy().limit(110).qty(10).send())).startsWith(
            balance(BOB, QUOTE, -1110, 1110, 98_890, 1110, ORDER_HOLD, 2),
            balance(BOB, QUOTE, 108, -1110, 98_998, 0, TRADE, 1));
    }
}
