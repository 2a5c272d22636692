package io.bourse.engine;

import java.util.function.LongConsumer;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.account.Account;
import io.bourse.engine.book.Order;
import io.bourse.engine.book.OrderCodes;
import io.bourse.engine.book.PriceLevel;
import io.bourse.engine.book.SymbolBook;
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
import io.bourse.sbe.UnfreezeAccountDecoder;
import io.bourse.sbe.WithdrawDecoder;

/**
 * The exchange state machine: order books, accounts and holds, driven one SBE command at a time
 * (docs/semantics.md). Deterministic — the same commands with the same timestamps always give the same events
 * and state hash — and allocation-free in steady state. Single-threaded: owned by the engine thread.
 */
public final class ExchangeEngine implements ExchangeStateMachine
{
    private static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;

    private final ExchangeState state;
    private final Ledger ledger;
    private final OrderEvents orderEvents = new OrderEvents();
    private final Matcher matcher;
    private final OrderEntry orderEntry;
    private final AdminCommands admin;

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
    /** Handed to {@link OpenOrderVisitor}s: the visited order's client order id, rewritten per order. */
    private final UnsafeBuffer visitedClientOrderId = new UnsafeBuffer(new byte[AsciiField.ID_LENGTH]);

    public ExchangeEngine(final ExchangeConfig config)
    {
        this(new ExchangeState(config));
    }

    ExchangeEngine(final ExchangeState state)
    {
        this.state = state;
        this.ledger = new Ledger(state);
        this.matcher = new Matcher(state, ledger, orderEvents);
        this.orderEntry = new OrderEntry(state, ledger, orderEvents, matcher);
        this.admin = new AdminCommands(state, ledger, orderEvents);
    }

    public ExchangeConfig config()
    {
        return state.config;
    }

    ExchangeState state()
    {
        return state;
    }

