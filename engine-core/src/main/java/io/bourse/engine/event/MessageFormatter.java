package io.bourse.engine.event;

import org.agrona.DirectBuffer;

import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.AccountCreatedDecoder;
import io.bourse.sbe.AccountFrozenDecoder;
import io.bourse.sbe.AccountUnfrozenDecoder;
import io.bourse.sbe.BalanceChangedDecoder;
import io.bourse.sbe.CancelOrderDecoder;
import io.bourse.sbe.CommandRejectedDecoder;
import io.bourse.sbe.CreateAccountDecoder;
import io.bourse.sbe.DepositDecoder;
import io.bourse.sbe.FreezeAccountDecoder;
import io.bourse.sbe.HaltSymbolDecoder;
import io.bourse.sbe.MassCancelDecoder;
import io.bourse.sbe.MassCancelCompletedDecoder;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.OrderCancelledDecoder;
import io.bourse.sbe.OrderReplacedDecoder;
import io.bourse.sbe.PlaceOrderDecoder;
import io.bourse.sbe.ReplaceOrderDecoder;
import io.bourse.sbe.ResumeSymbolDecoder;
import io.bourse.sbe.StopTriggeredDecoder;
import io.bourse.sbe.SymbolHaltedDecoder;
import io.bourse.sbe.SymbolResumedDecoder;
import io.bourse.sbe.TickDecoder;
import io.bourse.sbe.TradeExecutedDecoder;
import io.bourse.sbe.UnfreezeAccountDecoder;
import io.bourse.sbe.WithdrawDecoder;

/**
 * Renders SBE-encoded commands and events as readable text, for test failure messages, the replay tool and
 * debugging. Allocates; never used on the hot path.
 */
public final class MessageFormatter
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final CreateAccountDecoder createAccount = new CreateAccountDecoder();
    private final DepositDecoder deposit = new DepositDecoder();
    private final WithdrawDecoder withdraw = new WithdrawDecoder();
    private final PlaceOrderDecoder placeOrder = new PlaceOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceOrder = new ReplaceOrderDecoder();
    private final MassCancelDecoder massCancel = new MassCancelDecoder();
    private final HaltSymbolDecoder haltSymbol = new HaltSymbolDecoder();
    private final ResumeSymbolDecoder resumeSymbol = new ResumeSymbolDecoder();
    private final FreezeAccountDecoder freezeAccount = new FreezeAccountDecoder();
    private final UnfreezeAccountDecoder unfreezeAccount = new UnfreezeAccountDecoder();
    private final TickDecoder tick = new TickDecoder();
    private final CommandRejectedDecoder commandRejected = new CommandRejectedDecoder();
    private final AccountCreatedDecoder accountCreated = new AccountCreatedDecoder();
    private final AccountFrozenDecoder accountFrozen = new AccountFrozenDecoder();
    private final AccountUnfrozenDecoder accountUnfrozen = new AccountUnfrozenDecoder();
    private final SymbolHaltedDecoder symbolHalted = new SymbolHaltedDecoder();
    private final SymbolResumedDecoder symbolResumed = new SymbolResumedDecoder();
    private final OrderAcceptedDecoder orderAccepted = new OrderAcceptedDecoder();
    private final OrderCancelledDecoder orderCancelled = new OrderCancelledDecoder();
    private final OrderReplacedDecoder orderReplaced = new OrderReplacedDecoder();
    private final StopTriggeredDecoder stopTriggered = new StopTriggeredDecoder();
    private final TradeExecutedDecoder tradeExecuted = new TradeExecutedDecoder();
    private final BalanceChangedDecoder balanceChanged = new BalanceChangedDecoder();
    private final MassCancelCompletedDecoder massCancelCompleted = new MassCancelCompletedDecoder();

    /** Appends one message (header at {@code offset}) to {@code out}. */
    public StringBuilder append(final DirectBuffer buffer, final int offset, final StringBuilder out)
    {
        header.wrap(buffer, offset);
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case CreateAccountDecoder.TEMPLATE_ID:
                return createAccount.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case DepositDecoder.TEMPLATE_ID:
                return deposit.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case WithdrawDecoder.TEMPLATE_ID:
                return withdraw.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case PlaceOrderDecoder.TEMPLATE_ID:
                return placeOrder.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case CancelOrderDecoder.TEMPLATE_ID:
                return cancelOrder.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case ReplaceOrderDecoder.TEMPLATE_ID:
                return replaceOrder.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case MassCancelDecoder.TEMPLATE_ID:
                return massCancel.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case HaltSymbolDecoder.TEMPLATE_ID:
                return haltSymbol.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case ResumeSymbolDecoder.TEMPLATE_ID:
                return resumeSymbol.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case FreezeAccountDecoder.TEMPLATE_ID:
                return freezeAccount.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case UnfreezeAccountDecoder.TEMPLATE_ID:
                return unfreezeAccount.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case TickDecoder.TEMPLATE_ID:
                return tick.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case CommandRejectedDecoder.TEMPLATE_ID:
                return commandRejected.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case AccountCreatedDecoder.TEMPLATE_ID:
                return accountCreated.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case AccountFrozenDecoder.TEMPLATE_ID:
                return accountFrozen.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case AccountUnfrozenDecoder.TEMPLATE_ID:
                return accountUnfrozen.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case SymbolHaltedDecoder.TEMPLATE_ID:
                return symbolHalted.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case SymbolResumedDecoder.TEMPLATE_ID:
                return symbolResumed.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case OrderAcceptedDecoder.TEMPLATE_ID:
                return orderAccepted.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case OrderCancelledDecoder.TEMPLATE_ID:
                return orderCancelled.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case OrderReplacedDecoder.TEMPLATE_ID:
                return orderReplaced.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case StopTriggeredDecoder.TEMPLATE_ID:
                return stopTriggered.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case TradeExecutedDecoder.TEMPLATE_ID:
                return tradeExecuted.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case BalanceChangedDecoder.TEMPLATE_ID:
                return balanceChanged.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            case MassCancelCompletedDecoder.TEMPLATE_ID:
                return massCancelCompleted.wrap(buffer, bodyOffset, blockLength, version).appendTo(out);
            default:
                return out.append("Unknown[templateId=").append(header.templateId()).append(']');
        }
    }

    /** One message as a String. */
    public String format(final DirectBuffer buffer, final int offset)
    {
        return append(buffer, offset, new StringBuilder()).toString();
    }

    /** Every event of a buffer written by {@link EventLog}, one per line. */
    public String formatEvents(final DirectBuffer buffer, final int length)
    {
        final StringBuilder out = new StringBuilder();
        int offset = 0;
        while (offset < length)
        {
            append(buffer, offset, out).append('\n');
            header.wrap(buffer, offset);
            offset += MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength();
        }
        return out.toString();
    }
}
