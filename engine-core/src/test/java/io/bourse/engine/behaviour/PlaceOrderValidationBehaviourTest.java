package io.bourse.engine.behaviour;

import static io.bourse.engine.behaviour.BehaviourTestSupport.ALICE;
import static io.bourse.engine.behaviour.BehaviourTestSupport.CAROL;
import static io.bourse.engine.behaviour.StrictBook.FROZEN;
import static io.bourse.engine.behaviour.StrictBook.POOR;
import static io.bourse.engine.behaviour.StrictBook.validOrder;
import static io.bourse.sbe.RejectReason.ABOVE_MAX_NOTIONAL;
import static io.bourse.sbe.RejectReason.ABOVE_MAX_QUANTITY;
import static io.bourse.sbe.RejectReason.ACCOUNT_FROZEN;
import static io.bourse.sbe.RejectReason.BAD_LOT;
import static io.bourse.sbe.RejectReason.BAD_TICK;
import static io.bourse.sbe.RejectReason.BELOW_MIN_QUANTITY;
import static io.bourse.sbe.RejectReason.DUPLICATE_CLIENT_ORDER_ID;
import static io.bourse.sbe.RejectReason.FOK_NOT_FILLABLE;
import static io.bourse.sbe.RejectReason.INSUFFICIENT_FUNDS;
import static io.bourse.sbe.RejectReason.INVALID_EXPIRE_TIME;
import static io.bourse.sbe.RejectReason.INVALID_FLAG;
import static io.bourse.sbe.RejectReason.INVALID_ORDER_TYPE;
import static io.bourse.sbe.RejectReason.INVALID_PRICE;
import static io.bourse.sbe.RejectReason.INVALID_QUANTITY;
import static io.bourse.sbe.RejectReason.INVALID_SIDE;
import static io.bourse.sbe.RejectReason.INVALID_STOP_PRICE;
import static io.bourse.sbe.RejectReason.INVALID_STP_MODE;
import static io.bourse.sbe.RejectReason.INVALID_TIME_IN_FORCE;
import static io.bourse.sbe.RejectReason.OUTSIDE_PRICE_BAND;
import static io.bourse.sbe.RejectReason.POST_ONLY_NOT_ALLOWED;
import static io.bourse.sbe.RejectReason.POST_ONLY_WOULD_TAKE;
import static io.bourse.sbe.RejectReason.SELF_TRADE_NOT_ALLOWED;
import static io.bourse.sbe.RejectReason.STOP_PRICE_ALREADY_REACHED;
import static io.bourse.sbe.RejectReason.SYMBOL_HALTED;
import static io.bourse.sbe.RejectReason.UNKNOWN_ACCOUNT;
import static io.bourse.sbe.RejectReason.UNKNOWN_SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.StpMode;

/**
 * Every PlaceOrder reject reason, each case failing the named check and a later one, so that only the spec's order
 * of checks gives the expected reason (docs/semantics.md §6). On {@link StrictBook}: ticks of 5, lots of 10,
 * band [90, 110], last 100; the best bid is 95, the best ask 105.
 */
class PlaceOrderValidationBehaviourTest extends BehaviourTestSupport
{
    private static final long LATER = 1_000;

    /** One row: an optional setup, the order, and the reason it must be rejected with. */
    record Case(
        String name,
        Consumer<ExchangeDriver> setup,
        Function<ExchangeDriver, ExchangeDriver.OrderBuilder> order,
        RejectReason expected)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    private static Case reject(
        final RejectReason expected,
        final String name,
        final Function<ExchangeDriver, ExchangeDriver.OrderBuilder> order)
    {
        return new Case(expected + ": " + name, null, order, expected);
    }

    private static Case haltedThenReject(
        final RejectReason expected,
        final String name,
        final Function<ExchangeDriver, ExchangeDriver.OrderBuilder> order)
    {
        return new Case(expected + ": " + name, x -> x.halt(SYMBOL), order, expected);
    }