    @Override
    public void process(final DirectBuffer command, final int offset, final int length, final long nowNs, final EventLog events)
    {
        ledger.events(events);
        orderEvents.events(events);
        admin.events(events);
        expire(nowNs);
        if (length < HEADER_LENGTH)
        {
            malformed();
            return;
        }
        header.wrap(command, offset);
        final int blockLength = header.blockLength();
        final int version = header.version();
        final int body = offset + HEADER_LENGTH;
        final int available = length - HEADER_LENGTH;
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID || blockLength > available)
        {
            malformed();
            return;
        }
        switch (header.templateId())
        {
            case PlaceOrderDecoder.TEMPLATE_ID:
                if (blockLength >= PlaceOrderDecoder.BLOCK_LENGTH)
                {
                    orderEntry.place(placeOrder.wrap(command, body, blockLength, version), nowNs);
                    return;
                }
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                if (blockLength >= CancelOrderDecoder.BLOCK_LENGTH)
                {
                    orderEntry.cancel(cancelOrder.wrap(command, body, blockLength, version));
                    return;
                }
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                if (blockLength >= ReplaceOrderDecoder.BLOCK_LENGTH)
                {
                    orderEntry.replace(replaceOrder.wrap(command, body, blockLength, version));
                    return;
                }
                break;
            case MassCancelDecoder.TEMPLATE_ID:
                if (blockLength >= MassCancelDecoder.BLOCK_LENGTH)
                {
                    orderEntry.massCancel(massCancel.wrap(command, body, blockLength, version));
                    return;
                }
                break;
            case TickDecoder.TEMPLATE_ID:
                return;
            case CreateAccountDecoder.TEMPLATE_ID:
                if (blockLength >= CreateAccountDecoder.BLOCK_LENGTH)
                {
                    admin.createAccount(createAccount.wrap(command, body, blockLength, version));
                    return;
                }
                break;
            case DepositDecoder.TEMPLATE_ID:
                if (blockLength >= DepositDecoder.BLOCK_LENGTH)
                {
                    admin.deposit(deposit.wrap(command, body, blockLength, version));
                    return;
                }
                break;
            case WithdrawDecoder.TEMPLATE_ID:
                if (blockLength >= WithdrawDecoder.BLOCK_LENGTH)
                {
                    admin.withdraw(withdraw.wrap(command, body, blockLength, version));
                    return;
                }
                break;
            case HaltSymbolDecoder.TEMPLATE_ID:
                if (blockLength >= HaltSymbolDecoder.BLOCK_LENGTH)
                {
                    admin.halt(haltSymbol.wrap(command, body, blockLength, version));
                    return;
                }
                break;
            case ResumeSymbolDecoder.TEMPLATE_ID:
                if (blockLength >= ResumeSymbolDecoder.BLOCK_LENGTH)
                {
                    admin.resume(resumeSymbol.wrap(command, body, blockLength, version));
                    return;
                }
                break;
            case FreezeAccountDecoder.TEMPLATE_ID:
                if (blockLength >= FreezeAccountDecoder.BLOCK_LENGTH)
                {
                    admin.freeze(freezeAccount.wrap(command, body, blockLength, version));
                    return;
                }
                break;
            case UnfreezeAccountDecoder.TEMPLATE_ID:
                if (blockLength >= UnfreezeAccountDecoder.BLOCK_LENGTH)
                {
                    admin.unfreeze(unfreezeAccount.wrap(command, body, blockLength, version));
                    return;
                }
                break;
            default:
                break;
        }
        malformed();
    }

    /** Expires every GTD order due at {@code nowNs}, by (expire time, order id): §4 step 1. */
    private void expire(final long nowNs)
    {
        while (!state.expiries.isEmpty() && state.expiries.peekTimeNs() <= nowNs)
        {
            final long expireTimeNs = state.expiries.peekTimeNs();
            final Order order = state.openOrders.get(state.expiries.peekOrderId());
            state.expiries.poll();
            // Entries of orders that ended early stay in the queue; an order id is never reused.
            if (order != null && order.timeInForce == OrderCodes.GTD && order.expireTimeNs == expireTimeNs)
            {
                matcher.cancel(order, CancelReason.EXPIRED);
            }
        }
    }

    private void malformed()
    {
        orderEvents.rejected(CommandType.UNKNOWN, 0, 0, 0, null, -1, RejectReason.MALFORMED_COMMAND);
    }

    @Override
    public long stateHash()
    {
        return StateHashing.hash(state);
    }

    @Override
    public void forEachAccount(final LongConsumer visitor)
    {
        for (final Account account : state.accounts.values())
        {
            visitor.accept(account.id);
        }
    }

    @Override
    public long availableMinor(final long accountId, final int assetId)
    {
        final Account account = state.accounts.get(accountId);
        final int assetIndex = state.assetIndex(assetId);
        return account == null || assetIndex < 0 ? 0 : account.available[assetIndex];
    }

    @Override
    public long heldMinor(final long accountId, final int assetId)
    {
        final Account account = state.accounts.get(accountId);
        final int assetIndex = state.assetIndex(assetId);
        return account == null || assetIndex < 0 ? 0 : account.held[assetIndex];
    }

    @Override
    public void forEachOpenOrder(final OpenOrderVisitor visitor)
    {
        // Walk the accounts' open-order lists: dense, unlike the order-id map's sparse table.
        for (final Account account : state.accounts.values())
        {
            for (Order order = account.firstOpenOrder(); order != null; order = order.accountNext)
            {
                final long tick = order.book.spec.tickMinor();
                final long lot = order.book.spec.lotMinor();
                AsciiField.putWords(visitedClientOrderId, 0, order.clientOrderId0, order.clientOrderId1,
                    order.clientOrderId2, order.clientOrderId3);
                visitor.visit(order.orderId, order.accountId, order.book.spec.id(), order.side, order.orderType,
                    order.priceTicks * tick, order.stopPriceTicks * tick, order.qtyLots * lot, order.filledLots * lot,
                    order.filledQuoteMinor, order.pendingStop, visitedClientOrderId);
            }
        }
    }

    @Override
    public long bestBidPriceMinor(final int symbolId)
    {
        return bestPrice(symbolId, true);
    }

    @Override
    public long bestAskPriceMinor(final int symbolId)
    {
        return bestPrice(symbolId, false);
    }

    @Override
    public long lastPriceMinor(final int symbolId)
    {
        final SymbolBook book = state.symbol(symbolId);
        return book == null ? NO_PRICE : book.lastPriceTicks * book.spec.tickMinor();
    }

    private long bestPrice(final int symbolId, final boolean bid)
    {
        final SymbolBook book = state.symbol(symbolId);
        if (book == null)
        {
            return NO_PRICE;
        }
        final PriceLevel best = (bid ? book.bids : book.asks).best();
        return best == null ? NO_PRICE : best.priceTicks() * book.spec.tickMinor();
    }
}
