package io.bourse.engine.behaviour;

import static io.bourse.sbe.CommandType.CANCEL_ORDER;
import static io.bourse.sbe.CommandType.CREATE_ACCOUNT;
import static io.bourse.sbe.CommandType.DEPOSIT;
import static io.bourse.sbe.CommandType.FREEZE_ACCOUNT;
import static io.bourse.sbe.CommandType.HALT_SYMBOL;
import static io.bourse.sbe.CommandType.MASS_CANCEL;
import static io.bourse.sbe.CommandType.RESUME_SYMBOL;
import static io.bourse.sbe.CommandType.UNFREEZE_ACCOUNT;
import static io.bourse.sbe.CommandType.WITHDRAW;
import static io.bourse.sbe.RejectReason.ACCOUNT_ALREADY_FROZEN;
import static io.bourse.sbe.RejectReason.ACCOUNT_EXISTS;
import static io.bourse.sbe.RejectReason.ACCOUNT_FROZEN;
import static io.bourse.sbe.RejectReason.ACCOUNT_NOT_FROZEN;
import static io.bourse.sbe.RejectReason.BALANCE_OVERFLOW;
import static io.bourse.sbe.RejectReason.DUPLICATE_EXTERNAL_REF;
import static io.bourse.sbe.RejectReason.INSUFFICIENT_FUNDS;
import static io.bourse.sbe.RejectReason.INVALID_ACCOUNT_ID;
import static io.bourse.sbe.RejectReason.INVALID_AMOUNT;
import static io.bourse.sbe.RejectReason.INVALID_FLAG;
import static io.bourse.sbe.RejectReason.MISSING_EXTERNAL_REF;
import static io.bourse.sbe.RejectReason.MISSING_REASON;
import static io.bourse.sbe.RejectReason.SYMBOL_ALREADY_HALTED;
import static io.bourse.sbe.RejectReason.SYMBOL_NOT_HALTED;
import static io.bourse.sbe.RejectReason.UNKNOWN_ACCOUNT;
import static io.bourse.sbe.RejectReason.UNKNOWN_ASSET;
import static io.bourse.sbe.RejectReason.UNKNOWN_ORDER;
import static io.bourse.sbe.RejectReason.UNKNOWN_SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reject reasons and check order of the admin commands, CancelOrder and MassCancel (docs/semantics.md §5, §9), with
 * the echoed fields of each CommandRejected (§4). Starts from the simple config with Alice..Dave funded (asset 1
 * total supply 4000), Alice's sell 10@100 resting (her base: 990 available, 10 held) and account 6 frozen.
 */
class AdminValidationBehaviourTest extends BehaviourTestSupport
{
    private static final long FROZEN = 6;
    private static final String BLANK = "      ";

    /** One row: an optional setup, the command, and the rejection it must produce. */
    record Case(String name, Consumer<ExchangeDriver> setup, Function<ExchangeDriver, List<Event>> command,
        Event.Rejected expected)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    private static Case reject(
        final String name, final Function<ExchangeDriver, List<Event>> command, final Event.Rejected expected)
    {
        return new Case(expected.command() + " " + expected.reason() + ": " + name, null, command, expected);
    }

    private static Event.Rejected rejected(
        final io.bourse.sbe.CommandType command, final long accountId, final int symbolId, final long orderId,
        final String clientOrderId, final io.bourse.sbe.RejectReason reason)
    {
        return new Event.Rejected(command, accountId, symbolId, orderId, clientOrderId, reason);
    }

