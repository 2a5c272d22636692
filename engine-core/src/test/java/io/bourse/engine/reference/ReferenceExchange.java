package io.bourse.engine.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.ExchangeStateMachine;
import io.bourse.engine.command.AsciiField;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.event.EventLog;
import io.bourse.sbe.CancelOrderDecoder;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.CreateAccountDecoder;
import io.bourse.sbe.DepositDecoder;
import io.bourse.sbe.FreezeAccountDecoder;
import io.bourse.sbe.HaltSymbolDecoder;
import io.bourse.sbe.MassCancelDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.PlaceOrderDecoder;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.ReplaceOrderDecoder;
import io.bourse.sbe.ResumeSymbolDecoder;
import io.bourse.sbe.TickDecoder;
import io.bourse.sbe.TimeInForce;
import io.bourse.sbe.UnfreezeAccountDecoder;
import io.bourse.sbe.WithdrawDecoder;

/**
 * The test-scope reference model of the exchange: docs/semantics.md written out as plainly as possible (sorted maps,
 * linear scans, allocation everywhere) so it is obviously right, for the differential test to hold the engine to.
 * Single-threaded.
 */
public final class ReferenceExchange implements ExchangeStateMachine
{
    private static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;

    private final ReferenceState state;
    private final ReferenceEvents events;
    private final ReferenceMatcher matcher;
    private final ReferenceAdminCommands admin;
    private final ReferenceOrderCommands orders;

    private final UnsafeBuffer visitedClientOrderId = new UnsafeBuffer(new byte[AsciiField.ID_LENGTH]);
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

    public ReferenceExchange(final ExchangeConfig config)
    {
        state = new ReferenceState(config);
        events = new ReferenceEvents(state);
        matcher = new ReferenceMatcher(state, events);
        admin = new ReferenceAdminCommands(state, events);
        orders = new ReferenceOrderCommands(state, events, matcher);
    }

    @Override
    public void process(
        final DirectBuffer command, final int offset, final int length, final long nowNs, final EventLog log)
    {
        events.begin(log);
        expire(nowNs);
        final int blockLength = wellFormedBlockLength(command, offset, length);
        if (blockLength < 0)
        {
            events.reject(CommandType.UNKNOWN, 0, 0, 0, AsciiId.EMPTY, RejectReason.MALFORMED_COMMAND);
            return;
        }
        final int body = offset + HEADER_LENGTH;
        final int version = header.version();
        switch (header.templateId())
        {
            case CreateAccountDecoder.TEMPLATE_ID ->
                admin.createAccount(createAccount.wrap(command, body, blockLength, version));
            case DepositDecoder.TEMPLATE_ID -> admin.deposit(deposit.wrap(command, body, blockLength, version));
            case WithdrawDecoder.TEMPLATE_ID -> admin.withdraw(withdraw.wrap(command, body, blockLength, version));
            case PlaceOrderDecoder.TEMPLATE_ID ->
                orders.placeOrder(placeOrder.wrap(command, body, blockLength, version), nowNs);
            case CancelOrderDecoder.TEMPLATE_ID ->
                orders.cancelOrder(cancelOrder.wrap(command, body, blockLength, version));
            case ReplaceOrderDecoder.TEMPLATE_ID ->
                orders.replaceOrder(replaceOrder.wrap(command, body, blockLength, version));
            case MassCancelDecoder.TEMPLATE_ID ->
                orders.massCancel(massCancel.wrap(command, body, blockLength, version));
            case HaltSymbolDecoder.TEMPLATE_ID ->
                admin.haltSymbol(haltSymbol.wrap(command, body, blockLength, version));
            case ResumeSymbolDecoder.TEMPLATE_ID ->
                admin.resumeSymbol(resumeSymbol.wrap(command, body, blockLength, version));
            case FreezeAccountDecoder.TEMPLATE_ID ->
                admin.freezeAccount(freezeAccount.wrap(command, body, blockLength, version));
            case UnfreezeAccountDecoder.TEMPLATE_ID ->
                admin.unfreezeAccount(unfreezeAccount.wrap(command, body, blockLength, version));
            case TickDecoder.TEMPLATE_ID ->
            {
                // §5: expiry only, already done.
            }
            default -> throw new IllegalStateException("template " + header.templateId() + " passed the decode check");
        }
    }

    /**
     * §4 step 2: the header's block length when the buffer holds a whole command of this schema, else -1. A body
     * shorter than the header's block length (a truncated message) is also malformed.
     */
    private int wellFormedBlockLength(final DirectBuffer command, final int offset, final int length)
    {
        if (length < HEADER_LENGTH)
        {
            return -1;
        }
        header.wrap(command, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return -1;
        }
        final int templateBlockLength = commandBlockLength(header.templateId());
        final int blockLength = header.blockLength();
        if (templateBlockLength < 0 || blockLength < templateBlockLength || length - HEADER_LENGTH < blockLength)
        {
            return -1;
        }
        return blockLength;
    }

