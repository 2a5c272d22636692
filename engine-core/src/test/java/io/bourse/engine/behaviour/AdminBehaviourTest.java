package io.bourse.engine.behaviour;

import static io.bourse.sbe.BalanceReason.DEPOSIT;
import static io.bourse.sbe.BalanceReason.ORDER_RELEASE;
import static io.bourse.sbe.BalanceReason.WITHDRAWAL;
import static io.bourse.sbe.CancelReason.EXPIRED;
import static io.bourse.sbe.CancelReason.MASS_CANCEL;
import static io.bourse.sbe.CancelReason.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.bourse.sbe.CommandType;
import io.bourse.sbe.RejectReason;

/**
 * Accounts, deposits and withdrawals, halt and freeze (docs/semantics.md §3, §5, §9). Config simple.
 */
class AdminBehaviourTest extends BehaviourTestSupport
{
    @ContractTest
    void shouldCreateAccountsWithTheirSelfTradeFlag(final Implementation impl)
    {
        final ExchangeDriver x = impl.driver(BehaviourConfigs.simple());

        assertThat(x.createAccount(7)).containsExactly(new Event.AccountCreated(7, false));
        assertThat(x.createAccount(8, true)).containsExactly(new Event.AccountCreated(8, true));
        assertThat(x.createAccount(Long.MAX_VALUE)).containsExactly(new Event.AccountCreated(Long.MAX_VALUE, false));
        assertRejected(x.createAccount(7), RejectReason.ACCOUNT_EXISTS);
    }

    @ContractTest
    void shouldDepositAndWithdrawAvailableFunds(final Implementation impl)
    {
        final ExchangeDriver x = impl.driver(BehaviourConfigs.simple());
        x.createAccount(ALICE);

        assertThat(x.deposit(ALICE, QUOTE, 500, "dep-1"))
            .containsExactly(balance(ALICE, QUOTE, 500, 0, 500, 0, DEPOSIT, 0));
        assertThat(x.withdraw(ALICE, QUOTE, 500, "wd-1"))
            .containsExactly(balance(ALICE, QUOTE, -500, 0, 0, 0, WITHDRAWAL, 0));
        assertRejected(x.withdraw(ALICE, QUOTE, 1, "wd-2"), RejectReason.INSUFFICIENT_FUNDS);
    }

    @ContractTest
    void shouldMakeDepositsAndWithdrawalsIdempotentByExternalRefInOneNamespace(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        assertThat(x.deposit(ALICE, QUOTE, 50, "dep-1"))
            .containsExactly(balance(ALICE, QUOTE, 50, 0, 100_050, 0, DEPOSIT, 0));
        // the same ref again, whatever the account, asset or amount
        assertRejected(x.deposit(ALICE, QUOTE, 50, "dep-1"), RejectReason.DUPLICATE_EXTERNAL_REF);
        assertRejected(x.deposit(BOB, BASE, 7, "dep-1"), RejectReason.DUPLICATE_EXTERNAL_REF);
        // deposits and withdrawals share the namespace
        assertRejected(x.withdraw(ALICE, QUOTE, 50, "dep-1"), RejectReason.DUPLICATE_EXTERNAL_REF);
        assertThat(x.withdraw(ALICE, QUOTE, 10, "wd-1"))
            .containsExactly(balance(ALICE, QUOTE, -10, 0, 100_040, 0, WITHDRAWAL, 0));
        assertRejected(x.deposit(ALICE, QUOTE, 10, "wd-1"), RejectReason.DUPLICATE_EXTERNAL_REF);

        assertThat(x.available(ALICE, QUOTE)).isEqualTo(100_040);
        assertThat(x.available(BOB, BASE)).isEqualTo(BASE_FUNDS);
    }

    @ContractTest
    void shouldNotConsumeTheExternalRefOfARejectedCommand(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        assertRejected(x.withdraw(ALICE, QUOTE, 1_000_000, "ref-1"), RejectReason.INSUFFICIENT_FUNDS);
        assertThat(x.deposit(ALICE, QUOTE, 5, "ref-1"))
            .containsExactly(balance(ALICE, QUOTE, 5, 0, 100_005, 0, DEPOSIT, 0));

        assertRejected(x.deposit(ALICE, 9, 5, "ref-2"), RejectReason.UNKNOWN_ASSET);
        assertThat(x.withdraw(ALICE, QUOTE, 5, "ref-2"))
            .containsExactly(balance(ALICE, QUOTE, -5, 0, 100_000, 0, WITHDRAWAL, 0));
    }

    @ContractTest
    void shouldRejectDepositThatWouldMakeTotalSupplyOverflow(final Implementation impl)
    {
        final ExchangeDriver x = impl.driver(BehaviourConfigs.simple());
        x.createAccount(ALICE);
        x.createAccount(BOB);

        assertThat(x.deposit(ALICE, QUOTE, Long.MAX_VALUE - 1, "big"))
            .containsExactly(balance(ALICE, QUOTE, Long.MAX_VALUE - 1, 0, Long.MAX_VALUE - 1, 0, DEPOSIT, 0));
        // total supply, not the account's balance, is what may not exceed Long.MAX_VALUE
        assertRejected(x.deposit(BOB, QUOTE, 2, "two"), RejectReason.BALANCE_OVERFLOW);
        assertThat(x.deposit(BOB, QUOTE, 1, "two"))
            .containsExactly(balance(BOB, QUOTE, 1, 0, 1, 0, DEPOSIT, 0));
        assertRejected(x.deposit(ALICE, QUOTE, 1, "three"), RejectReason.BALANCE_OVERFLOW);
        // a withdrawal lowers the total supply again
        x.withdraw(BOB, QUOTE, 1, "out");
        assertThat(x.deposit(ALICE, QUOTE, 1, "three"))
            .containsExactly(balance(ALICE, QUOTE, 1, 0, Long.MAX_VALUE, 0, DEPOSIT, 0));
        // other assets have their own total supply
        assertThat(x.deposit(ALICE, BASE, 1, "four")).containsExactly(balance(ALICE, BASE, 1, 0, 1, 0, DEPOSIT, 0));
    }