    static final List<Case> CASES = List.of(
        reject("blank reason, before INVALID_ACCOUNT_ID", x -> x.createAccount(0, (short)0, BLANK),
            rejected(CREATE_ACCOUNT, 0, 0, 0, "", MISSING_REASON)),
        reject("empty reason", x -> x.createAccount(7, (short)0, ""),
            rejected(CREATE_ACCOUNT, 7, 0, 0, "", MISSING_REASON)),
        reject("id 0 (the fee account), before INVALID_FLAG", x -> x.createAccount(0, (short)2, "r"),
            rejected(CREATE_ACCOUNT, 0, 0, 0, "", INVALID_ACCOUNT_ID)),
        reject("negative id", x -> x.createAccount(-5, (short)0, "r"),
            rejected(CREATE_ACCOUNT, -5, 0, 0, "", INVALID_ACCOUNT_ID)),
        reject("flag 2, before ACCOUNT_EXISTS", x -> x.createAccount(ALICE, (short)2, "r"),
            rejected(CREATE_ACCOUNT, ALICE, 0, 0, "", INVALID_FLAG)),
        reject("existing id", x -> x.createAccount(ALICE, (short)0, "r"),
            rejected(CREATE_ACCOUNT, ALICE, 0, 0, "", ACCOUNT_EXISTS)),

        reject("blank reason, before UNKNOWN_ACCOUNT", x -> x.deposit(99, BASE, 5, "d-x", BLANK),
            rejected(DEPOSIT, 99, 0, 0, "", MISSING_REASON)),
        reject("before UNKNOWN_ASSET", x -> x.deposit(99, 9, 5, "d-x"),
            rejected(DEPOSIT, 99, 0, 0, "", UNKNOWN_ACCOUNT)),
        reject("before INVALID_AMOUNT", x -> x.deposit(ALICE, 9, 0, "d-x"),
            rejected(DEPOSIT, ALICE, 0, 0, "", UNKNOWN_ASSET)),
        reject("0, before MISSING_EXTERNAL_REF", x -> x.deposit(ALICE, BASE, 0, ""),
            rejected(DEPOSIT, ALICE, 0, 0, "", INVALID_AMOUNT)),
        reject("negative", x -> x.deposit(ALICE, BASE, -5, "d-x"),
            rejected(DEPOSIT, ALICE, 0, 0, "", INVALID_AMOUNT)),
        reject("before BALANCE_OVERFLOW", x -> x.deposit(ALICE, BASE, Long.MAX_VALUE, ""),
            rejected(DEPOSIT, ALICE, 0, 0, "", MISSING_EXTERNAL_REF)),
        reject("before BALANCE_OVERFLOW", x -> x.deposit(ALICE, BASE, Long.MAX_VALUE, "base-2"),
            rejected(DEPOSIT, ALICE, 0, 0, "", DUPLICATE_EXTERNAL_REF)),
        reject("total supply 4000 + (MAX - 3999) = MAX + 1", x -> x.deposit(ALICE, BASE, Long.MAX_VALUE - 3999, "d-x"),
            rejected(DEPOSIT, ALICE, 0, 0, "", BALANCE_OVERFLOW)),

        reject("empty reason, before UNKNOWN_ACCOUNT", x -> x.withdraw(99, BASE, 5, "w-x", ""),
            rejected(WITHDRAW, 99, 0, 0, "", MISSING_REASON)),
        reject("before UNKNOWN_ASSET", x -> x.withdraw(99, 9, 5, "w-x"),
            rejected(WITHDRAW, 99, 0, 0, "", UNKNOWN_ACCOUNT)),
        reject("before INVALID_AMOUNT", x -> x.withdraw(ALICE, 9, 0, "w-x"),
            rejected(WITHDRAW, ALICE, 0, 0, "", UNKNOWN_ASSET)),
        reject("0, before MISSING_EXTERNAL_REF", x -> x.withdraw(ALICE, BASE, 0, ""),
            rejected(WITHDRAW, ALICE, 0, 0, "", INVALID_AMOUNT)),
        reject("before ACCOUNT_FROZEN", x -> x.withdraw(FROZEN, QUOTE, 5, ""),
            rejected(WITHDRAW, FROZEN, 0, 0, "", MISSING_EXTERNAL_REF)),
        reject("before DUPLICATE_EXTERNAL_REF", x -> x.withdraw(FROZEN, QUOTE, 5, "base-1"),
            rejected(WITHDRAW, FROZEN, 0, 0, "", ACCOUNT_FROZEN)),
        reject("before INSUFFICIENT_FUNDS", x -> x.withdraw(ALICE, BASE, 1_000_000, "base-1"),
            rejected(WITHDRAW, ALICE, 0, 0, "", DUPLICATE_EXTERNAL_REF)),
        reject("held funds do not count: 991 > 990 available", x -> x.withdraw(ALICE, BASE, 991, "w-x"),
            rejected(WITHDRAW, ALICE, 0, 0, "", INSUFFICIENT_FUNDS)),

        reject("blank reason, before UNKNOWN_SYMBOL", x -> x.halt(9, BLANK),
            rejected(HALT_SYMBOL, 0, 9, 0, "", MISSING_REASON)),
        reject("unknown", x -> x.halt(9), rejected(HALT_SYMBOL, 0, 9, 0, "", UNKNOWN_SYMBOL)),
        new Case("HALT_SYMBOL SYMBOL_ALREADY_HALTED", x -> x.halt(SYMBOL), x -> x.halt(SYMBOL),
            rejected(HALT_SYMBOL, 0, SYMBOL, 0, "", SYMBOL_ALREADY_HALTED)),
        reject("empty reason, before UNKNOWN_SYMBOL", x -> x.resume(9, ""),
            rejected(RESUME_SYMBOL, 0, 9, 0, "", MISSING_REASON)),
        reject("unknown", x -> x.resume(9), rejected(RESUME_SYMBOL, 0, 9, 0, "", UNKNOWN_SYMBOL)),
        reject("trading symbol", x -> x.resume(SYMBOL), rejected(RESUME_SYMBOL, 0, SYMBOL, 0, "", SYMBOL_NOT_HALTED)),

        reject("blank reason, before UNKNOWN_ACCOUNT", x -> x.freeze(99, BLANK),
            rejected(FREEZE_ACCOUNT, 99, 0, 0, "", MISSING_REASON)),
        reject("unknown", x -> x.freeze(99), rejected(FREEZE_ACCOUNT, 99, 0, 0, "", UNKNOWN_ACCOUNT)),
        reject("frozen", x -> x.freeze(FROZEN), rejected(FREEZE_ACCOUNT, FROZEN, 0, 0, "", ACCOUNT_ALREADY_FROZEN)),
        reject("empty reason, before UNKNOWN_ACCOUNT", x -> x.unfreeze(99, ""),
            rejected(UNFREEZE_ACCOUNT, 99, 0, 0, "", MISSING_REASON)),
        reject("unknown", x -> x.unfreeze(99), rejected(UNFREEZE_ACCOUNT, 99, 0, 0, "", UNKNOWN_ACCOUNT)),
        reject("not frozen", x -> x.unfreeze(ALICE), rejected(UNFREEZE_ACCOUNT, ALICE, 0, 0, "", ACCOUNT_NOT_FROZEN)),

        reject("before UNKNOWN_ORDER", x -> x.cancel(99, 1, "x"),
            rejected(CANCEL_ORDER, 99, 0, 1, "x", UNKNOWN_ACCOUNT)),
        reject("another account's order", x -> x.cancel(BOB, 1), rejected(CANCEL_ORDER, BOB, 0, 1, "", UNKNOWN_ORDER)),
        reject("before UNKNOWN_SYMBOL", x -> x.massCancel(99, 9), rejected(MASS_CANCEL, 99, 9, 0, "", UNKNOWN_ACCOUNT)),
        reject("unknown", x -> x.massCancel(ALICE, 9), rejected(MASS_CANCEL, ALICE, 9, 0, "", UNKNOWN_SYMBOL)));

    static Stream<Arguments> cases()
    {
        return Implementations.all().flatMap(impl -> CASES.stream().map(c -> Arguments.of(impl, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void shouldRejectAdminCommandWithTheFirstFailingCheck(final Implementation impl, final Case c)
    {
        final ExchangeDriver x = simpleExchange(impl);
        x.createAccount(FROZEN);
        x.deposit(FROZEN, QUOTE, 100, "frozen-q");
        x.freeze(FROZEN);
        placed(x.order(ALICE).sell().limit(100).qty(10), 1);
        if (c.setup() != null)
        {
            c.setup().accept(x);
        }
        final List<ExchangeDriver.OpenOrder> before = x.openOrders();

        assertThat(c.command().apply(x)).containsExactly(c.expected());

        assertThat(x.openOrders()).isEqualTo(before);
        assertThat(x.totalBalance(BASE)).isEqualTo(4 * BASE_FUNDS);
        assertThat(x.totalBalance(QUOTE)).isEqualTo(4 * QUOTE_FUNDS + 100);
        assertThat(x.available(ALICE, BASE)).isEqualTo(990);
        assertThat(x.held(ALICE, BASE)).isEqualTo(10);
    }
}
