package io.bourse.engine.behaviour;

import static io.bourse.sbe.BalanceReason.ORDER_RELEASE;
import static io.bourse.sbe.CancelReason.MASS_CANCEL;
import static io.bourse.sbe.CancelReason.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.bourse.sbe.CommandType;
import io.bourse.sbe.RejectReason;

/**
 * CancelOrder and MassCancel (docs/semantics.md §9). Config simple: holdPerLot(p) = p + 1.
 */
class CancelBehaviourTest extends BehaviourTestSupport
{
    @ContractTest
    void shouldReleaseHoldWhenOrderCancelled(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().limit(100).qty(10), 1);  // 10 * 101 = 1010

        assertThat(x.cancel(BOB, 1)).containsExactly(
            cancelled(1, BOB, BUY, 10, 0, USER),
            balance(BOB, QUOTE, 1010, -1010, 100_000, 0, ORDER_RELEASE, 1));
        assertThat(x.openOrders()).isEmpty();
    }

    @ContractTest
    void shouldReleaseOnlyTheRemainingHoldOfPartiallyFilledOrder(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().limit(100).qty(10), 1);   // 98_990 / 1010
        // Bob is maker of 4: cost 400, fee ceilDiv(4000, 10000) = 1; deltaHeld -404, deltaAvailable 3 → 98_993 / 606
        placed(x.order(ALICE).sell().limit(100).qty(4), 2);

        assertThat(x.cancel(BOB, 1)).containsExactly(
            cancelled(1, BOB, BUY, 6, 4, USER),
            balance(BOB, QUOTE, 606, -606, 99_599, 0, ORDER_RELEASE, 1));
    }

    @ContractTest
    void shouldCancelByClientOrderId(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().limit(100).clOrdId("bob-1").qty(10), 1);

        assertThat(x.cancelByClientId(BOB, "bob-1")).containsExactly(
            new Event.Cancelled(1, BOB, SYMBOL, "bob-1", BUY, 10, 0, USER),
            balance(BOB, QUOTE, 1010, -1010, 100_000, 0, ORDER_RELEASE, 1));
    }

    @ContractTest
    void shouldFindOrderByIdBeforeClientOrderId(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().limit(90).clOrdId("b-A").qty(1), 1);
        placed(x.order(BOB).buy().limit(91).clOrdId("b-B").qty(1), 2);

        assertThat(cancels(x.cancel(BOB, 1, "b-B"))).extracting(Event.Cancelled::orderId).containsExactly(1L);
        assertThat(x.openOrders()).extracting(ExchangeDriver.OpenOrder::orderId).containsExactly(2L);
    }

    @ContractTest
    void shouldRejectCancelOfAnotherAccountsOrder(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).clOrdId("a-1").qty(5), 1);

        assertThat(x.cancel(BOB, 1)).containsExactly(
            new Event.Rejected(CommandType.CANCEL_ORDER, BOB, 0, 1, "", RejectReason.UNKNOWN_ORDER));
        assertThat(x.cancelByClientId(BOB, "a-1")).containsExactly(
            new Event.Rejected(CommandType.CANCEL_ORDER, BOB, 0, 0, "a-1", RejectReason.UNKNOWN_ORDER));
        assertThat(x.openOrders()).extracting(ExchangeDriver.OpenOrder::orderId).containsExactly(1L);
    }

    @ContractTest
    void shouldRejectCancelOfFinishedOrders(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(1), 1);
        placed(x.order(BOB).buy().limit(100).qty(1), 2);  // fills 1 completely
        placed(x.order(CAROL).buy().limit(90).qty(1), 3);
        x.cancel(CAROL, 3);

        assertRejected(x.cancel(ALICE, 1), RejectReason.UNKNOWN_ORDER);
        assertRejected(x.cancel(BOB, 2), RejectReason.UNKNOWN_ORDER);
        assertRejected(x.cancel(CAROL, 3), RejectReason.UNKNOWN_ORDER);
    }

    @ContractTest
    void shouldRejectCancelWithNeitherOrderIdNorClientOrderId(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().limit(90).qty(1), 1);

        assertThat(x.cancel(BOB, 0, "")).containsExactly(
            new Event.Rejected(CommandType.CANCEL_ORDER, BOB, 0, 0, "", RejectReason.UNKNOWN_ORDER));
    }

    @ContractTest
    void shouldCancelPendingStopAndReleaseItsHold(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().stop(110).qty(2), 1);  // 2 * holdPerLot(165) = 332

        assertThat(x.cancel(BOB, 1)).containsExactly(
            cancelled(1, BOB, BUY, 2, 0, USER),
            balance(BOB, QUOTE, 332, -332, 100_000, 0, ORDER_RELEASE, 1));
    }

    @ContractTest
    void shouldMassCancelAllOpenOrdersOfTheAccountInOrderIdOrder(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).qty(5), 1);  // base 995 / 5
        placed(x.order(ALICE).buy().limit(99).qty(3), 2);    // 3 * 100 = 300: quote 99_700 / 300
        placed(x.order(BOB).sell().limit(102).qty(1), 3);
        placed(x.order(ALICE).buy().stop(110).qty(2), 4);    // 2 * 166 = 332: quote 99_368 / 632

        assertThat(x.massCancel(ALICE, 0)).containsExactly(
            cancelled(1, ALICE, SELL, 5, 0, MASS_CANCEL),
            balance(ALICE, BASE, 5, -5, 1000, 0, ORDER_RELEASE, 1),
            cancelled(2, ALICE, BUY, 3, 0, MASS_CANCEL),
            balance(ALICE, QUOTE, 300, -300, 99_668, 332, ORDER_RELEASE, 2),
            cancelled(4, ALICE, BUY, 2, 0, MASS_CANCEL),
            balance(ALICE, QUOTE, 332, -332, 100_000, 0, ORDER_RELEASE, 4),
            new Event.MassCancelCompleted(ALICE, 0, 3));
        assertThat(x.openOrders()).extracting(ExchangeDriver.OpenOrder::orderId).containsExactly(3L);
    }

    @ContractTest
    void shouldCompleteMassCancelWithZeroWhenNothingIsOpen(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).qty(5), 1);

        assertThat(x.massCancel(BOB, SYMBOL)).containsExactly(new Event.MassCancelCompleted(BOB, SYMBOL, 0));
    }

    @ContractTest
    void shouldMassCancelOnlyTheGivenSymbol(final Implementation impl)
    {
        final ExchangeDriver x = funded(impl, BehaviourConfigs.twoSymbols());
        // holds 91 + 91 + 92 = 274: Alice quote 99_726 / 274
        placed(x.order(ALICE).buy().limit(90).qty(1), 1);
        placed(x.order(ALICE).symbol(BehaviourConfigs.OTHER_SYMBOL).buy().limit(90).qty(1), 2);
        placed(x.order(ALICE).buy().limit(91).qty(1), 3);

        assertThat(x.massCancel(ALICE, SYMBOL)).containsExactly(
            cancelled(1, ALICE, BUY, 1, 0, MASS_CANCEL),
            balance(ALICE, QUOTE, 91, -91, 99_817, 183, ORDER_RELEASE, 1),
            cancelled(3, ALICE, BUY, 1, 0, MASS_CANCEL),
            balance(ALICE, QUOTE, 92, -92, 99_909, 91, ORDER_RELEASE, 3),
            new Event.MassCancelCompleted(ALICE, SYMBOL, 2));
        assertThat(x.openOrders()).extracting(ExchangeDriver.OpenOrder::orderId).containsExactly(2L);
    }
}
