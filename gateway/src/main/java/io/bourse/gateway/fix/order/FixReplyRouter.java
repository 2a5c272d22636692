package io.bourse.gateway.fix.order;

import java.util.ArrayList;

import org.agrona.DirectBuffer;

import io.bourse.engine.pipeline.CommandSlot;
import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.gateway.OpenOrders;
import io.bourse.gateway.fix.session.Delivery;
import io.bourse.gateway.fix.session.FixSession;
import io.bourse.gateway.fix.session.FixSessionRegistry;
import io.bourse.sbe.CommandRejectedDecoder;
import io.bourse.sbe.MassCancelCompletedDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.OrderCancelledDecoder;
import io.bourse.sbe.OrderReplacedDecoder;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StopTriggeredDecoder;
import io.bourse.sbe.TradeExecutedDecoder;

/**
 * The FIX gateway's reply listener: decodes each journaled command's events, keeps the {@link OrderTracker} current,
 * and hands {@link OrderReport}s to sessions as one {@link Delivery} per session per command: the session that sent
 * the command gets its outcome (accepted, rejected, mass cancel done), and every logged-on session of an account gets
 * the reports of that account's orders (fills of resting orders included). Runs on the reply thread and never blocks:
 * sessions encode and write on their own event loops.
 */
public final class FixReplyRouter implements ReplyListener
{
    private static final System.Logger LOG = System.getLogger(FixReplyRouter.class.getName());

    private final FixSessionRegistry registry;
    private final OrderTracker tracker = new OrderTracker();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
    private final TradeExecutedDecoder trade = new TradeExecutedDecoder();
    private final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
    private final OrderReplacedDecoder replaced = new OrderReplacedDecoder();
    private final StopTriggeredDecoder triggered = new StopTriggeredDecoder();
    private final CommandRejectedDecoder rejected = new CommandRejectedDecoder();
    private final MassCancelCompletedDecoder massCancelled = new MassCancelCompletedDecoder();
    private final ArrayList<Delivery> deliveries = new ArrayList<>();
    private FixSession source;
    private long engineSequence;
    private long engineTimeNs;
    private int reportIndex;

    public FixReplyRouter(final FixSessionRegistry registry)
    {
        this.registry = registry;
    }

    @Override
    public void onReply(final CommandSlot slot, final boolean endOfBatch)
    {
        try
        {
            route(slot);
        }
        catch (final RuntimeException ex)
        {
            // A gateway bug must not stop the exchange: the journal holds the truth; the session misses a report.
            LOG.log(System.Logger.Level.ERROR, "FIX reply routing failed at engine sequence " + slot.engineSequence(), ex);
        }
        finally
        {
            deliveries.clear();
            source = null;
        }
    }

    private void route(final CommandSlot slot)
    {
        source = registry.bySourceId(slot.sourceId());
        engineSequence = slot.engineSequence();
        engineTimeNs = slot.engineTimeNs();
        reportIndex = 0;
        final DirectBuffer buffer = slot.events().buffer();
        final int length = slot.events().length();
        int offset = 0;
        while (offset + MessageHeaderDecoder.ENCODED_LENGTH <= length)
        {
            header.wrap(buffer, offset);
            final int blockLength = header.blockLength();
            final int version = header.version();
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            switch (header.templateId())
            {
                case OrderAcceptedDecoder.TEMPLATE_ID -> onAccepted(accepted.wrap(buffer, body, blockLength, version));
                case TradeExecutedDecoder.TEMPLATE_ID -> onTrade(trade.wrap(buffer, body, blockLength, version));
                case OrderCancelledDecoder.TEMPLATE_ID -> onCancelled(cancelled.wrap(buffer, body, blockLength, version));
                case OrderReplacedDecoder.TEMPLATE_ID -> onReplaced(replaced.wrap(buffer, body, blockLength, version));
                case StopTriggeredDecoder.TEMPLATE_ID -> onTriggered(triggered.wrap(buffer, body, blockLength, version));
                case CommandRejectedDecoder.TEMPLATE_ID -> onRejected(rejected.wrap(buffer, body, blockLength, version));
                case MassCancelCompletedDecoder.TEMPLATE_ID ->
                    onMassCancelled(massCancelled.wrap(buffer, body, blockLength, version));
                default ->
                {
                    // balance, account and symbol events are not reported over FIX
                }
            }
            offset = body + blockLength;
        }
        if (source != null)
        {
            // Always, even without reports: the session matches each reply with the request it published.
            deliveryFor(source);
        }
        for (int i = 0; i < deliveries.size(); i++)
        {
            final Delivery delivery = deliveries.get(i);
            delivery.session().deliver(delivery);
        }
    }

