package io.bourse.gateway.binary;

import java.util.ArrayList;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import io.bourse.engine.command.AsciiField;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.pipeline.CommandSlot;
import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.gateway.OpenOrders;
import io.bourse.gateway.sbe.CancelReason;
import io.bourse.gateway.sbe.CancelRejectEncoder;
import io.bourse.gateway.sbe.ExecType;
import io.bourse.gateway.sbe.ExecutionReportEncoder;
import io.bourse.gateway.sbe.Liquidity;
import io.bourse.gateway.sbe.RequestType;
import io.bourse.sbe.CommandRejectedDecoder;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.MassCancelCompletedDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.OrderCancelledDecoder;
import io.bourse.sbe.OrderReplacedDecoder;
import io.bourse.sbe.PlaceOrderDecoder;
import io.bourse.sbe.StopTriggeredDecoder;
import io.bourse.sbe.TradeExecutedDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * Stage-3 consumer for the binary protocol: turns each journaled command's events into execution reports and hands
 * them to the sessions concerned — order events to every logged-on session of the order's account, rejects and mass
 * cancel reports to the session that sent the command. Reports for one session are gathered per Disruptor batch and
 * written with one hand-off to its event loop; a session whose outbound buffer is past the bound is disconnected, never
 * waited for. Reply thread only.
 */
final class ExecutionReportRouter implements ReplyListener
{
    /** A session's gathered replies are handed off early once this large, to bound memory within a huge batch. */
    private static final int EARLY_FLUSH_BYTES = 64 * 1024;
    private static final int INITIAL_SESSION_BUFFER = 1024;

    private final SessionRegistry registry;
    private final OrderStates orders = new OrderStates();
    private final OutboundEncoder encoder = new OutboundEncoder();
    private final ArrayList<BinarySession> touched = new ArrayList<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
    private final TradeExecutedDecoder trade = new TradeExecutedDecoder();
    private final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
    private final OrderReplacedDecoder replaced = new OrderReplacedDecoder();
    private final StopTriggeredDecoder triggered = new StopTriggeredDecoder();
    private final CommandRejectedDecoder rejected = new CommandRejectedDecoder();
    private final MassCancelCompletedDecoder massCancelCompleted = new MassCancelCompletedDecoder();
    private final MessageHeaderDecoder commandHeader = new MessageHeaderDecoder();
    private final PlaceOrderDecoder placeOrder = new PlaceOrderDecoder();
    private long engineSequence;
    private long engineTimeNs;

    ExecutionReportRouter(final SessionRegistry registry)
    {
        this.registry = registry;
    }

    @Override
    public void onReply(final CommandSlot slot, final boolean endOfBatch)
    {
        engineSequence = slot.engineSequence();
        engineTimeNs = slot.engineTimeNs();
        final BinarySession source = slot.sourceId() == 0 ? null : registry.session(slot.sourceId());
        final EventLog events = slot.events();
        final DirectBuffer buffer = events.buffer();
        final int end = events.length();
        int offset = 0;
        while (offset < end)
        {
            header.wrap(buffer, offset);
            final int blockLength = header.blockLength();
            final int version = header.version();
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            switch (header.templateId())
            {
                case OrderAcceptedDecoder.TEMPLATE_ID:
                    onAccepted(accepted.wrap(buffer, body, blockLength, version));
                    break;
                case TradeExecutedDecoder.TEMPLATE_ID:
                    onTrade(trade.wrap(buffer, body, blockLength, version));
                    break;
                case OrderCancelledDecoder.TEMPLATE_ID:
                    onCancelled(cancelled.wrap(buffer, body, blockLength, version));
                    break;
                case OrderReplacedDecoder.TEMPLATE_ID:
                    onReplaced(replaced.wrap(buffer, body, blockLength, version));
                    break;
                case StopTriggeredDecoder.TEMPLATE_ID:
                    onTriggered(triggered.wrap(buffer, body, blockLength, version));
                    break;
                case CommandRejectedDecoder.TEMPLATE_ID:
                    if (source != null)
                    {
                        onRejected(rejected.wrap(buffer, body, blockLength, version), slot, source);
                    }
                    break;
                case MassCancelCompletedDecoder.TEMPLATE_ID:
                    if (source != null)
                    {
                        onMassCancelCompleted(massCancelCompleted.wrap(buffer, body, blockLength, version), source);
                    }
                    break;
                default:
                    break;
            }
            offset = body + blockLength;
        }
        if (endOfBatch)
        {
            flushAll();
        }
    }

