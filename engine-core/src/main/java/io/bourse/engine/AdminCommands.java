package io.bourse.engine;

import org.agrona.DirectBuffer;

import io.bourse.engine.account.Account;
import io.bourse.engine.book.SymbolBook;
import io.bourse.engine.command.AsciiField;
import io.bourse.engine.event.EventLog;
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
 * The operator's commands (docs/semantics.md §5): accounts, deposits and withdrawals with idempotent external
 * references, halts and freezes. Each carries a mandatory reason, so the journal is the audit trail.
 * Engine thread only.
 */
final class AdminCommands
{
    private final ExchangeState state;
    private final Ledger ledger;
    private final OrderEvents orderEvents;
    private EventLog events;

    AdminCommands(final ExchangeState state, final Ledger ledger, final OrderEvents orderEvents)
    {
        this.state = state;
        this.ledger = ledger;
        this.orderEvents = orderEvents;
    }

    void events(final EventLog events)
    {
        this.events = events;
    }

    void createAccount(final CreateAccountDecoder command)
    {
        final long accountId = command.accountId();
        final short allowSelfTrade = command.allowSelfTradeRaw();
        final RejectReason reason;
        if (missingReason(command.buffer(), command.offset() + CreateAccountDecoder.reasonEncodingOffset()))
        {
            reason = RejectReason.MISSING_REASON;
        }
        else if (accountId <= 0)
        {
            reason = RejectReason.INVALID_ACCOUNT_ID;
        }
        else if (allowSelfTrade > 1)
        {
            reason = RejectReason.INVALID_FLAG;
        }
        else if (state.accounts.containsKey(accountId))
        {
            reason = RejectReason.ACCOUNT_EXISTS;
        }
        else
        {
            state.newAccount(accountId, allowSelfTrade == 1);
            events.accountCreated().accountId(accountId).allowSelfTrade(allowSelfTrade == 1 ? BooleanType.TRUE : BooleanType.FALSE);
            return;
        }
        reject(CommandType.CREATE_ACCOUNT, accountId, 0, reason);
    }

    void deposit(final DepositDecoder command)
    {
        final DirectBuffer buffer = command.buffer();
        final int refOffset = command.offset() + DepositDecoder.externalRefEncodingOffset();
        final boolean reasonMissing = missingReason(buffer, command.offset() + DepositDecoder.reasonEncodingOffset());
        transfer(CommandType.DEPOSIT, command.accountId(), command.assetId(), command.amountMinor(), buffer, refOffset, reasonMissing);
    }

    void withdraw(final WithdrawDecoder command)
    {
        final DirectBuffer buffer = command.buffer();
        final int refOffset = command.offset() + WithdrawDecoder.externalRefEncodingOffset();
        final boolean reasonMissing = missingReason(buffer, command.offset() + WithdrawDecoder.reasonEncodingOffset());
        transfer(CommandType.WITHDRAW, command.accountId(), command.assetId(), command.amountMinor(), buffer, refOffset, reasonMissing);
    }

    void halt(final HaltSymbolDecoder command)
    {
        final boolean reasonMissing = missingReason(command.buffer(), command.offset() + HaltSymbolDecoder.reasonEncodingOffset());
        setHalted(CommandType.HALT_SYMBOL, command.symbolId(), reasonMissing, true);
    }

    void resume(final ResumeSymbolDecoder command)
    {
        final boolean reasonMissing = missingReason(command.buffer(), command.offset() + ResumeSymbolDecoder.reasonEncodingOffset());
        setHalted(CommandType.RESUME_SYMBOL, command.symbolId(), reasonMissing, false);
    }

    void freeze(final FreezeAccountDecoder command)
    {
        final boolean reasonMissing = missingReason(command.buffer(), command.offset() + FreezeAccountDecoder.reasonEncodingOffset());
        setFrozen(CommandType.FREEZE_ACCOUNT, command.accountId(), reasonMissing, true);
    }

    void unfreeze(final UnfreezeAccountDecoder command)
    {
        final boolean reasonMissing = missingReason(command.buffer(), command.offset() + UnfreezeAccountDecoder.reasonEncodingOffset());
        setFrozen(CommandType.UNFREEZE_ACCOUNT, command.accountId(), reasonMissing, false);
    }