    @ContractTest
    void shouldRejectOrdersButAcceptCancelsWhileSymbolHalted(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(5), 1);  // Alice base 995 / 5
        placed(x.order(ALICE).sell().limit(101).qty(5), 2);  // 990 / 10
        placed(x.order(CAROL).buy().limit(90).gtd(T0 + 100).qty(1), 3);  // holds holdPerLot(90) = 91

        assertThat(x.halt(SYMBOL)).containsExactly(new Event.SymbolHalted(SYMBOL));
        assertThat(x.order(BOB).buy().limit(100).qty(1).send()).containsExactly(
            new Event.Rejected(CommandType.PLACE_ORDER, BOB, SYMBOL, 0, "", RejectReason.SYMBOL_HALTED));
        assertThat(x.replace(ALICE, 2, 101, 4)).containsExactly(
            new Event.Rejected(CommandType.REPLACE_ORDER, ALICE, 0, 2, "", RejectReason.SYMBOL_HALTED));
        assertThat(x.cancel(ALICE, 1)).containsExactly(
            cancelled(1, ALICE, SELL, 5, 0, USER),
            balance(ALICE, BASE, 5, -5, 995, 5, ORDER_RELEASE, 1));
        // time still passes in a halted symbol
        assertThat(x.tick(T0 + 100)).containsExactly(
            cancelled(3, CAROL, BUY, 1, 0, EXPIRED),
            balance(CAROL, QUOTE, 91, -91, 100_000, 0, ORDER_RELEASE, 3));
        assertThat(x.massCancel(ALICE, SYMBOL)).containsExactly(
            cancelled(2, ALICE, SELL, 5, 0, MASS_CANCEL),
            balance(ALICE, BASE, 5, -5, 1000, 0, ORDER_RELEASE, 2),
            new Event.MassCancelCompleted(ALICE, SYMBOL, 1));

        assertThat(x.resume(SYMBOL)).containsExactly(new Event.SymbolResumed(SYMBOL));
        placed(x.order(BOB).buy().limit(100).qty(1), 4);
    }

    @ContractTest
    void shouldRejectOrdersAndWithdrawalsButAcceptCancelsAndDepositsWhileAccountFrozen(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(5), 1);  // Alice base 995 / 5
        placed(x.order(ALICE).sell().limit(101).qty(2), 2);  // 993 / 7

        assertThat(x.freeze(ALICE)).containsExactly(new Event.AccountFrozen(ALICE));
        assertThat(x.order(ALICE).buy().limit(90).qty(1).send()).containsExactly(
            new Event.Rejected(CommandType.PLACE_ORDER, ALICE, SYMBOL, 0, "", RejectReason.ACCOUNT_FROZEN));
        assertThat(x.withdraw(ALICE, QUOTE, 10, "wd-frozen")).containsExactly(
            new Event.Rejected(CommandType.WITHDRAW, ALICE, 0, 0, "", RejectReason.ACCOUNT_FROZEN));
        assertThat(x.replace(ALICE, 1, 100, 4)).containsExactly(
            new Event.Rejected(CommandType.REPLACE_ORDER, ALICE, 0, 1, "", RejectReason.ACCOUNT_FROZEN));
        assertThat(x.deposit(ALICE, QUOTE, 10, "dep-frozen"))
            .containsExactly(balance(ALICE, QUOTE, 10, 0, 100_010, 0, DEPOSIT, 0));
        assertThat(x.cancel(ALICE, 1)).containsExactly(
            cancelled(1, ALICE, SELL, 5, 0, USER),
            balance(ALICE, BASE, 5, -5, 998, 2, ORDER_RELEASE, 1));
        assertThat(x.massCancel(ALICE, 0)).containsExactly(
            cancelled(2, ALICE, SELL, 2, 0, MASS_CANCEL),
            balance(ALICE, BASE, 2, -2, 1000, 0, ORDER_RELEASE, 2),
            new Event.MassCancelCompleted(ALICE, 0, 1));

        assertThat(x.unfreeze(ALICE)).containsExactly(new Event.AccountUnfrozen(ALICE));
        // the rejected withdrawal did not consume its ref
        assertThat(x.withdraw(ALICE, QUOTE, 10, "wd-frozen"))
            .containsExactly(balance(ALICE, QUOTE, -10, 0, 100_000, 0, WITHDRAWAL, 0));
        placed(x.order(ALICE).buy().limit(90).qty(1), 3);
    }

    @ContractTest
    void shouldKeepRestingOrdersOfFrozenAccountMatchable(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        placed(x.order(ALICE).sell().limit(100).qty(5), 1);
        x.freeze(ALICE);

        // freezing only adds checks to the frozen account's own commands (§5, §6, §10); its book orders stay.
        // cost 200: makerFee ceilDiv(2000, 10000) = 1, takerFee ceilDiv(4000, 10000) = 1
        assertThat(trades(x.order(BOB).buy().limit(100).qty(2).send()))
            .containsExactly(trade(1, 100, 2, 200, BUY, 1, ALICE, 1, 3, 2, BOB, 1, 0));
    }
}