    @Override
    public void onBatchEnd()
    {
        flushAll();
    }

    /**
     * Replaces the known open orders with the engine's: on the reply thread, at the capture's place in the sequence
     * ({@link OpenOrders#seed}).
     */
    void seed(final OpenOrders openOrders)
    {
        orders.clear();
        for (int i = 0, size = openOrders.size(); i < size; i++)
        {
            final OrderStates.OrderState state = orders.open(openOrders.orderId(i));
            openOrders.copyClientOrderIdTo(i, state.clientOrderId, 0);
            state.priceMinor = openOrders.priceMinor(i);
            state.qtyMinor = openOrders.qtyMinor(i);
            state.cumQtyMinor = openOrders.filledQtyMinor(i);
        }
    }

    /** Open orders known to the router (for tests and metrics). */
    int openOrders()
    {
        return orders.size();
    }

    private void onAccepted(final OrderAcceptedDecoder event)
    {
        final OrderStates.OrderState state = orders.open(event.orderId());
        state.clientOrderId(event.buffer(), event.offset() + OrderAcceptedDecoder.clientOrderIdEncodingOffset());
        state.priceMinor = event.priceMinor();
        state.qtyMinor = event.qtyMinor();

        final BinarySession[] sessions = registry.sessionsOf(event.accountId());
        if (sessions.length == 0)
        {
            return;
        }
        startReport(ExecType.NEW, event.orderId(), event.symbolId(), event.sideRaw(), state)
            .leavesQtyMinor(event.qtyMinor());
        sendToAll(sessions);
    }

    private void onTrade(final TradeExecutedDecoder event)
    {
        final short makerSide = event.aggressorSideRaw() == io.bourse.sbe.Side.BUY.value() ?
            io.bourse.sbe.Side.SELL.value() : io.bourse.sbe.Side.BUY.value();
        fill(event, event.makerOrderId(), event.makerAccountId(), makerSide, event.makerLeavesQtyMinor(),
            event.makerFeeMinor(), Liquidity.MAKER);
        fill(event, event.takerOrderId(), event.takerAccountId(), event.aggressorSideRaw(),
            event.takerLeavesQtyMinor(), event.takerFeeMinor(), Liquidity.TAKER);
    }

    private void fill(
        final TradeExecutedDecoder event,
        final long orderId,
        final long accountId,
        final short sideRaw,
        final long leavesQtyMinor,
        final long feeMinor,
        final Liquidity liquidity)
    {
        final OrderStates.OrderState state = orders.get(orderId);
        if (state != null)
        {
            state.cumQtyMinor += event.qtyMinor();
        }
        final BinarySession[] sessions = registry.sessionsOf(accountId);
        if (sessions.length != 0)
        {
            startReport(leavesQtyMinor == 0 ? ExecType.FILL : ExecType.PARTIAL_FILL, orderId, event.symbolId(),
                sideRaw, state)
                .lastPriceMinor(event.priceMinor())
                .lastQtyMinor(event.qtyMinor())
                .leavesQtyMinor(leavesQtyMinor)
                .tradeId(event.tradeId())
                .feeMinor(feeMinor)
                .liquidity(liquidity);
            sendToAll(sessions);
        }
        if (leavesQtyMinor == 0)
        {
            orders.close(orderId);
        }
    }

