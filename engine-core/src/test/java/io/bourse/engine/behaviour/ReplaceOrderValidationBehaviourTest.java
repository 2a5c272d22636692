package io.bourse.engine.behaviour;

import static io.bourse.engine.behaviour.StrictBook.FROZEN;
import static io.bourse.engine.behaviour.StrictBook.POOR;
import static io.bourse.sbe.RejectReason.ABOVE_MAX_NOTIONAL;
import static io.bourse.sbe.RejectReason.ABOVE_MAX_QUANTITY;
import static io.bourse.sbe.RejectReason.ACCOUNT_FROZEN;
import static io.bourse.sbe.RejectReason.BAD_LOT;
import static io.bourse.sbe.RejectReason.BAD_TICK;
import static io.bourse.sbe.RejectReason.BELOW_MIN_QUANTITY;
import static io.bourse.sbe.RejectReason.DUPLICATE_CLIENT_ORDER_ID;
import static io.bourse.sbe.RejectReason.INSUFFICIENT_FUNDS;
import static io.bourse.sbe.RejectReason.INVALID_PRICE;
import static io.bourse.sbe.RejectReason.INVALID_QUANTITY;
import static io.bourse.sbe.RejectReason.ORDER_NOT_AMENDABLE;
import static io.bourse.sbe.RejectReason.OUTSIDE_PRICE_BAND;
import static io.bourse.sbe.RejectReason.POST_ONLY_WOULD_TAKE;
import static io.bourse.sbe.RejectReason.SYMBOL_HALTED;
import static io.bourse.sbe.RejectReason.UNKNOWN_ACCOUNT;
import static io.bourse.sbe.RejectReason.UNKNOWN_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.bourse.sbe.CommandType;
import io.bourse.sbe.RejectReason;

/**
 * Every ReplaceOrder reject reason in the spec's order of checks (docs/semantics.md §10), on {@link StrictBook}.
 * The rejection echoes accountId, orderId and the new clientOrderId; ReplaceOrder has no symbolId.
 */
class ReplaceOrderValidationBehaviourTest extends BehaviourTestSupport
{
    /** One row: an optional setup, the amend, and the reason it must be rejected with. */
    record Case(String name, Consumer<ExchangeDriver> setup,
        Function<ExchangeDriver, ExchangeDriver.ReplaceBuilder> replace, RejectReason expected)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    private static Case reject(
        final RejectReason expected, final String name,
        final Function<ExchangeDriver, ExchangeDriver.ReplaceBuilder> replace)
    {
        return new Case(expected + ": " + name, null, replace, expected);
    }

    private static Case haltedThenReject(
        final RejectReason expected, final String name,
        final Function<ExchangeDriver, ExchangeDriver.ReplaceBuilder> replace)
    {
        return new Case(expected + ": " + name, x -> x.halt(SYMBOL), replace, expected);
    }

    static final List<Case> CASES = List.of(
        reject(UNKNOWN_ACCOUNT, "before UNKNOWN_ORDER", x -> x.replace(99, 999).price(100).qty(20)),
        reject(UNKNOWN_ORDER, "another account's order, before INVALID_QUANTITY",
            x -> x.replace(BOB, 2).price(105).qty(0)),
        reject(UNKNOWN_ORDER, "no such order id", x -> x.replace(BOB, 999).price(95).qty(50)),
        reject(UNKNOWN_ORDER, "unknown original client order id", x -> x.replace(BOB, 0).origClOrdId("nope")
            .price(95).qty(50)),
        reject(UNKNOWN_ORDER, "another account's client order id", x -> x.replace(BOB, 0).origClOrdId("a-1")
            .price(105).qty(50)),
        reject(UNKNOWN_ORDER, "neither order id nor client order id", x -> x.replace(BOB, 0).price(95).qty(50)),
        reject(ORDER_NOT_AMENDABLE, "pending stop, before INVALID_QUANTITY",
            x -> x.replace(CAROL, 5).price(105).qty(0)),
        reject(ACCOUNT_FROZEN, "before INVALID_QUANTITY", x -> x.replace(FROZEN, 1).price(90).qty(0)),
        haltedThenReject(ACCOUNT_FROZEN, "before SYMBOL_HALTED", x -> x.replace(FROZEN, 1).price(90).qty(0)),
        haltedThenReject(SYMBOL_HALTED, "before INVALID_QUANTITY", x -> x.replace(ALICE, 2).price(105).qty(0)),
        reject(INVALID_QUANTITY, "0, before INVALID_PRICE", x -> x.replace(ALICE, 2).price(0).qty(0)),
        reject(INVALID_QUANTITY, "negative", x -> x.replace(ALICE, 2).price(105).qty(-10)),
        reject(BAD_LOT, "25, before INVALID_PRICE", x -> x.replace(ALICE, 2).price(0).qty(25)),
        reject(ABOVE_MAX_QUANTITY, "101 lots, before INVALID_PRICE", x -> x.replace(ALICE, 2).price(0).qty(1010)),
        reject(INVALID_PRICE, "0, before DUPLICATE_CLIENT_ORDER_ID",
            x -> x.replace(CAROL, 4).price(0).qty(20).clOrdId("c-stop")),
        reject(BAD_TICK, "91, before DUPLICATE_CLIENT_ORDER_ID",
            x -> x.replace(CAROL, 4).price(91).qty(20).clOrdId("c-stop")),
        reject(OUTSIDE_PRICE_BAND, "85, before DUPLICATE_CLIENT_ORDER_ID",
            x -> x.replace(CAROL, 4).price(85).qty(20).clOrdId("c-stop")),
        reject(DUPLICATE_CLIENT_ORDER_ID, "of own pending stop, before BELOW_MIN_QUANTITY",
            x -> x.replace(CAROL, 4).price(90).qty(10).clOrdId("c-stop")),
        reject(BELOW_MIN_QUANTITY, "1 lot with nothing filled", x -> x.replace(CAROL, 4).price(90).qty(10)),
        reject(ABOVE_MAX_NOTIONAL, "20 * 51 * 50 = 51_000, before INSUFFICIENT_FUNDS",
            x -> x.replace(POOR, 6).price(100).qty(510)),
        reject(INSUFFICIENT_FUNDS, "3 * 1053 - 1804 = 1355 > 696, before POST_ONLY_WOULD_TAKE",
            x -> x.replace(POOR, 6).price(105).qty(30)),
        reject(POST_ONLY_WOULD_TAKE, "2 * 1053 - 1804 = 302 <= 696 but 105 reaches the best ask",
            x -> x.replace(POOR, 6).price(105).qty(20)));

    static Stream<Arguments> cases()
    {
        return Implementations.all().flatMap(impl -> CASES.stream().map(c -> Arguments.of(impl, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void shouldRejectReplaceOrderWithTheFirstFailingCheck(final Implementation impl, final Case c)
    {
        final ExchangeDriver x = StrictBook.open(impl);
        if (c.setup() != null)
        {
            c.setup().accept(x);
        }
        final List<ExchangeDriver.OpenOrder> before = x.openOrders();
        final ExchangeDriver.ReplaceBuilder replace = c.replace().apply(x);

        assertThat(replace.send()).containsExactly(new Event.Rejected(
            CommandType.REPLACE_ORDER, replace.accountId(), 0, replace.orderId(), replace.clientOrderId(),
            c.expected()));

        assertThat(x.openOrders()).isEqualTo(before);
        if (c.setup() == null)
        {
            placed(StrictBook.validOrder(x), StrictBook.NEXT_ORDER_ID);
        }
    }
}
