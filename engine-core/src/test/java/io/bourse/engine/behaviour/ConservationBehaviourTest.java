package io.bourse.engine.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.bourse.sbe.RejectReason;
import io.bourse.sbe.StpMode;

/**
 * Money is conserved: for every asset, the sum over all accounts (fee account included) of available + held equals
 * deposits − withdrawals, whatever trades, fees, holds, cancels, STP, stops, amends and expiries happened between
 * (docs/semantics.md §3, §7). Config simple.
 */
class ConservationBehaviourTest extends BehaviourTestSupport
{
    @ContractTest
    void shouldConserveEveryAssetAcrossAScenario(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);   // base 4 * 1000 = 4000, quote 4 * 100_000 = 400_000
        x.withdraw(ALICE, BASE, 100, "w-1");               // base 3900
        x.withdraw(BOB, QUOTE, 5_000, "w-2");              // quote 395_000
        x.deposit(CAROL, QUOTE, 1_234, "d-1");             // quote 396_234
        assertRejected(x.withdraw(DAVE, QUOTE, 1_000_000_000, "w-3"), RejectReason.INSUFFICIENT_FUNDS);

        placed(x.order(ALICE).sell().limit(100).qty(10), 1);
        placed(x.order(BOB).buy().limit(101).qty(4), 2);                        // trade 1
        placed(x.order(CAROL).buy().market().qty(3), 3);                        // trade 2
        placed(x.order(DAVE).buy().limit(99).gtd(T0 + 50).qty(5), 4);
        placed(x.order(BOB).sell().limit(100).qty(2), 5);
        placed(x.order(BOB).buy().limit(100).stp(StpMode.CANCEL_BOTH).qty(6), 6);   // trade 3, then STP
        placed(x.order(ALICE).sell().stop(99).qty(2), 7);
        placed(x.order(CAROL).sell().limit(99).qty(1), 8);                      // trade 4 triggers 7: trade 5
        assertThat(x.replace(DAVE, 4, 98, 6)).hasSize(2);                      // OrderReplaced + AMEND hold
        assertThat(story(x.tick(T0 + 50))).containsExactly("cancelled 4 EXPIRED");
        x.withdraw(ALICE, QUOTE, 500, "w-4");              // quote 395_734

        assertThat(trades(x.history())).hasSize(5);
        assertThat(x.available(FEE_ACCOUNT, QUOTE)).isPositive();
        assertThat(x.totalBalance(BASE)).isEqualTo(3_900);
        assertThat(x.totalBalance(QUOTE)).isEqualTo(395_734);
        x.assertViewMatchesEvents();

        for (long account = ALICE; account <= DAVE; account++)
        {
            x.massCancel(account, 0);
        }
        assertThat(x.openOrders()).isEmpty();
        x.forEachHeldBalance((account, asset, held) -> assertThat(held)
            .as("held of account %d asset %d with no open orders", account, asset).isZero());
        assertThat(x.totalBalance(BASE)).isEqualTo(3_900);
        assertThat(x.totalBalance(QUOTE)).isEqualTo(395_734);
        x.assertViewMatchesEvents();
    }
}
