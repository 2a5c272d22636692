package io.bourse.persistence.projection;

import org.agrona.DirectBuffer;

import io.bourse.engine.journal.JournalEntryView;
import io.bourse.sbe.AccountCreatedDecoder;
import io.bourse.sbe.AccountFrozenDecoder;
import io.bourse.sbe.AccountUnfrozenDecoder;
import io.bourse.sbe.BalanceChangedDecoder;
import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.CommandRejectedDecoder;
import io.bourse.sbe.MassCancelCompletedDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.OrderCancelledDecoder;
import io.bourse.sbe.OrderReplacedDecoder;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.Side;
import io.bourse.sbe.StopTriggeredDecoder;
import io.bourse.sbe.SymbolHaltedDecoder;
import io.bourse.sbe.SymbolResumedDecoder;
import io.bourse.sbe.TimeInForce;
import io.bourse.sbe.TradeExecutedDecoder;

/**
 * Turns journal entries into rows: one switch on the event template id that writes what each event says, and
 * nothing it does not say (the sidecar is a projector, not a second engine). Any event it cannot interpret is an
 * {@link UndecodableEntryException} naming the entry's sequence. One thread.
 */
public final class EntryProjector
{
    static final String STATUS_PENDING_STOP = "PENDING_STOP";
    static final String STATUS_NEW = "NEW";
    static final String STATUS_PARTIALLY_FILLED = "PARTIALLY_FILLED";
    static final String STATUS_FILLED = "FILLED";
    static final String STATUS_CANCELLED = "CANCELLED";
    static final String STATUS_EXPIRED = "EXPIRED";
    /** End reason of an order ended by an amend to at most its filled quantity. */
    static final String END_REASON_AMEND = "AMEND";
    static final String RESULT_ACCEPTED = "ACCEPTED";

    private final Scales scales;
    private final CopyText copyText = new CopyText();
    private final AdminAuditor auditor;
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

    private Batch batch;
    private long sequence;
    private long engineTimeNs;
    private String engineTime;

    public EntryProjector(final Scales scales)
    {
        this.scales = scales;
        this.auditor = new AdminAuditor(scales);
    }

    /**
     * Adds the rows of one entry to {@code batch}.
     *
     * @throws UndecodableEntryException if the entry's events or command cannot be interpreted; the batch is then
     *                                   unusable and must be discarded.
     */
    public void project(final JournalEntryView entry, final Batch batch)
    {
        this.batch = batch;
        sequence = entry.engineSequence();
        engineTimeNs = entry.engineTimeNs();
        engineTime = copyText.timestamp(engineTimeNs);
        try
        {
            final String result = projectEvents(entry.eventsBuffer(), entry.eventsOffset(), entry.eventsLength(), entry.eventCount());
            if (auditor.audit(entry.commandBuffer(), entry.commandOffset(), entry.commandLength(), sequence, engineTime,
                result, batch.auditRows))
            {
                batch.auditRowCount++;
            }
        }
        catch (final IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException ex)
        {
            // Generated enum lookups throw IllegalArgumentException on values outside the schema.
            throw new UndecodableEntryException(sequence, String.valueOf(ex.getMessage()));
        }
        if (batch.entryCount == 0)
        {
            batch.firstSequence = sequence;
        }
        batch.entryCount++;
        batch.lastSequence = sequence;
        batch.lastJournalIndex = entry.chronicleIndex();
        batch.lastEngineTimeNs = engineTimeNs;
        batch.lastEngineTime = engineTime;
    }

