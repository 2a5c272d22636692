package io.bourse.engine.reference;

import io.bourse.engine.command.AsciiField;
import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.CreateAccountDecoder;
import io.bourse.sbe.DepositDecoder;
import io.bourse.sbe.FreezeAccountDecoder;
import io.bourse.sbe.HaltSymbolDecoder;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.ResumeSymbolDecoder;
import io.bourse.sbe.UnfreezeAccountDecoder;
import io.bourse.sbe.WithdrawDecoder;

/**
 * The admin commands of docs/semantics.md §5, each a list of checks in the table's order followed by its effect.
 */
final class ReferenceAdminCommands
{
    private final ReferenceState state;
    private final ReferenceEvents events;

    ReferenceAdminCommands(final ReferenceState state, final ReferenceEvents events)
    {
        this.state = state;
        this.events = events;
    }

    /** §5: a reason is missing when all 64 bytes are 0 or space. */
    static boolean isMissing(final byte[] reason)
    {
        for (final byte b : reason)
        {
            if (b != 0 && b != ' ')
            {
                return false;
            }
        }
        return true;
    }

    private static byte[] reasonBuffer()
    {
        return new byte[AsciiField.REASON_LENGTH];
    }

    void createAccount(final CreateAccountDecoder command)
    {
        final byte[] reason = reasonBuffer();
        command.getReason(reason, 0);
        final long accountId = command.accountId();
        final short allowSelfTrade = command.allowSelfTradeRaw();
        final RejectReason reject;
        if (isMissing(reason))
        {
            reject = RejectReason.MISSING_REASON;
        }
        else if (accountId <= 0)
        {
            reject = RejectReason.INVALID_ACCOUNT_ID;
        }
        else if (allowSelfTrade != BooleanType.FALSE.value() && allowSelfTrade != BooleanType.TRUE.value())
        {
            reject = RejectReason.INVALID_FLAG;
        }
        else if (state.accounts.containsKey(accountId))
        {
            reject = RejectReason.ACCOUNT_EXISTS;
        }
        else
        {
            reject = null;
        }
        if (reject != null)
        {
            events.reject(CommandType.CREATE_ACCOUNT, accountId, 0, 0, AsciiId.EMPTY, reject);
            return;
        }
        final boolean allow = allowSelfTrade == BooleanType.TRUE.value();
        state.accounts.put(accountId, new ReferenceAccount(accountId, allow));
        events.log().accountCreated().accountId(accountId).allowSelfTrade(allow ? BooleanType.TRUE : BooleanType.FALSE);
    }

    void deposit(final DepositDecoder command)
    {
        final byte[] reason = reasonBuffer();
        command.getReason(reason, 0);
        final byte[] refField = new byte[AsciiField.ID_LENGTH];
        command.getExternalRef(refField, 0);
        final AsciiId ref = AsciiId.of(refField);
        final long accountId = command.accountId();
        final int assetId = command.assetId();
        final long amount = command.amountMinor();
        final RejectReason reject;
        if (isMissing(reason))
        {
            reject = RejectReason.MISSING_REASON;
        }
        else if (!state.accounts.containsKey(accountId))
        {
            reject = RejectReason.UNKNOWN_ACCOUNT;
        }
        else if (state.config.asset(assetId) == null)
        {
            reject = RejectReason.UNKNOWN_ASSET;
        }
        else if (amount <= 0)
        {
            reject = RejectReason.INVALID_AMOUNT;
        }
        else if (ref.isEmpty())
        {
            reject = RejectReason.MISSING_EXTERNAL_REF;
        }
        else if (state.externalRefs.contains(ref))
        {
            reject = RejectReason.DUPLICATE_EXTERNAL_REF;
        }
        else if (state.totalSupply.get(assetId) > Long.MAX_VALUE - amount)
        {
            reject = RejectReason.BALANCE_OVERFLOW;
        }
        else
        {
            reject = null;
        }
        if (reject != null)
        {
            events.reject(CommandType.DEPOSIT, accountId, 0, 0, AsciiId.EMPTY, reject);
            return;
        }
        state.externalRefs.add(ref);
        state.totalSupply.put(assetId, state.totalSupply.get(assetId) + amount);
        events.balance(accountId, assetId, amount, 0, BalanceReason.DEPOSIT, 0);
    }