    private void onAccepted(final OrderAcceptedDecoder event)
    {
        final TrackedOrder order = tracker.open(event.orderId());
        order.accountId = event.accountId();
        order.symbolId = event.symbolId();
        order.side = event.side();
        order.orderType = event.orderType();
        order.clOrdId = event.clientOrderId();
        order.orderQtyMinor = event.qtyMinor();
        order.priceMinor = event.priceMinor();
        order.stopPriceMinor = event.stopPriceMinor();
        order.leavesQtyMinor = event.qtyMinor();
        if (isWatched(order.accountId))
        {
            toAccount(report(OrderReport.Kind.NEW, order));
        }
    }

    private void onTrade(final TradeExecutedDecoder event)
    {
        final Side aggressor = event.aggressorSide();
        final Side makerSide = aggressor == Side.BUY ? Side.SELL : Side.BUY;
        fill(event.makerOrderId(), event.makerAccountId(), event.symbolId(), makerSide, event, event.makerLeavesQtyMinor());
        fill(event.takerOrderId(), event.takerAccountId(), event.symbolId(), aggressor, event, event.takerLeavesQtyMinor());
    }

    private void fill(
        final long orderId,
        final long accountId,
        final int symbolId,
        final Side side,
        final TradeExecutedDecoder event,
        final long leavesQtyMinor)
    {
        final TrackedOrder order = tracker.get(orderId, accountId, symbolId, side);
        order.cumQtyMinor += event.qtyMinor();
        order.cumQuoteMinor += event.quoteQtyMinor();
        order.leavesQtyMinor = leavesQtyMinor;
        if (isWatched(accountId))
        {
            final OrderReport report = report(OrderReport.Kind.TRADE, order);
            report.lastPriceMinor = event.priceMinor();
            report.lastQtyMinor = event.qtyMinor();
            toAccount(report);
        }
        if (leavesQtyMinor == 0)
        {
            tracker.close(orderId);
        }
    }

    private void onCancelled(final OrderCancelledDecoder event)
    {
        final TrackedOrder order = tracker.get(event.orderId(), event.accountId(), event.symbolId(), event.side());
        if (order.clOrdId == null)
        {
            order.clOrdId = event.clientOrderId();
        }
        order.cumQtyMinor = event.filledQtyMinor();
        order.leavesQtyMinor = 0;
        tracker.close(event.orderId());
        if (isWatched(order.accountId))
        {
            final OrderReport report = report(OrderReport.Kind.CANCELLED, order);
            report.cancelReason = event.reason();
            toAccount(report);
        }
    }

    private void onReplaced(final OrderReplacedDecoder event)
    {
        final TrackedOrder order = tracker.get(event.orderId(), event.accountId(), event.symbolId(), event.side());
        order.clOrdId = event.clientOrderId();
        order.priceMinor = event.priceMinor();
        order.orderQtyMinor = event.qtyMinor();
        order.leavesQtyMinor = event.leavesQtyMinor();
        order.cumQtyMinor = event.filledQtyMinor();
        if (order.leavesQtyMinor == 0)
        {
            tracker.close(event.orderId());
        }
        if (isWatched(order.accountId))
        {
            final OrderReport report = report(OrderReport.Kind.REPLACED, order);
            report.origClOrdId = event.origClientOrderId();
            toAccount(report);
        }
    }

    private void onTriggered(final StopTriggeredDecoder event)
    {
        final TrackedOrder order = tracker.get(event.orderId(), event.accountId(), event.symbolId(), event.side());
        if (isWatched(order.accountId))
        {
            final OrderReport report = report(OrderReport.Kind.TRIGGERED, order);
            report.lastPriceMinor = event.lastPriceMinor();
            toAccount(report);
        }
    }

