package io.bourse.engine.behaviour;

import static io.bourse.sbe.BalanceReason.ORDER_HOLD;
import static org.assertj.core.api.Assertions.assertThat;

import io.bourse.sbe.CommandType;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * Post-only orders (docs/semantics.md §6 steps 2 and 10). Config simple.
 */
class PostOnlyBehaviourTest extends BehaviourTestSupport
{
    @ContractTest
    void shouldRestPostOnlyOrdersThatDoNotCross(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        assertThat(x.order(ALICE).sell().limit(101).postOnly().qty(5).send()).containsExactly(
            new Event.Accepted(1, ALICE, SYMBOL, "", SELL, OrderType.LIMIT, TimeInForce.GTC, StpMode.CANCEL_TAKER,
                true, 101, 0, 5, 0),
            balance(ALICE, BASE, -5, 5, 995, 5, ORDER_HOLD, 1));
        assertThat(story(x.order(BOB).buy().limit(100).gtd(T0 + 1000).postOnly().qty(5).send()))
            .containsExactly("accepted 2");

        assertThat(x.bestBid()).isEqualTo(100);
        assertThat(x.bestAsk()).isEqualTo(101);
    }

    @ContractTest
    void shouldRejectPostOnlyBuyThatWouldTake(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(101).qty(5), 1);

        // bestAsk 101 <= price 101
        assertThat(x.order(BOB).buy().limit(101).postOnly().clOrdId("po").qty(5).send()).containsExactly(
            new Event.Rejected(CommandType.PLACE_ORDER, BOB, SYMBOL, 0, "po", RejectReason.POST_ONLY_WOULD_TAKE));
        assertRejected(x.order(BOB).buy().limit(102).postOnly().qty(5).send(), RejectReason.POST_ONLY_WOULD_TAKE);
        assertThat(x.available(BOB, QUOTE)).isEqualTo(QUOTE_FUNDS);
        placed(x.order(BOB).buy().limit(100).postOnly().qty(5), 2);
    }

    @ContractTest
    void shouldRejectPostOnlySellThatWouldTake(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(BOB).buy().limit(99).qty(5), 1);

        // bestBid 99 >= price
        assertRejected(x.order(CAROL).sell().limit(99).postOnly().qty(1).send(), RejectReason.POST_ONLY_WOULD_TAKE);
        assertRejected(x.order(CAROL).sell().limit(98).gtd(T0 + 10).postOnly().qty(1).send(),
            RejectReason.POST_ONLY_WOULD_TAKE);
        placed(x.order(CAROL).sell().limit(100).postOnly().qty(1), 2);
    }

    @ContractTest
    void shouldRejectPostOnlyUnlessLimitGtcOrGtd(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        assertRejected(x.order(BOB).buy().limit(99).ioc().postOnly().qty(1).send(),
            RejectReason.POST_ONLY_NOT_ALLOWED);
        assertRejected(x.order(BOB).buy().limit(99).fok().postOnly().qty(1).send(),
            RejectReason.POST_ONLY_NOT_ALLOWED);
        assertRejected(x.order(BOB).buy().market().postOnly().qty(1).send(), RejectReason.POST_ONLY_NOT_ALLOWED);
        assertRejected(x.order(BOB).buy().stop(110).postOnly().qty(1).send(), RejectReason.POST_ONLY_NOT_ALLOWED);
        assertRejected(x.order(BOB).buy().stopLimit(110, 110).postOnly().qty(1).send(),
            RejectReason.POST_ONLY_NOT_ALLOWED);
    }
}