    static final List<Case> CASES = List.of(
        // 1. account and symbol
        reject(UNKNOWN_ACCOUNT, "before UNKNOWN_SYMBOL", x -> x.order(99).symbol(7).buy().limit(100).qty(20)),
        reject(UNKNOWN_SYMBOL, "before ACCOUNT_FROZEN", x -> x.order(FROZEN).symbol(7).buy().limit(100).qty(20)),
        reject(ACCOUNT_FROZEN, "before INVALID_SIDE", x -> x.order(FROZEN).sideRaw((short)0).limit(100).qty(20)),
        haltedThenReject(ACCOUNT_FROZEN, "before SYMBOL_HALTED", x -> x.order(FROZEN).buy().limit(100).qty(20)),
        haltedThenReject(SYMBOL_HALTED, "before INVALID_SIDE", x -> validOrder(x).sideRaw((short)0)),
        // 2. enums and flags
        reject(INVALID_SIDE, "0, before INVALID_ORDER_TYPE", x -> validOrder(x).sideRaw((short)0).typeRaw((short)0)),
        reject(INVALID_SIDE, "3", x -> validOrder(x).sideRaw((short)3)),
        reject(INVALID_ORDER_TYPE, "5, before INVALID_TIME_IN_FORCE",
            x -> validOrder(x).typeRaw((short)5).tifRaw((short)0)),
        reject(INVALID_ORDER_TYPE, "0", x -> validOrder(x).typeRaw((short)0)),
        reject(INVALID_TIME_IN_FORCE, "unknown 5, before INVALID_STP_MODE",
            x -> validOrder(x).tifRaw((short)5).stpRaw((short)4)),
        reject(INVALID_TIME_IN_FORCE, "MARKET GTC, before INVALID_STP_MODE",
            x -> x.order(CAROL).buy().market().gtc().qty(20).stpRaw((short)4)),
        reject(INVALID_TIME_IN_FORCE, "MARKET GTD", x -> x.order(CAROL).buy().market().gtd(x.now() + LATER).qty(20)),
        reject(INVALID_TIME_IN_FORCE, "STOP IOC, before INVALID_STP_MODE",
            x -> x.order(CAROL).buy().stop(105).ioc().qty(20).stpRaw((short)4)),
        reject(INVALID_TIME_IN_FORCE, "STOP FOK", x -> x.order(CAROL).buy().stop(105).fok().qty(20)),
        reject(INVALID_TIME_IN_FORCE, "STOP_LIMIT FOK", x -> x.order(CAROL).buy().stopLimit(105, 105).fok().qty(20)),
        reject(INVALID_STP_MODE, "4, before INVALID_FLAG", x -> validOrder(x).stpRaw((short)4).postOnlyRaw((short)2)),
        reject(INVALID_FLAG, "postOnly 2, before SELF_TRADE_NOT_ALLOWED",
            x -> validOrder(x).postOnlyRaw((short)2).stp(StpMode.NONE)),
        reject(POST_ONLY_NOT_ALLOWED, "LIMIT IOC, before SELF_TRADE_NOT_ALLOWED",
            x -> validOrder(x).ioc().postOnly().stp(StpMode.NONE)),
        reject(POST_ONLY_NOT_ALLOWED, "MARKET", x -> x.order(CAROL).buy().market().postOnly().qty(20)),
        reject(POST_ONLY_NOT_ALLOWED, "STOP_LIMIT GTC", x -> x.order(CAROL).buy().stopLimit(105, 105).postOnly()
            .qty(20)),
        reject(SELF_TRADE_NOT_ALLOWED, "STP NONE without allowSelfTrade, before INVALID_EXPIRE_TIME",
            x -> validOrder(x).stp(StpMode.NONE).gtd(x.now())),
        // 3. expiry
        reject(INVALID_EXPIRE_TIME, "GTD at now, before INVALID_QUANTITY", x -> validOrder(x).gtd(x.now()).qty(0)),
        reject(INVALID_EXPIRE_TIME, "GTD in the past", x -> validOrder(x).gtd(x.now() - 1)),
        reject(INVALID_EXPIRE_TIME, "GTC with an expire time", x -> validOrder(x).expire(x.now() + LATER).qty(0)),
        reject(INVALID_EXPIRE_TIME, "MARKET IOC with an expire time",
            x -> x.order(CAROL).buy().market().expire(x.now() + LATER).qty(20)),
        // 4. quantity
        reject(INVALID_QUANTITY, "0, before INVALID_PRICE", x -> validOrder(x).qty(0).price(0)),
        reject(INVALID_QUANTITY, "negative", x -> validOrder(x).qty(-20)),
        reject(BAD_LOT, "5 (0 lots), before BELOW_MIN_QUANTITY", x -> validOrder(x).qty(5)),
        reject(BAD_LOT, "25, before INVALID_PRICE", x -> validOrder(x).qty(25).price(0)),
        reject(BELOW_MIN_QUANTITY, "1 lot, before BAD_TICK", x -> validOrder(x).qty(10).price(101)),
        reject(ABOVE_MAX_QUANTITY, "101 lots, before INVALID_PRICE", x -> validOrder(x).qty(1010).price(0)),
        // 5. limit price
        reject(INVALID_PRICE, "0, before INVALID_STOP_PRICE", x -> validOrder(x).price(0).stopPrice(105)),
        reject(INVALID_PRICE, "negative", x -> validOrder(x).price(-100)),
        reject(BAD_TICK, "1001, before OUTSIDE_PRICE_BAND", x -> validOrder(x).price(1001)),
        reject(OUTSIDE_PRICE_BAND, "115 above bandHigh 110, before INVALID_STOP_PRICE",
            x -> validOrder(x).price(115).stopPrice(105)),
        reject(OUTSIDE_PRICE_BAND, "85 below bandLow 90", x -> validOrder(x).price(85)),
        reject(INVALID_PRICE, "MARKET with a price, before INVALID_STOP_PRICE",
            x -> x.order(CAROL).buy().market().price(100).stopPrice(105).qty(20)),
        reject(INVALID_PRICE, "STOP with a price", x -> x.order(CAROL).buy().stop(105).price(105).qty(20)),
        reject(INVALID_PRICE, "STOP_LIMIT 0, before INVALID_STOP_PRICE",
            x -> x.order(CAROL).buy().stopLimit(0, 0).qty(20)),
        reject(BAD_TICK, "STOP_LIMIT limit 103, before INVALID_STOP_PRICE",
            x -> x.order(CAROL).buy().stopLimit(0, 103).qty(20)),
        reject(OUTSIDE_PRICE_BAND, "STOP_LIMIT limit 115", x -> x.order(CAROL).buy().stopLimit(105, 115).qty(20)),
        // 6. stop price
        reject(INVALID_STOP_PRICE, "STOP 0, before DUPLICATE_CLIENT_ORDER_ID",
            x -> x.order(CAROL).buy().stop(0).qty(20).clOrdId("c-1")),
        reject(INVALID_STOP_PRICE, "STOP_LIMIT negative", x -> x.order(CAROL).buy().stopLimit(-5, 100).qty(20)),
        reject(BAD_TICK, "stop 1001, before OUTSIDE_PRICE_BAND", x -> x.order(CAROL).buy().stop(1001).qty(20)),
        reject(OUTSIDE_PRICE_BAND, "sell stop 115, before STOP_PRICE_ALREADY_REACHED",
            x -> x.order(ALICE).sell().stop(115).qty(20)),
        reject(STOP_PRICE_ALREADY_REACHED, "buy stop = last, before DUPLICATE_CLIENT_ORDER_ID",
            x -> x.order(CAROL).buy().stop(100).qty(20).clOrdId("c-1")),
        reject(STOP_PRICE_ALREADY_REACHED, "buy stop below last", x -> x.order(CAROL).buy().stop(95).qty(20)),
        reject(STOP_PRICE_ALREADY_REACHED, "sell stop = last", x -> x.order(ALICE).sell().stop(100).qty(20)),
        reject(STOP_PRICE_ALREADY_REACHED, "sell stop above last", x -> x.order(ALICE).sell().stop(105).qty(20)),
        reject(INVALID_STOP_PRICE, "LIMIT with a stop, before DUPLICATE_CLIENT_ORDER_ID",
            x -> validOrder(x).stopPrice(105).clOrdId("c-1")),
        reject(INVALID_STOP_PRICE, "MARKET with a stop", x -> x.order(CAROL).buy().market().stopPrice(105).qty(20)),
        // 7. client order id
        reject(DUPLICATE_CLIENT_ORDER_ID, "of a resting order, before ABOVE_MAX_NOTIONAL",
            x -> validOrder(x).clOrdId("c-1").qty(510)),
        reject(DUPLICATE_CLIENT_ORDER_ID, "of a pending stop", x -> validOrder(x).clOrdId("c-stop")),
        // 8. notional = holdPrice * qtyLots * 50 > 50_000
        reject(ABOVE_MAX_NOTIONAL, "LIMIT 20 * 51 * 50 = 51_000, before INSUFFICIENT_FUNDS",
            x -> x.order(POOR).buy().limit(100).qty(510)),
        reject(ABOVE_MAX_NOTIONAL, "LIMIT sell 22 * 46 * 50 = 50_600", x -> x.order(ALICE).sell().limit(110).qty(460)),
        reject(ABOVE_MAX_NOTIONAL, "MARKET buy at bandHigh: 22 * 46 * 50 = 50_600",
            x -> x.order(CAROL).buy().market().qty(460)),
        reject(ABOVE_MAX_NOTIONAL, "MARKET sell at bandLow: 18 * 56 * 50 = 50_400",
            x -> x.order(ALICE).sell().market().qty(560)),
        reject(ABOVE_MAX_NOTIONAL, "STOP buy at floor(21 * 1.1) = 23: 23 * 44 * 50 = 50_600",
            x -> x.order(CAROL).buy().stop(105).qty(440)),
        reject(ABOVE_MAX_NOTIONAL, "STOP sell at ceil(19 * 0.9) = 18: 18 * 56 * 50 = 50_400",
            x -> x.order(ALICE).sell().stop(95).qty(560)),
        reject(ABOVE_MAX_NOTIONAL, "STOP_LIMIT at its limit: 22 * 46 * 50 = 50_600",
            x -> x.order(CAROL).buy().stopLimit(105, 110).qty(460)),
        // 9. funds (POOR: 696 quote, 19 base available)
        reject(INSUFFICIENT_FUNDS, "2 * holdPerLot(21) = 2106 > 696, before POST_ONLY_WOULD_TAKE",
            x -> x.order(POOR).buy().limit(105).postOnly().qty(20)),
        reject(INSUFFICIENT_FUNDS, "sell 20 base > 19", x -> x.order(POOR).sell().limit(110).qty(20)),
        reject(INSUFFICIENT_FUNDS, "MARKET buy 2 * holdPerLot(22) = 2206", x -> x.order(POOR).buy().market().qty(20)),
        reject(INSUFFICIENT_FUNDS, "STOP buy 2 * holdPerLot(23) = 2306", x -> x.order(POOR).buy().stop(105).qty(20)),
        reject(INSUFFICIENT_FUNDS, "before FOK_NOT_FILLABLE", x -> x.order(POOR).buy().limit(105).fok().qty(60)),
        // 10. post-only
        reject(POST_ONLY_WOULD_TAKE, "buy at the best ask", x -> x.order(CAROL).buy().limit(105).postOnly().qty(20)),
        reject(POST_ONLY_WOULD_TAKE, "GTD sell at the best bid",
            x -> x.order(ALICE).sell().limit(95).gtd(x.now() + LATER).postOnly().qty(20)),
        // 11. FOK
        reject(FOK_NOT_FILLABLE, "6 lots against 5", x -> x.order(CAROL).buy().limit(105).fok().qty(60)),
        reject(FOK_NOT_FILLABLE, "own ask stops the walk", x -> x.order(ALICE).buy().limit(105).fok().qty(20)),
        reject(FOK_NOT_FILLABLE, "sell 6 lots against 5", x -> x.order(ALICE).sell().limit(95).fok().qty(60)));