    /** Projects the events; returns the audit result: ACCEPTED or the reject reason. */
    private String projectEvents(final DirectBuffer buffer, final int offset, final int length, final int count)
    {
        final int end = offset + length;
        int position = offset;
        String result = RESULT_ACCEPTED;
        for (int i = 0; i < count; i++)
        {
            if (position + MessageHeaderDecoder.ENCODED_LENGTH > end)
            {
                throw undecodable("event " + i + " of " + count + " starts past the end of the events");
            }
            header.wrap(buffer, position);
            final int templateId = header.templateId();
            final int blockLength = header.blockLength();
            final int version = header.version();
            if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
            {
                throw undecodable("event " + i + " has schema id " + header.schemaId());
            }
            final int body = position + MessageHeaderDecoder.ENCODED_LENGTH;
            if (body + blockLength > end)
            {
                throw undecodable("event " + i + " (template " + templateId + ") overruns the events");
            }
            switch (templateId)
            {
                case CommandRejectedDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, CommandRejectedDecoder.BLOCK_LENGTH);
                    commandRejected.wrap(buffer, body, blockLength, version);
                    if (i == 0)
                    {
                        result = checked(RejectReason.get(commandRejected.reasonRaw())).name();
                    }
                    break;
                case AccountCreatedDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, AccountCreatedDecoder.BLOCK_LENGTH);
                    accountCreated.wrap(buffer, body, blockLength, version);
                    batch.accountsCreated.add(new Batch.AccountCreated(accountCreated.accountId(),
                        checked(BooleanType.get(accountCreated.allowSelfTradeRaw())) == BooleanType.TRUE, sequence, engineTime));
                    break;
                case AccountFrozenDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, AccountFrozenDecoder.BLOCK_LENGTH);
                    accountFrozen.wrap(buffer, body, blockLength, version);
                    batch.accountFrozen.add(new Batch.Flag(accountFrozen.accountId(), true));
                    break;
                case AccountUnfrozenDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, AccountUnfrozenDecoder.BLOCK_LENGTH);
                    accountUnfrozen.wrap(buffer, body, blockLength, version);
                    batch.accountFrozen.add(new Batch.Flag(accountUnfrozen.accountId(), false));
                    break;
                case SymbolHaltedDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, SymbolHaltedDecoder.BLOCK_LENGTH);
                    symbolHalted.wrap(buffer, body, blockLength, version);
                    batch.symbolHalted.add(new Batch.Flag(symbolHalted.symbolId(), true));
                    break;
                case SymbolResumedDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, SymbolResumedDecoder.BLOCK_LENGTH);
                    symbolResumed.wrap(buffer, body, blockLength, version);
                    batch.symbolHalted.add(new Batch.Flag(symbolResumed.symbolId(), false));
                    break;
                case OrderAcceptedDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, OrderAcceptedDecoder.BLOCK_LENGTH);
                    orderAccepted.wrap(buffer, body, blockLength, version);
                    onOrderAccepted(orderAccepted);
                    break;
                case OrderCancelledDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, OrderCancelledDecoder.BLOCK_LENGTH);
                    orderCancelled.wrap(buffer, body, blockLength, version);
                    onOrderCancelled(orderCancelled);
                    break;
                case OrderReplacedDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, OrderReplacedDecoder.BLOCK_LENGTH);
                    orderReplaced.wrap(buffer, body, blockLength, version);
                    onOrderReplaced(orderReplaced);
                    break;
                case StopTriggeredDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, StopTriggeredDecoder.BLOCK_LENGTH);
                    stopTriggered.wrap(buffer, body, blockLength, version);
                    final OrderChange triggered = order(stopTriggered.orderId(), stopTriggered.symbolId());
                    triggered.status = STATUS_NEW;
                    touched(triggered);
                    break;
                case TradeExecutedDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, TradeExecutedDecoder.BLOCK_LENGTH);
                    tradeExecuted.wrap(buffer, body, blockLength, version);
                    onTradeExecuted(tradeExecuted);
                    break;
                case BalanceChangedDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, BalanceChangedDecoder.BLOCK_LENGTH);
                    balanceChanged.wrap(buffer, body, blockLength, version);
                    onBalanceChanged(balanceChanged, i);
                    break;
                case MassCancelCompletedDecoder.TEMPLATE_ID:
                    checkBlock(i, templateId, blockLength, MassCancelCompletedDecoder.BLOCK_LENGTH);
                    break;
                default:
                    throw undecodable("event " + i + " has unknown template id " + templateId);
            }
            position = body + blockLength;
        }
        if (position != end)
        {
            throw undecodable((end - position) + " bytes left after " + count + " events");
        }
        return result;
    }

    private void onOrderAccepted(final OrderAcceptedDecoder event)
    {
        final OrderChange change = order(event.orderId(), event.symbolId());
        final OrderType type = checked(OrderType.get(event.orderTypeRaw()));
        change.isNew = true;
        change.accountId = event.accountId();
        change.side = checked(Side.get(event.sideRaw())).name();
        change.orderType = type.name();
        change.timeInForce = checked(TimeInForce.get(event.timeInForceRaw())).name();
        change.postOnly = checked(BooleanType.get(event.postOnlyRaw())) == BooleanType.TRUE;
        change.clientOrderId = CopyText.ascii(event.buffer(), event.offset() + OrderAcceptedDecoder.clientOrderIdEncodingOffset(),
            OrderAcceptedDecoder.clientOrderIdLength(), false);
        change.priceMinor = event.priceMinor() == 0 ? OrderChange.UNCHANGED : event.priceMinor();
        change.stopPriceMinor = event.stopPriceMinor() == 0 ? OrderChange.UNCHANGED : event.stopPriceMinor();
        change.qtyMinor = event.qtyMinor();
        change.leavesMinor = event.qtyMinor();
        change.expireTimeNs = event.expireTimeNs() == 0 ? OrderChange.UNCHANGED : event.expireTimeNs();
        change.status = type == OrderType.STOP || type == OrderType.STOP_LIMIT ? STATUS_PENDING_STOP : STATUS_NEW;
        change.createdSeq = sequence;
        change.createdAt = engineTime;
        touched(change);
    }

    private void onOrderCancelled(final OrderCancelledDecoder event)
    {
        final OrderChange change = order(event.orderId(), event.symbolId());
        final CancelReason reason = checked(CancelReason.get(event.reasonRaw()));
        change.status = reason == CancelReason.EXPIRED ? STATUS_EXPIRED : STATUS_CANCELLED;
        change.endReason = reason.name();
        change.leavesMinor = 0;
        touched(change);
    }

    private void onOrderReplaced(final OrderReplacedDecoder event)
    {
        final OrderChange change = order(event.orderId(), event.symbolId());
        change.clientOrderId = CopyText.ascii(event.buffer(), event.offset() + OrderReplacedDecoder.clientOrderIdEncodingOffset(),
            OrderReplacedDecoder.clientOrderIdLength(), false);
        change.priceMinor = event.priceMinor();
        change.qtyMinor = event.qtyMinor();
        change.leavesMinor = event.leavesQtyMinor();
        if (event.leavesQtyMinor() == 0)
        {
            change.status = STATUS_CANCELLED;
            change.endReason = END_REASON_AMEND;
        }
        else
        {
            change.status = event.filledQtyMinor() > 0 ? STATUS_PARTIALLY_FILLED : STATUS_NEW;
        }
        touched(change);
    }

    private void onTradeExecuted(final TradeExecutedDecoder event)
    {
        final int symbolId = event.symbolId();
        final int baseScale = baseScale(symbolId);
        final int quoteScale = quoteScale(symbolId);
        final long price = event.priceMinor();
        final long qty = event.qtyMinor();
        final long quoteQty = event.quoteQtyMinor();

        final StringBuilder row = batch.tradeRows;
        row.append(event.tradeId()).append('\t').append(symbolId).append('\t');
        CopyText.appendDecimal(row, price, quoteScale).append('\t');
        CopyText.appendDecimal(row, qty, baseScale).append('\t');
        CopyText.appendDecimal(row, quoteQty, quoteScale).append('\t');
        row.append(checked(Side.get(event.aggressorSideRaw())).name()).append('\t');
        row.append(event.makerOrderId()).append('\t').append(event.makerAccountId()).append('\t');
        CopyText.appendDecimal(row, event.makerFeeMinor(), quoteScale).append('\t');
        row.append(event.takerOrderId()).append('\t').append(event.takerAccountId()).append('\t');
        CopyText.appendDecimal(row, event.takerFeeMinor(), quoteScale).append('\t');
        row.append(sequence).append('\t').append(engineTime).append('\n');
        batch.tradeCount++;

        fill(order(event.makerOrderId(), symbolId), qty, quoteQty, event.makerLeavesQtyMinor());
        fill(order(event.takerOrderId(), symbolId), qty, quoteQty, event.takerLeavesQtyMinor());

        for (final CandleInterval interval : CandleInterval.all())
        {
            batch.candle(symbolId, interval, interval.openTimeNs(engineTimeNs), baseScale, quoteScale).add(price, qty, quoteQty);
        }
    }

    private void fill(final OrderChange change, final long qty, final long quoteQty, final long leaves)
    {
        change.filledDeltaMinor = Math.addExact(change.filledDeltaMinor, qty);
        change.quoteDeltaMinor = Math.addExact(change.quoteDeltaMinor, quoteQty);
        change.leavesMinor = leaves;
        change.status = leaves == 0 ? STATUS_FILLED : STATUS_PARTIALLY_FILLED;
        touched(change);
    }

    private void onBalanceChanged(final BalanceChangedDecoder event, final int eventIndex)
    {
        final int assetId = event.assetId();
        final int scale = scales.asset(assetId);
        if (scale == Scales.UNKNOWN)
        {
            throw undecodable("BalanceChanged of asset " + assetId + ", which the config does not define");
        }
        final long accountId = event.accountId();
        final StringBuilder row = batch.ledgerRows;
        row.append(sequence).append('\t').append(eventIndex).append('\t').append(accountId).append('\t').append(assetId).append('\t');
        CopyText.appendDecimal(row, event.deltaAvailableMinor(), scale).append('\t');
        CopyText.appendDecimal(row, event.deltaHeldMinor(), scale).append('\t');
        CopyText.appendDecimal(row, event.availableMinor(), scale).append('\t');
        CopyText.appendDecimal(row, event.heldMinor(), scale).append('\t');
        row.append(checked(BalanceReason.get(event.reasonRaw())).name()).append('\t');
        row.append(event.referenceId()).append('\t').append(engineTime).append('\n');
        batch.ledgerRowCount++;

        final Batch.BalanceKey key = new Batch.BalanceKey(accountId, assetId);
        Batch.BalanceRow balance = batch.balances.get(key);
        if (balance == null)
        {
            balance = new Batch.BalanceRow();
            balance.scale = scale;
            batch.balances.put(key, balance);
        }
        balance.availableMinor = event.availableMinor();
        balance.heldMinor = event.heldMinor();
        balance.seq = sequence;
        balance.time = engineTime;
    }

    private OrderChange order(final long orderId, final int symbolId)
    {
        return batch.order(orderId, symbolId, baseScale(symbolId), quoteScale(symbolId));
    }

    private void touched(final OrderChange change)
    {
        change.updatedSeq = sequence;
        change.updatedAt = engineTime;
    }

    private int baseScale(final int symbolId)
    {
        final int scale = scales.base(symbolId);
        if (scale == Scales.UNKNOWN)
        {
            throw undecodable("event of symbol " + symbolId + ", which the config does not define");
        }
        return scale;
    }

    private int quoteScale(final int symbolId)
    {
        final int scale = scales.quote(symbolId);
        if (scale == Scales.UNKNOWN)
        {
            throw undecodable("event of symbol " + symbolId + ", which the config does not define");
        }
        return scale;
    }

    private void checkBlock(final int index, final int templateId, final int blockLength, final int required)
    {
        if (blockLength < required)
        {
            throw undecodable("event " + index + " (template " + templateId + ") has block length " + blockLength +
                ", shorter than " + required);
        }
    }

    private <E extends Enum<E>> E checked(final E value)
    {
        if ("NULL_VAL".equals(value.name()))
        {
            throw undecodable("enum " + value.getDeclaringClass().getSimpleName() + " holds its null value");
        }
        return value;
    }

    private UndecodableEntryException undecodable(final String problem)
    {
        return new UndecodableEntryException(sequence, problem);
    }
}