    void withdraw(final WithdrawDecoder command)
    {
        final byte[] reason = reasonBuffer();
        command.getReason(reason, 0);
        final byte[] refField = new byte[AsciiField.ID_LENGTH];
        command.getExternalRef(refField, 0);
        final AsciiId ref = AsciiId.of(refField);
        final long accountId = command.accountId();
        final int assetId = command.assetId();
        final long amount = command.amountMinor();
        final ReferenceAccount account = state.accounts.get(accountId);
        final RejectReason reject;
        if (isMissing(reason))
        {
            reject = RejectReason.MISSING_REASON;
        }
        else if (account == null)
        {
            reject = RejectReason.UNKNOWN_ACCOUNT;
        }
        else if (state.config.asset(assetId) == null)
        {
            reject = RejectReason.UNKNOWN_ASSET;
        }
        else if (amount <= 0)
        {
            reject = RejectReason.INVALID_AMOUNT;
        }
        else if (ref.isEmpty())
        {
            reject = RejectReason.MISSING_EXTERNAL_REF;
        }
        else if (account.frozen)
        {
            reject = RejectReason.ACCOUNT_FROZEN;
        }
        else if (state.externalRefs.contains(ref))
        {
            reject = RejectReason.DUPLICATE_EXTERNAL_REF;
        }
        else if (account.available(assetId) < amount)
        {
            reject = RejectReason.INSUFFICIENT_FUNDS;
        }
        else
        {
            reject = null;
        }
        if (reject != null)
        {
            events.reject(CommandType.WITHDRAW, accountId, 0, 0, AsciiId.EMPTY, reject);
            return;
        }
        state.externalRefs.add(ref);
        state.totalSupply.put(assetId, state.totalSupply.get(assetId) - amount);
        events.balance(accountId, assetId, -amount, 0, BalanceReason.WITHDRAWAL, 0);
    }

    void haltSymbol(final HaltSymbolDecoder command)
    {
        final byte[] reason = reasonBuffer();
        command.getReason(reason, 0);
        final int symbolId = command.symbolId();
        final ReferenceBook book = state.books.get(symbolId);
        final RejectReason reject;
        if (isMissing(reason))
        {
            reject = RejectReason.MISSING_REASON;
        }
        else if (book == null)
        {
            reject = RejectReason.UNKNOWN_SYMBOL;
        }
        else if (book.halted)
        {
            reject = RejectReason.SYMBOL_ALREADY_HALTED;
        }
        else
        {
            reject = null;
        }
        if (reject != null)
        {
            events.reject(CommandType.HALT_SYMBOL, 0, symbolId, 0, AsciiId.EMPTY, reject);
            return;
        }
        book.halted = true;
        events.log().symbolHalted().symbolId(symbolId);
    }

    void resumeSymbol(final ResumeSymbolDecoder command)
    {
        final byte[] reason = reasonBuffer();
        command.getReason(reason, 0);
        final int symbolId = command.symbolId();
        final ReferenceBook book = state.books.get(symbolId);
        final RejectReason reject;
        if (isMissing(reason))
        {
            reject = RejectReason.MISSING_REASON;
        }
        else if (book == null)
        {
            reject = RejectReason.UNKNOWN_SYMBOL;
        }
        else if (!book.halted)
        {
            reject = RejectReason.SYMBOL_NOT_HALTED;
        }
        else
        {
            reject = null;
        }
        if (reject != null)
        {
            events.reject(CommandType.RESUME_SYMBOL, 0, symbolId, 0, AsciiId.EMPTY, reject);
            return;
        }
        book.halted = false;
        events.log().symbolResumed().symbolId(symbolId);
    }

    void freezeAccount(final FreezeAccountDecoder command)
    {
        final byte[] reason = reasonBuffer();
        command.getReason(reason, 0);
        final long accountId = command.accountId();
        final ReferenceAccount account = state.accounts.get(accountId);
        final RejectReason reject;
        if (isMissing(reason))
        {
            reject = RejectReason.MISSING_REASON;
        }
        else if (account == null)
        {
            reject = RejectReason.UNKNOWN_ACCOUNT;
        }
        else if (account.frozen)
        {
            reject = RejectReason.ACCOUNT_ALREADY_FROZEN;
        }
        else
        {
            reject = null;
        }
        if (reject != null)
        {
            events.reject(CommandType.FREEZE_ACCOUNT, accountId, 0, 0, AsciiId.EMPTY, reject);
            return;
        }
        account.frozen = true;
        events.log().accountFrozen().accountId(accountId);
    }

    void unfreezeAccount(final UnfreezeAccountDecoder command)
    {
        final byte[] reason = reasonBuffer();
        command.getReason(reason, 0);
        final long accountId = command.accountId();
        final ReferenceAccount account = state.accounts.get(accountId);
        final RejectReason reject;
        if (isMissing(reason))
        {
            reject = RejectReason.MISSING_REASON;
        }
        else if (account == null)
        {
            reject = RejectReason.UNKNOWN_ACCOUNT;
        }
        else if (!account.frozen)
        {
            reject = RejectReason.ACCOUNT_NOT_FROZEN;
        }
        else
        {
            reject = null;
        }
        if (reject != null)
        {
            events.reject(CommandType.UNFREEZE_ACCOUNT, accountId, 0, 0, AsciiId.EMPTY, reject);
            return;
        }
        account.frozen = false;
        events.log().accountUnfrozen().accountId(accountId);
    }
}