    static Stream<Arguments> cases()
    {
        return Implementations.all().flatMap(impl -> CASES.stream().map(c -> Arguments.of(impl, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void shouldRejectPlaceOrderWithTheFirstFailingCheck(final Implementation impl, final Case c)
    {
        final ExchangeDriver x = StrictBook.open(impl);
        if (c.setup() != null)
        {
            c.setup().accept(x);
        }
        final List<ExchangeDriver.OpenOrder> before = x.openOrders();
        final ExchangeDriver.OrderBuilder order = c.order().apply(x);

        assertThat(order.send()).containsExactly(new Event.Rejected(
            CommandType.PLACE_ORDER, order.accountId(), order.symbolId(), 0, order.clientOrderId(), c.expected()));

        assertThat(x.openOrders()).isEqualTo(before);
        if (c.setup() == null)
        {
            // a rejected order takes no id and changes nothing
            placed(validOrder(x), StrictBook.NEXT_ORDER_ID);
        }
    }

    @ContractTest
    void shouldAcceptLimitPricesOnBothBandEdges(final Implementation impl)
    {
        final ExchangeDriver x = funded(impl, BehaviourConfigs.strict());

        placed(x.order(CAROL).buy().limit(110).qty(20), 1);
        placed(x.order(CAROL).buy().limit(90).qty(20), 2);
    }

    @ContractTest
    void shouldAcceptOrderAtExactlyMaxNotional(final Implementation impl)
    {
        final ExchangeDriver x = funded(impl, BehaviourConfigs.strict());

        // 20 * 50 * 50 = 50_000
        placed(x.order(CAROL).buy().limit(100).qty(500), 1);
    }

    @ContractTest
    void shouldAcceptMarketOrdersWhoseNotionalFitsAtTheirBandPrice(final Implementation impl)
    {
        final ExchangeDriver x = funded(impl, BehaviourConfigs.strict());

        // sell at bandLow 18: 18 * 55 * 50 = 49_500 (at last 20 it would be 55_000)
        assertThat(story(x.order(ALICE).sell().market().qty(550).send()))
            .containsExactly("accepted 1", "cancelled 1 NO_LIQUIDITY");
        // buy at bandHigh 22: 22 * 45 * 50 = 49_500
        assertThat(story(x.order(CAROL).buy().market().qty(450).send()))
            .containsExactly("accepted 2", "cancelled 2 NO_LIQUIDITY");
    }

    @ContractTest
    void shouldAcceptBuyHoldingExactlyTheAvailableFunds(final Implementation impl)
    {
        final long exact = 7;
        final long oneShort = 8;
        final ExchangeDriver x = funded(impl, BehaviourConfigs.strict());
        x.createAccount(exact);
        x.createAccount(oneShort);
        x.deposit(exact, QUOTE, 2004, "exact");
        x.deposit(oneShort, QUOTE, 2003, "short");

        // 2 * holdPerLot(20) = 2 * (1000 + ceilDiv(1000 * 20, 10000)) = 2 * 1002 = 2004
        assertThat(Event.only(x.order(exact).buy().limit(100).qty(20).send(), Event.Balance.class)).containsExactly(
            balance(exact, QUOTE, -2004, 2004, 0, 2004, BalanceReason.ORDER_HOLD, 1));
        assertRejected(x.order(oneShort).buy().limit(100).qty(20).send(), INSUFFICIENT_FUNDS);
    }
}
