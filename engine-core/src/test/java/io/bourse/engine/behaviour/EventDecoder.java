package io.bourse.engine.behaviour;

import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;

import io.bourse.sbe.AccountCreatedDecoder;
import io.bourse.sbe.AccountFrozenDecoder;
import io.bourse.sbe.AccountUnfrozenDecoder;
import io.bourse.sbe.BalanceChangedDecoder;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.CommandRejectedDecoder;
import io.bourse.sbe.MassCancelCompletedDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.OrderCancelledDecoder;
import io.bourse.sbe.OrderReplacedDecoder;
import io.bourse.sbe.StopTriggeredDecoder;
import io.bourse.sbe.SymbolHaltedDecoder;
import io.bourse.sbe.SymbolResumedDecoder;
import io.bourse.sbe.TradeExecutedDecoder;

/**
 * Decodes the SBE events an {@link io.bourse.engine.event.EventLog} holds into {@link Event} values. A message it
 * cannot decode (unknown template, wrong schema, enum value outside the schema) becomes {@link Event.Undecodable}
 * rather than an exception, so the assertion that compares events reports it.
 */
final class EventDecoder
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
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

    List<Event> decode(final DirectBuffer buffer, final int length)
    {
        final List<Event> events = new ArrayList<>();
        int offset = 0;
        while (offset < length)
        {
            if (length - offset < MessageHeaderDecoder.ENCODED_LENGTH)
            {
                events.add(new Event.Undecodable(-1, "truncated header at " + offset));
                break;
            }
            header.wrap(buffer, offset);
            final int templateId = header.templateId();
            final int blockLength = header.blockLength();
            if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
            {
                events.add(new Event.Undecodable(templateId, "schema id " + header.schemaId()));
                break;
            }
            final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            try
            {
                events.add(decodeBody(buffer, bodyOffset, templateId, blockLength, header.version()));
            }
            catch (final IllegalArgumentException ex)
            {
                events.add(new Event.Undecodable(templateId, ex.getMessage()));
            }
            offset = bodyOffset + blockLength;
        }
        return events;
    }

    private Event decodeBody(
        final DirectBuffer buffer, final int offset, final int templateId, final int blockLength, final int version)
    {
        switch (templateId)
        {
            case CommandRejectedDecoder.TEMPLATE_ID:
            {
                final CommandRejectedDecoder d = commandRejected.wrap(buffer, offset, blockLength, version);
                return new Event.Rejected(
                    d.commandType(), d.accountId(), d.symbolId(), d.orderId(), d.clientOrderId(), d.reason());
            }
            case AccountCreatedDecoder.TEMPLATE_ID:
            {
                final AccountCreatedDecoder d = accountCreated.wrap(buffer, offset, blockLength, version);
                return new Event.AccountCreated(d.accountId(), bool(d.allowSelfTrade()));
            }
            case AccountFrozenDecoder.TEMPLATE_ID:
                return new Event.AccountFrozen(accountFrozen.wrap(buffer, offset, blockLength, version).accountId());
            case AccountUnfrozenDecoder.TEMPLATE_ID:
                return new Event.AccountUnfrozen(
                    accountUnfrozen.wrap(buffer, offset, blockLength, version).accountId());
            case SymbolHaltedDecoder.TEMPLATE_ID:
                return new Event.SymbolHalted(symbolHalted.wrap(buffer, offset, blockLength, version).symbolId());
            case SymbolResumedDecoder.TEMPLATE_ID:
                return new Event.SymbolResumed(symbolResumed.wrap(buffer, offset, blockLength, version).symbolId());
            case OrderAcceptedDecoder.TEMPLATE_ID:
            {
                final OrderAcceptedDecoder d = orderAccepted.wrap(buffer, offset, blockLength, version);
                return new Event.Accepted(
                    d.orderId(), d.accountId(), d.symbolId(), d.clientOrderId(), d.side(), d.orderType(),
                    d.timeInForce(), d.stpMode(), bool(d.postOnly()), d.priceMinor(), d.stopPriceMinor(),
                    d.qtyMinor(), d.expireTimeNs());
            }
            case OrderCancelledDecoder.TEMPLATE_ID:
            {
                final OrderCancelledDecoder d = orderCancelled.wrap(buffer, offset, blockLength, version);
                return new Event.Cancelled(
                    d.orderId(), d.accountId(), d.symbolId(), d.clientOrderId(), d.side(), d.leavesQtyMinor(),
                    d.filledQtyMinor(), d.reason());
            }
            case OrderReplacedDecoder.TEMPLATE_ID:
            {
                final OrderReplacedDecoder d = orderReplaced.wrap(buffer, offset, blockLength, version);
                return new Event.Replaced(
                    d.orderId(), d.accountId(), d.symbolId(), d.clientOrderId(), d.origClientOrderId(), d.side(),
                    d.priceMinor(), d.qtyMinor(), d.leavesQtyMinor(), d.filledQtyMinor(), bool(d.priorityKept()));
            }
            case StopTriggeredDecoder.TEMPLATE_ID:
            {
                final StopTriggeredDecoder d = stopTriggered.wrap(buffer, offset, blockLength, version);
                return new Event.Triggered(
                    d.orderId(), d.accountId(), d.symbolId(), d.clientOrderId(), d.side(), d.lastPriceMinor());
            }
            case TradeExecutedDecoder.TEMPLATE_ID:
            {
                final TradeExecutedDecoder d = tradeExecuted.wrap(buffer, offset, blockLength, version);
                return new Event.Trade(
                    d.tradeId(), d.symbolId(), d.priceMinor(), d.qtyMinor(), d.quoteQtyMinor(), d.aggressorSide(),
                    d.makerOrderId(), d.makerAccountId(), d.makerFeeMinor(), d.makerLeavesQtyMinor(),
                    d.takerOrderId(), d.takerAccountId(), d.takerFeeMinor(), d.takerLeavesQtyMinor());
            }
            case BalanceChangedDecoder.TEMPLATE_ID:
            {
                final BalanceChangedDecoder d = balanceChanged.wrap(buffer, offset, blockLength, version);
                return new Event.Balance(
                    d.accountId(), d.assetId(), d.deltaAvailableMinor(), d.deltaHeldMinor(), d.availableMinor(),
                    d.heldMinor(), d.reason(), d.referenceId());
            }
            case MassCancelCompletedDecoder.TEMPLATE_ID:
            {
                final MassCancelCompletedDecoder d = massCancelCompleted.wrap(buffer, offset, blockLength, version);
                return new Event.MassCancelCompleted(d.accountId(), d.symbolId(), d.cancelledCount());
            }
            default:
                return new Event.Undecodable(templateId, "unknown event template");
        }
    }

    private static boolean bool(final BooleanType value)
    {
        if (value != BooleanType.TRUE && value != BooleanType.FALSE)
        {
            throw new IllegalArgumentException("boolean field is " + value);
        }
        return value == BooleanType.TRUE;
    }
}