    private void onCancelled(final OrderCancelledDecoder event)
    {
        final long orderId = event.orderId();
        final BinarySession[] sessions = registry.sessionsOf(event.accountId());
        if (sessions.length != 0)
        {
            final short reason = event.reasonRaw();
            final ExecutionReportEncoder report = startReport(
                reason == io.bourse.sbe.CancelReason.EXPIRED.value() ? ExecType.EXPIRED : ExecType.CANCELLED,
                orderId, event.symbolId(), event.sideRaw(), orders.get(orderId))
                .leavesQtyMinor(0)
                .cumQtyMinor(event.filledQtyMinor());
            report.buffer().putBytes(report.offset() + ExecutionReportEncoder.clientOrderIdEncodingOffset(),
                event.buffer(), event.offset() + OrderCancelledDecoder.clientOrderIdEncodingOffset(),
                AsciiField.ID_LENGTH);
            report.buffer().putByte(report.offset() + ExecutionReportEncoder.cancelReasonEncodingOffset(),
                (byte)(reason < CancelReason.DISCONNECT.value() ? reason : 0));
            sendToAll(sessions);
        }
        orders.close(orderId);
    }

    private void onReplaced(final OrderReplacedDecoder event)
    {
        final long orderId = event.orderId();
        OrderStates.OrderState state = orders.get(orderId);
        if (state == null)
        {
            state = orders.open(orderId);
            state.cumQtyMinor = event.filledQtyMinor();
        }
        state.clientOrderId(event.buffer(), event.offset() + OrderReplacedDecoder.clientOrderIdEncodingOffset());
        state.priceMinor = event.priceMinor();
        state.qtyMinor = event.qtyMinor();

        final BinarySession[] sessions = registry.sessionsOf(event.accountId());
        if (sessions.length != 0)
        {
            final ExecutionReportEncoder report = startReport(ExecType.REPLACED, orderId, event.symbolId(),
                event.sideRaw(), state)
                .leavesQtyMinor(event.leavesQtyMinor())
                .cumQtyMinor(event.filledQtyMinor());
            report.buffer().putBytes(report.offset() + ExecutionReportEncoder.origClientOrderIdEncodingOffset(),
                event.buffer(), event.offset() + OrderReplacedDecoder.origClientOrderIdEncodingOffset(),
                AsciiField.ID_LENGTH);
            sendToAll(sessions);
        }
        if (event.leavesQtyMinor() == 0)
        {
            orders.close(orderId);
        }
    }

    private void onTriggered(final StopTriggeredDecoder event)
    {
        final BinarySession[] sessions = registry.sessionsOf(event.accountId());
        if (sessions.length == 0)
        {
            return;
        }
        final OrderStates.OrderState state = orders.get(event.orderId());
        final ExecutionReportEncoder report = startReport(ExecType.TRIGGERED, event.orderId(), event.symbolId(),
            event.sideRaw(), state)
            .lastPriceMinor(event.lastPriceMinor());
        if (state != null)
        {
            report.leavesQtyMinor(state.qtyMinor - state.cumQtyMinor);
        }
        sendToAll(sessions);
    }

    private void onRejected(final CommandRejectedDecoder event, final CommandSlot slot, final BinarySession source)
    {
        final short commandType = event.commandTypeRaw();
        final int idOffset = event.offset() + CommandRejectedDecoder.clientOrderIdEncodingOffset();
        if (commandType == CommandType.PLACE_ORDER.value())
        {
            final ExecutionReportEncoder report = startReport(ExecType.REJECTED, 0, event.symbolId(), (short)0, null);
            final MutableDirectBuffer out = report.buffer();
            out.putBytes(report.offset() + ExecutionReportEncoder.clientOrderIdEncodingOffset(),
                event.buffer(), idOffset, AsciiField.ID_LENGTH);
            out.putByte(report.offset() + ExecutionReportEncoder.rejectReasonEncodingOffset(), (byte)event.reasonRaw());
            echoPlaceOrder(slot, report);
        }
        else
        {
            final RequestType type;
            if (commandType == CommandType.CANCEL_ORDER.value())
            {
                type = RequestType.CANCEL_ORDER;
            }
            else if (commandType == CommandType.REPLACE_ORDER.value())
            {
                type = RequestType.REPLACE_ORDER;
            }
            else if (commandType == CommandType.MASS_CANCEL.value())
            {
                type = RequestType.MASS_CANCEL;
            }
            else
            {
                return;
            }
            final CancelRejectEncoder reject = encoder.cancelReject()
                .engineSequence(engineSequence)
                .requestType(type)
                .orderId(event.orderId());
            reject.buffer().putBytes(reject.offset() + CancelRejectEncoder.clientOrderIdEncodingOffset(),
                event.buffer(), idOffset, AsciiField.ID_LENGTH);
            reject.buffer().putByte(reject.offset() + CancelRejectEncoder.rejectReasonEncodingOffset(),
                (byte)event.reasonRaw());
        }
        send(source);
    }