    private void transfer(
        final CommandType type,
        final long accountId,
        final int assetId,
        final long amountMinor,
        final DirectBuffer buffer,
        final int refOffset,
        final boolean reasonMissing)
    {
        final boolean isDeposit = type == CommandType.DEPOSIT;
        final Account account = state.accounts.get(accountId);
        final int assetIndex = state.assetIndex(assetId);
        final long w0 = AsciiField.word(buffer, refOffset, 0);
        final long w1 = AsciiField.word(buffer, refOffset, 1);
        final long w2 = AsciiField.word(buffer, refOffset, 2);
        final long w3 = AsciiField.word(buffer, refOffset, 3);
        final RejectReason reason;
        if (reasonMissing)
        {
            reason = RejectReason.MISSING_REASON;
        }
        else if (account == null)
        {
            reason = RejectReason.UNKNOWN_ACCOUNT;
        }
        else if (assetIndex < 0)
        {
            reason = RejectReason.UNKNOWN_ASSET;
        }
        else if (amountMinor <= 0)
        {
            reason = RejectReason.INVALID_AMOUNT;
        }
        else if ((w0 | w1 | w2 | w3) == 0)
        {
            reason = RejectReason.MISSING_EXTERNAL_REF;
        }
        else if (!isDeposit && account.frozen)
        {
            reason = RejectReason.ACCOUNT_FROZEN;
        }
        else if (state.externalRefs.contains(w0, w1, w2, w3))
        {
            reason = RejectReason.DUPLICATE_EXTERNAL_REF;
        }
        else if (isDeposit && amountMinor > Long.MAX_VALUE - state.totalSupply[assetIndex])
        {
            reason = RejectReason.BALANCE_OVERFLOW;
        }
        else if (!isDeposit && account.available[assetIndex] < amountMinor)
        {
            reason = RejectReason.INSUFFICIENT_FUNDS;
        }
        else
        {
            state.externalRefs.add(w0, w1, w2, w3);
            final long signed = isDeposit ? amountMinor : -amountMinor;
            state.totalSupply[assetIndex] += signed;
            ledger.move(account, assetIndex, signed, 0, isDeposit ? BalanceReason.DEPOSIT : BalanceReason.WITHDRAWAL, 0);
            return;
        }
        reject(type, accountId, 0, reason);
    }

    private void setHalted(final CommandType type, final int symbolId, final boolean reasonMissing, final boolean halt)
    {
        final SymbolBook book = state.symbol(symbolId);
        final RejectReason reason;
        if (reasonMissing)
        {
            reason = RejectReason.MISSING_REASON;
        }
        else if (book == null)
        {
            reason = RejectReason.UNKNOWN_SYMBOL;
        }
        else if (book.halted == halt)
        {
            reason = halt ? RejectReason.SYMBOL_ALREADY_HALTED : RejectReason.SYMBOL_NOT_HALTED;
        }
        else
        {
            book.halted = halt;
            if (halt)
            {
                events.symbolHalted().symbolId(symbolId);
            }
            else
            {
                events.symbolResumed().symbolId(symbolId);
            }
            return;
        }
        reject(type, 0, symbolId, reason);
    }

    private void setFrozen(final CommandType type, final long accountId, final boolean reasonMissing, final boolean freeze)
    {
        final Account account = state.accounts.get(accountId);
        final RejectReason reason;
        if (reasonMissing)
        {
            reason = RejectReason.MISSING_REASON;
        }
        else if (account == null)
        {
            reason = RejectReason.UNKNOWN_ACCOUNT;
        }
        else if (account.frozen == freeze)
        {
            reason = freeze ? RejectReason.ACCOUNT_ALREADY_FROZEN : RejectReason.ACCOUNT_NOT_FROZEN;
        }
        else
        {
            account.frozen = freeze;
            if (freeze)
            {
                events.accountFrozen().accountId(accountId);
            }
            else
            {
                events.accountUnfrozen().accountId(accountId);
            }
            return;
        }
        reject(type, accountId, 0, reason);
    }

    private void reject(final CommandType type, final long accountId, final int symbolId, final RejectReason reason)
    {
        orderEvents.rejected(type, accountId, symbolId, 0, null, -1, reason);
    }

    private static boolean missingReason(final DirectBuffer buffer, final int offset)
    {
        return AsciiField.isBlank(buffer, offset, AsciiField.REASON_LENGTH);
    }
}