    private void onRejected(final CommandRejectedDecoder event)
    {
        if (source == null)
        {
            return;
        }
        final OrderReport report = newReport(OrderReport.Kind.REJECTED);
        report.commandType = event.commandType();
        report.accountId = event.accountId();
        report.symbolId = event.symbolId();
        report.orderId = event.orderId();
        report.clOrdId = event.clientOrderId();
        report.rejectReason = event.reason();
        deliveryFor(source).reports().add(report);
    }

    private void onMassCancelled(final MassCancelCompletedDecoder event)
    {
        if (source == null)
        {
            return;
        }
        final OrderReport report = newReport(OrderReport.Kind.MASS_CANCEL_DONE);
        report.accountId = event.accountId();
        report.symbolId = event.symbolId();
        report.cancelledCount = event.cancelledCount();
        deliveryFor(source).reports().add(report);
    }

    private boolean isWatched(final long accountId)
    {
        return (source != null && source.accountId() == accountId) || registry.byAccount(accountId).length > 0;
    }

    private OrderReport newReport(final OrderReport.Kind kind)
    {
        final OrderReport report = new OrderReport();
        report.kind = kind;
        report.engineSequence = engineSequence;
        report.transactTimeNs = engineTimeNs;
        report.execId = engineSequence + "-" + reportIndex++;
        return report;
    }

    private OrderReport report(final OrderReport.Kind kind, final TrackedOrder order)
    {
        final OrderReport report = newReport(kind);
        report.orderId = order.orderId;
        report.accountId = order.accountId;
        report.symbolId = order.symbolId;
        report.side = order.side;
        report.orderType = order.orderType;
        report.clOrdId = order.clOrdId;
        report.orderQtyMinor = order.orderQtyMinor;
        report.priceMinor = order.priceMinor;
        report.stopPriceMinor = order.stopPriceMinor;
        report.cumQtyMinor = order.cumQtyMinor;
        report.cumQuoteMinor = order.cumQuoteMinor;
        report.leavesQtyMinor = order.leavesQtyMinor;
        return report;
    }

    private void toAccount(final OrderReport report)
    {
        final FixSession[] sessions = registry.byAccount(report.accountId);
        boolean sourceIncluded = false;
        for (final FixSession session : sessions)
        {
            deliveryFor(session).reports().add(report);
            sourceIncluded |= session == source;
        }
        if (!sourceIncluded && source != null && source.accountId() == report.accountId)
        {
            // registration is two map updates: between them the source may not be listed under its account yet
            deliveryFor(source).reports().add(report);
        }
    }

    private Delivery deliveryFor(final FixSession session)
    {
        for (int i = 0; i < deliveries.size(); i++)
        {
            if (deliveries.get(i).session() == session)
            {
                return deliveries.get(i);
            }
        }
        final Delivery delivery = new Delivery(session, session == source);
        deliveries.add(delivery);
        return delivery;
    }

    /**
     * Replaces the tracked orders with the engine's open orders: on the reply thread, at the capture's place in the
     * sequence ({@link OpenOrders#seed}).
     */
    public void seed(final OpenOrders openOrders)
    {
        tracker.clear();
        for (int i = 0, size = openOrders.size(); i < size; i++)
        {
            final TrackedOrder order = tracker.open(openOrders.orderId(i));
            order.accountId = openOrders.accountId(i);
            order.symbolId = openOrders.symbolId(i);
            order.side = Side.get(openOrders.side(i));
            order.orderType = OrderType.get(openOrders.orderType(i));
            order.clOrdId = openOrders.clientOrderId(i);
            order.orderQtyMinor = openOrders.qtyMinor(i);
            order.priceMinor = openOrders.priceMinor(i);
            order.stopPriceMinor = openOrders.stopPriceMinor(i);
            order.cumQtyMinor = openOrders.filledQtyMinor(i);
            order.cumQuoteMinor = openOrders.filledQuoteMinor(i);
            order.leavesQtyMinor = openOrders.qtyMinor(i) - openOrders.filledQtyMinor(i);
        }
    }

    /** Open orders being tracked (for tests and metrics). */
    public int trackedOrders()
    {
        return tracker.size();
    }
}
