package io.bourse.engine.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.bourse.sbe.CommandType;
import io.bourse.sbe.RejectReason;

/**
 * Client order ids are unique among an account's open orders only (docs/semantics.md §6 step 7). Config simple.
 */
class ClientOrderIdBehaviourTest extends BehaviourTestSupport
{
    @ContractTest
    void shouldRejectClientOrderIdOfAnOpenOrderOfTheSameAccount(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).clOrdId("x").qty(5), 1);

        assertThat(x.order(ALICE).buy().limit(99).clOrdId("x").qty(1).send()).containsExactly(
            new Event.Rejected(CommandType.PLACE_ORDER, ALICE, SYMBOL, 0, "x", RejectReason.DUPLICATE_CLIENT_ORDER_ID));
        // another account may use it
        placed(x.order(BOB).buy().limit(99).clOrdId("x").qty(1), 2);
        // an empty id is never a duplicate
        placed(x.order(ALICE).buy().limit(99).qty(1), 3);
        placed(x.order(ALICE).buy().limit(98).qty(1), 4);
    }

    @ContractTest
    void shouldRejectClientOrderIdOfAPendingStop(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).buy().stop(110).clOrdId("s").qty(1), 1);

        assertRejected(x.order(ALICE).buy().limit(99).clOrdId("s").qty(1).send(),
            RejectReason.DUPLICATE_CLIENT_ORDER_ID);
    }

    @ContractTest
    void shouldAllowReuseOfClientOrderIdOnceTheOrderIsFilled(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).clOrdId("x").qty(1), 1);
        placed(x.order(BOB).buy().limit(100).qty(1), 2);

        placed(x.order(ALICE).sell().limit(100).clOrdId("x").qty(1), 3);
    }

    @ContractTest
    void shouldAllowReuseOfClientOrderIdOnceTheOrderIsCancelled(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).clOrdId("x").qty(1), 1);
        x.cancel(ALICE, 1);

        placed(x.order(ALICE).sell().limit(100).clOrdId("x").qty(1), 2);
    }

    @ContractTest
    void shouldAllowReuseOfClientOrderIdOnceTheOrderExpiredOrWasAnIocRemainder(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).gtd(T0 + 10).clOrdId("g").qty(1), 1);
        assertThat(story(x.order(ALICE).buy().limit(90).ioc().clOrdId("i").qty(1).send()))
            .containsExactly("accepted 2", "cancelled 2 IOC_REMAINDER");

        x.at(T0 + 10);
        placed(x.order(ALICE).sell().limit(100).clOrdId("g").qty(1), 3);
        placed(x.order(ALICE).buy().limit(90).clOrdId("i").qty(1), 4);
    }

    @ContractTest
    void shouldUseAll32BytesOfTheClientOrderId(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        final String id = "0123456789abcdef0123456789abcdef";
        final String differsInLastByte = "0123456789abcdef0123456789abcdeX";
        placed(x.order(ALICE).sell().limit(101).clOrdId(id).qty(1), 1);

        placed(x.order(ALICE).sell().limit(101).clOrdId(differsInLastByte).qty(1), 2);
        assertRejected(x.order(ALICE).sell().limit(101).clOrdId(id).qty(1).send(),
            RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(cancels(x.cancelByClientId(ALICE, id)))
            .extracting(Event.Cancelled::orderId, Event.Cancelled::clientOrderId)
            .containsExactly(org.assertj.core.api.Assertions.tuple(1L, id));
    }
}
