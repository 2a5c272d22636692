package io.bourse.engine.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The book the validation tables start from, on {@link BehaviourConfigs#strict()} (tick 5, lot 10, min 2 lots,
 * max 100 lots, max notional 50_000, band [90, 110] around last 100). After {@link #open}, the next order id is 7:
 * <pre>
 * 1 FROZEN  buy  20 @ 90   "f-1"    (then the account is frozen)
 * 2 ALICE   sell 50 @ 105  "a-1"
 * 3 BOB     buy  50 @ 95   "b-1"
 * 4 CAROL   buy  20 @ 90   "c-1"
 * 5 CAROL   STOP buy 20, stop 105  "c-stop"  (pending)
 * 6 POOR    buy  20 @ 90   "p-1" post-only: holds 2 * holdPerLot(18) = 2 * 902 = 1804 of its 2500 → 696 available
 * </pre>
 * POOR also holds 19 base (less than 2 lots).
 */
final class StrictBook
{
    static final long POOR = 5;
    static final long FROZEN = 6;
    static final long NEXT_ORDER_ID = 7;

    private StrictBook()
    {
    }

    static ExchangeDriver open(final Implementation impl)
    {
        final ExchangeDriver x = BehaviourTestSupport.funded(impl, BehaviourConfigs.strict());
        x.createAccount(FROZEN);
        x.deposit(FROZEN, ExchangeDriver.QUOTE, 100_000, "frozen-q");
        BehaviourTestSupport.placed(x.order(FROZEN).buy().limit(90).qty(20).clOrdId("f-1"), 1);
        assertThat(x.freeze(FROZEN)).containsExactly(new Event.AccountFrozen(FROZEN));
        BehaviourTestSupport.placed(x.order(BehaviourTestSupport.ALICE).sell().limit(105).qty(50).clOrdId("a-1"), 2);
        BehaviourTestSupport.placed(x.order(BehaviourTestSupport.BOB).buy().limit(95).qty(50).clOrdId("b-1"), 3);
        BehaviourTestSupport.placed(x.order(BehaviourTestSupport.CAROL).buy().limit(90).qty(20).clOrdId("c-1"), 4);
        BehaviourTestSupport.placed(x.order(BehaviourTestSupport.CAROL).buy().stop(105).qty(20).clOrdId("c-stop"), 5);
        x.createAccount(POOR);
        x.deposit(POOR, ExchangeDriver.QUOTE, 2_500, "poor-q");
        x.deposit(POOR, ExchangeDriver.BASE, 19, "poor-b");
        BehaviourTestSupport.placed(x.order(POOR).buy().limit(90).qty(20).postOnly().clOrdId("p-1"), 6);
        assertThat(x.available(POOR, ExchangeDriver.QUOTE)).isEqualTo(696);
        return x;
    }

    /** A valid order on this book: Carol buys 2 lots at 20 ticks, below the best ask, holding 2 * 1002. */
    static ExchangeDriver.OrderBuilder validOrder(final ExchangeDriver x)
    {
        return x.order(BehaviourTestSupport.CAROL).buy().limit(100).qty(20);
    }
}