    /** A rejected order's report repeats the side, price and quantity it asked for, read from the command. */
    private void echoPlaceOrder(final CommandSlot slot, final ExecutionReportEncoder report)
    {
        final DirectBuffer command = slot.command();
        if (slot.commandLength() < MessageHeaderDecoder.ENCODED_LENGTH + PlaceOrderDecoder.BLOCK_LENGTH)
        {
            return;
        }
        commandHeader.wrap(command, 0);
        if (commandHeader.templateId() != PlaceOrderDecoder.TEMPLATE_ID)
        {
            return;
        }
        placeOrder.wrap(command, MessageHeaderDecoder.ENCODED_LENGTH, commandHeader.blockLength(),
            commandHeader.version());
        report.priceMinor(placeOrder.priceMinor()).orderQtyMinor(placeOrder.qtyMinor());
        report.buffer().putByte(report.offset() + ExecutionReportEncoder.sideEncodingOffset(),
            (byte)placeOrder.sideRaw());
    }

    private void onMassCancelCompleted(final MassCancelCompletedDecoder event, final BinarySession source)
    {
        encoder.massCancelReport()
            .engineSequence(engineSequence)
            .symbolId(event.symbolId())
            .cancelledCount(event.cancelledCount());
        send(source);
    }

    private ExecutionReportEncoder startReport(
        final ExecType execType,
        final long orderId,
        final int symbolId,
        final short sideRaw,
        final OrderStates.OrderState state)
    {
        final ExecutionReportEncoder report = encoder.executionReport()
            .engineSequence(engineSequence)
            .engineTimeNs(engineTimeNs)
            .execType(execType)
            .orderId(orderId)
            .symbolId(symbolId);
        report.buffer().putByte(report.offset() + ExecutionReportEncoder.sideEncodingOffset(), (byte)sideRaw);
        if (state != null)
        {
            state.copyClientOrderIdTo(report.buffer(),
                report.offset() + ExecutionReportEncoder.clientOrderIdEncodingOffset());
            report.priceMinor(state.priceMinor).orderQtyMinor(state.qtyMinor).cumQtyMinor(state.cumQtyMinor);
        }
        return report;
    }

    private void sendToAll(final BinarySession[] sessions)
    {
        for (final BinarySession session : sessions)
        {
            send(session);
        }
    }

    private void send(final BinarySession session)
    {
        ByteBuf out = session.pendingOut;
        if (out == null)
        {
            out = session.channel().alloc().buffer(INITIAL_SESSION_BUFFER);
            session.pendingOut = out;
            touched.add(session);
        }
        encoder.appendTo(out);
        if (out.readableBytes() >= EARLY_FLUSH_BYTES)
        {
            flush(session);
        }
    }

    private void flushAll()
    {
        for (int i = 0, size = touched.size(); i < size; i++)
        {
            flush(touched.get(i));
        }
        touched.clear();
    }

    private static void flush(final BinarySession session)
    {
        final ByteBuf out = session.pendingOut;
        if (out == null)
        {
            return;
        }
        session.pendingOut = null;
        final Channel channel = session.channel();
        if (!channel.isActive())
        {
            out.release();
        }
        else if (!channel.isWritable())
        {
            out.release();
            session.onSlowConsumer();
        }
        else
        {
            channel.writeAndFlush(out, channel.voidPromise());
        }
    }
}