    /** The schema's block length of a command template, or -1 for an id that is not a command. */
    private static int commandBlockLength(final int templateId)
    {
        return switch (templateId)
        {
            case CreateAccountDecoder.TEMPLATE_ID -> CreateAccountDecoder.BLOCK_LENGTH;
            case DepositDecoder.TEMPLATE_ID -> DepositDecoder.BLOCK_LENGTH;
            case WithdrawDecoder.TEMPLATE_ID -> WithdrawDecoder.BLOCK_LENGTH;
            case PlaceOrderDecoder.TEMPLATE_ID -> PlaceOrderDecoder.BLOCK_LENGTH;
            case CancelOrderDecoder.TEMPLATE_ID -> CancelOrderDecoder.BLOCK_LENGTH;
            case ReplaceOrderDecoder.TEMPLATE_ID -> ReplaceOrderDecoder.BLOCK_LENGTH;
            case MassCancelDecoder.TEMPLATE_ID -> MassCancelDecoder.BLOCK_LENGTH;
            case HaltSymbolDecoder.TEMPLATE_ID -> HaltSymbolDecoder.BLOCK_LENGTH;
            case ResumeSymbolDecoder.TEMPLATE_ID -> ResumeSymbolDecoder.BLOCK_LENGTH;
            case FreezeAccountDecoder.TEMPLATE_ID -> FreezeAccountDecoder.BLOCK_LENGTH;
            case UnfreezeAccountDecoder.TEMPLATE_ID -> UnfreezeAccountDecoder.BLOCK_LENGTH;
            case TickDecoder.TEMPLATE_ID -> TickDecoder.BLOCK_LENGTH;
            default -> -1;
        };
    }

    /** §4 step 1: every open GTD order with {@code expireTimeNs <= now}, by ascending (expireTimeNs, orderId). */
    private void expire(final long nowNs)
    {
        final List<ReferenceOrder> expired = new ArrayList<>();
        for (final ReferenceOrder order : state.openOrders.values())
        {
            if (order.timeInForce == TimeInForce.GTD.value() && order.expireTimeNs <= nowNs)
            {
                expired.add(order);
            }
        }
        expired.sort(Comparator.<ReferenceOrder>comparingLong(order -> order.expireTimeNs)
            .thenComparingLong(order -> order.orderId));
        for (final ReferenceOrder order : expired)
        {
            matcher.cancel(order, CancelReason.EXPIRED);
        }
    }

    @Override
    public long stateHash()
    {
        return state.stateHash();
    }

    @Override
    public void forEachAccount(final LongConsumer visitor)
    {
        for (final long accountId : state.accounts.keySet())
        {
            visitor.accept(accountId);
        }
    }

    @Override
    public long availableMinor(final long accountId, final int assetId)
    {
        final ReferenceAccount account = state.accounts.get(accountId);
        return account == null ? 0 : account.available(assetId);
    }

    @Override
    public long heldMinor(final long accountId, final int assetId)
    {
        final ReferenceAccount account = state.accounts.get(accountId);
        return account == null ? 0 : account.held(assetId);
    }

    @Override
    public void forEachOpenOrder(final OpenOrderVisitor visitor)
    {
        for (final ReferenceOrder order : new ArrayList<>(state.openOrders.values()))
        {
            final ReferenceBook book = state.books.get(order.symbolId);
            final long tickMinor = book.spec.tickMinor();
            final long lotMinor = book.spec.lotMinor();
            visitor.visit(
                order.orderId,
                order.accountId,
                order.symbolId,
                order.side,
                order.orderType,
                order.priceTicks * tickMinor,
                order.stopPriceTicks * tickMinor,
                order.qtyLots * lotMinor,
                order.filledLots * lotMinor,
                order.filledQuoteMinor,
                order.pendingStop,
                clientOrderId(order.clientOrderId));
        }
    }

    /** The id in a buffer reused for every visited order. */
    private DirectBuffer clientOrderId(final AsciiId id)
    {
        AsciiField.putWords(visitedClientOrderId, 0, id.w0(), id.w1(), id.w2(), id.w3());
        return visitedClientOrderId;
    }

    @Override
    public long bestBidPriceMinor(final int symbolId)
    {
        final ReferenceBook book = state.books.get(symbolId);
        if (book == null || book.bids.isEmpty())
        {
            return NO_PRICE;
        }
        return book.bids.firstKey() * book.spec.tickMinor();
    }

    @Override
    public long bestAskPriceMinor(final int symbolId)
    {
        final ReferenceBook book = state.books.get(symbolId);
        if (book == null || book.asks.isEmpty())
        {
            return NO_PRICE;
        }
        return book.asks.firstKey() * book.spec.tickMinor();
    }

    @Override
    public long lastPriceMinor(final int symbolId)
    {
        final ReferenceBook book = state.books.get(symbolId);
        return book == null ? NO_PRICE : book.lastTicks * book.spec.tickMinor();
    }
}
