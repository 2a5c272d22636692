package io.bourse.engine.behaviour;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.ExchangeStateMachine;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.event.MessageFormatter;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.CancelOrderEncoder;
import io.bourse.sbe.CreateAccountEncoder;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.PlaceOrderEncoder;
import io.bourse.sbe.ReplaceOrderEncoder;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * Test DSL over one {@link ExchangeStateMachine}: encodes a command with a {@link CommandWriter}, processes it at
 * the driver's explicit time {@link #now()}, and returns that command's events decoded into {@link Event} values.
 * After every command it checks what the events alone must satisfy (docs/semantics.md §3, BalanceChanged "after"
 * fields): each balance event's after-values equal the previous after-values plus its deltas, and never go negative.
 */
public final class ExchangeDriver
{
    /** The symbol and assets of {@link BehaviourConfigs} (and of {@code TestConfigs.simple()}). */
    public static final int SYMBOL = 1;
    public static final int BASE = 1;
    public static final int QUOTE = 2;
    public static final long FEE_ACCOUNT = 0;
    /** Engine time of the first command: 1 s after the epoch, so "before now" times exist. */
    public static final long START_NS = 1_000_000_000L;
    public static final String REASON = "behaviour test";

    private final ExchangeStateMachine machine;
    private final CommandWriter writer = new CommandWriter();
    private final EventLog log = new EventLog();
    private final EventDecoder decoder = new EventDecoder();
    private final MessageFormatter formatter = new MessageFormatter();
    private final Map<Long, Map<Integer, long[]>> ledger = new TreeMap<>();
    private final List<Event> history = new ArrayList<>();
    private long nowNs = START_NS;

    public ExchangeDriver(final ExchangeStateMachine machine)
    {
        this.machine = machine;
    }

    public ExchangeStateMachine machine()
    {
        return machine;
    }

    /** Engine time the next command is given. */
    public long now()
    {
        return nowNs;
    }

    /** Sets the time of the following commands; time never goes backwards. */
    public ExchangeDriver at(final long timeNs)
    {
        if (timeNs < nowNs)
        {
            throw new IllegalArgumentException("time goes backwards: " + timeNs + " < " + nowNs);
        }
        nowNs = timeNs;
        return this;
    }

    public ExchangeDriver advanceBy(final long durationNs)
    {
        return at(nowNs + durationNs);
    }

    /** Every event since the driver was created. */
    public List<Event> history()
    {
        return history;
    }

    // ---------------------------------------------------------------- admin commands

    public List<Event> createAccount(final long accountId)
    {
        return createAccount(accountId, false);
    }

    public List<Event> createAccount(final long accountId, final boolean allowSelfTrade)
    {
        return createAccount(accountId, (short)(allowSelfTrade ? 1 : 0), REASON);
    }

    /** CreateAccount with a raw allowSelfTrade byte and an explicit reason (blank or empty to test MISSING_REASON). */
    public List<Event> createAccount(final long accountId, final short allowSelfTradeRaw, final String reason)
    {
        final CreateAccountEncoder encoder = writer.createAccount().accountId(accountId).reason(reason);
        writer.buffer().putByte(
            encoder.offset() + CreateAccountEncoder.allowSelfTradeEncodingOffset(), (byte)allowSelfTradeRaw);
        return send();
    }

    public List<Event> deposit(final long accountId, final int assetId, final long amountMinor, final String ref)
    {
        return deposit(accountId, assetId, amountMinor, ref, REASON);
    }

    public List<Event> deposit(
        final long accountId, final int assetId, final long amountMinor, final String ref, final String reason)
    {
        writer.deposit().accountId(accountId).assetId(assetId).amountMinor(amountMinor).externalRef(ref)
            .reason(reason);
        return send();
    }

    public List<Event> withdraw(final long accountId, final int assetId, final long amountMinor, final String ref)
    {
        return withdraw(accountId, assetId, amountMinor, ref, REASON);
    }

    public List<Event> withdraw(
        final long accountId, final int assetId, final long amountMinor, final String ref, final String reason)
    {
        writer.withdraw().accountId(accountId).assetId(assetId).amountMinor(amountMinor).externalRef(ref)
            .reason(reason);
        return send();
    }

    public List<Event> halt(final int symbolId)
    {
        return halt(symbolId, REASON);
    }

    public List<Event> halt(final int symbolId, final String reason)
    {
        writer.haltSymbol().symbolId(symbolId).reason(reason);
        return send();
    }

    public List<Event> resume(final int symbolId)
    {
        return resume(symbolId, REASON);
    }

    public List<Event> resume(final int symbolId, final String reason)
    {
        writer.resumeSymbol().symbolId(symbolId).reason(reason);
        return send();
    }

    public List<Event> freeze(final long accountId)
    {
        return freeze(accountId, REASON);
    }

    public List<Event> freeze(final long accountId, final String reason)
    {
        writer.freezeAccount().accountId(accountId).reason(reason);
        return send();
    }

    public List<Event> unfreeze(final long accountId)
    {
        return unfreeze(accountId, REASON);
    }

    public List<Event> unfreeze(final long accountId, final String reason)
    {
        writer.unfreezeAccount().accountId(accountId).reason(reason);
        return send();
    }

    /** A Tick at the current time. */
    public List<Event> tick()
    {
        writer.tick();
        return send();
    }

    /** Moves time to {@code timeNs} and sends a Tick. */
    public List<Event> tick(final long timeNs)
    {
        at(timeNs);
        return tick();
    }

    // ---------------------------------------------------------------- trading commands

    /** Starts a PlaceOrder: a GTC LIMIT buy on {@link #SYMBOL} with STP CANCEL_TAKER until told otherwise. */
    public OrderBuilder order(final long accountId)
    {
        return new OrderBuilder(accountId);
    }

    public List<Event> cancel(final long accountId, final long orderId)
    {
        return cancel(accountId, orderId, "");
    }

    public List<Event> cancelByClientId(final long accountId, final String clientOrderId)
    {
        return cancel(accountId, 0, clientOrderId);
    }

    public List<Event> cancel(final long accountId, final long orderId, final String clientOrderId)
    {
        final CancelOrderEncoder encoder = writer.cancelOrder().accountId(accountId).orderId(orderId);
        encoder.clientOrderId(clientOrderId);
        return send();
    }

    /** Starts a ReplaceOrder of {@code orderId} (0 to target by {@link ReplaceBuilder#origClOrdId}). */
    public ReplaceBuilder replace(final long accountId, final long orderId)
    {
        return new ReplaceBuilder(accountId, orderId);
    }

    /** Amends an order to a new price and total quantity, keeping its client order id. */
    public List<Event> replace(final long accountId, final long orderId, final long priceMinor, final long qtyMinor)
    {
        return replace(accountId, orderId).price(priceMinor).qty(qtyMinor).send();
    }

    public List<Event> massCancel(final long accountId, final int symbolId)
    {
        writer.massCancel().accountId(accountId).symbolId(symbolId);
        return send();
    }

    /** Sends arbitrary bytes as a command (for malformed input). */
    public List<Event> raw(final byte[] bytes, final int length)
    {
        return process(new UnsafeBuffer(bytes), length);
    }

    // ---------------------------------------------------------------- view

    public long available(final long accountId, final int assetId)
    {
        return machine.availableMinor(accountId, assetId);
    }

    public long held(final long accountId, final int assetId)
    {
        return machine.heldMinor(accountId, assetId);
    }

    public long bestBid()
    {
        return machine.bestBidPriceMinor(SYMBOL);
    }

    public long bestAsk()
    {
        return machine.bestAskPriceMinor(SYMBOL);
    }

    public long last()
    {
        return machine.lastPriceMinor(SYMBOL);
    }

    /** Open orders (resting and pending stops) by ascending order id. */
    public List<OpenOrder> openOrders()
    {
        final Map<Long, OpenOrder> orders = new TreeMap<>();
        machine.forEachOpenOrder((orderId, accountId, symbolId, side, orderType, priceMinor, stopPriceMinor,
            qtyMinor, filledQtyMinor, filledQuoteMinor, pendingStop, clientOrderId) -> orders.put(orderId,
            new OpenOrder(orderId, accountId, symbolId, Side.get(side), OrderType.get(orderType), priceMinor,
            stopPriceMinor, qtyMinor, filledQtyMinor, pendingStop)));
        return new ArrayList<>(orders.values());
    }

    /** Sum of available + held of an asset over every account the view reports, fee account included. */
    public long totalBalance(final int assetId)
    {
        final long[] total = new long[1];
        machine.forEachAccount(accountId ->
            total[0] = Math.addExact(total[0], Math.addExact(available(accountId, assetId), held(accountId, assetId))));
        return total[0];
    }

    /** Receives one account's held amount of one asset. */
    @FunctionalInterface
    public interface HeldVisitor
    {
        void visit(long accountId, int assetId, long heldMinor);
    }

    /** Visits what the view reports held for every (account, asset) that ever had a BalanceChanged event. */
    public void forEachHeldBalance(final HeldVisitor visitor)
    {
        for (final Map.Entry<Long, Map<Integer, long[]>> account : ledger.entrySet())
        {
            for (final Integer assetId : account.getValue().keySet())
            {
                visitor.visit(account.getKey(), assetId, held(account.getKey(), assetId));
            }
        }
    }

    /** The balances the view reports equal what the BalanceChanged events so far add up to. */
    public void assertViewMatchesEvents()
    {
        for (final Map.Entry<Long, Map<Integer, long[]>> account : ledger.entrySet())
        {
            for (final Map.Entry<Integer, long[]> asset : account.getValue().entrySet())
            {
                final long accountId = account.getKey();
                final int assetId = asset.getKey();
                final long[] expected = asset.getValue();
                if (available(accountId, assetId) != expected[0] || held(accountId, assetId) != expected[1])
                {
                    throw new AssertionError("view of account " + accountId + " asset " + assetId + " is "
                        + available(accountId, assetId) + "/" + held(accountId, assetId)
                        + " (available/held) but the events add up to " + expected[0] + "/" + expected[1]);
                }
            }
        }
    }

    // ---------------------------------------------------------------- internals

    private List<Event> send()
    {
        return process(writer.buffer(), writer.length());
    }

    private List<Event> process(final org.agrona.DirectBuffer command, final int length)
    {
        log.reset();
        machine.process(command, 0, length, nowNs, log);
        final List<Event> events = decoder.decode(log.buffer(), log.length());
        checkBalanceEvents(events);
        history.addAll(events);
        return events;
    }

    private void checkBalanceEvents(final List<Event> events)
    {
        for (final Event event : events)
        {
            if (event instanceof Event.Undecodable)
            {
                throw new AssertionError("undecodable event " + event + " in\n" + formatEvents());
            }
            if (event instanceof Event.Balance balance)
            {
                final long[] ledgerEntry = ledger.computeIfAbsent(balance.accountId(), id -> new HashMap<>())
                    .computeIfAbsent(balance.assetId(), id -> new long[2]);
                final long available = ledgerEntry[0] + balance.deltaAvailableMinor();
                final long held = ledgerEntry[1] + balance.deltaHeldMinor();
                if (balance.deltaAvailableMinor() == 0 && balance.deltaHeldMinor() == 0)
                {
                    throw new AssertionError("BalanceChanged with both deltas 0 (§7): " + balance);
                }
                if (available != balance.availableMinor() || held != balance.heldMinor())
                {
                    throw new AssertionError("BalanceChanged after-values do not follow from the previous "
                        + ledgerEntry[0] + "/" + ledgerEntry[1] + " plus its deltas: " + balance);
                }
                if (available < 0 || held < 0)
                {
                    throw new AssertionError("negative balance (§3): " + balance);
                }
                ledgerEntry[0] = available;
                ledgerEntry[1] = held;
            }
        }
    }

    private String formatEvents()
    {
        return formatter.formatEvents(log.buffer(), log.length());
    }

    /** One open order as the view reports it. */
    public record OpenOrder(
        long orderId,
        long accountId,
        int symbolId,
        Side side,
        OrderType orderType,
        long priceMinor,
        long stopPriceMinor,
        long qtyMinor,
        long filledQtyMinor,
        boolean pendingStop)
    {
    }

    /** Fluent PlaceOrder; enum fields may be set to raw values outside the schema to test validation. */
    public final class OrderBuilder
    {
        private final long accountId;
        private int symbolId = SYMBOL;
        private String clientOrderId = "";
        private short side = Side.BUY.value();
        private short orderType = OrderType.LIMIT.value();
        private short timeInForce = TimeInForce.GTC.value();
        private boolean timeInForceSet;
        private short stpMode = StpMode.CANCEL_TAKER.value();
        private short postOnly = BooleanType.FALSE.value();
        private long priceMinor;
        private long stopPriceMinor;
        private long qtyMinor;
        private long expireTimeNs;

        private OrderBuilder(final long accountId)
        {
            this.accountId = accountId;
        }

        public OrderBuilder symbol(final int symbolId)
        {
            this.symbolId = symbolId;
            return this;
        }

        public OrderBuilder buy()
        {
            return sideRaw(Side.BUY.value());
        }

        public OrderBuilder sell()
        {
            return sideRaw(Side.SELL.value());
        }

        public OrderBuilder sideRaw(final short side)
        {
            this.side = side;
            return this;
        }

        /** A LIMIT order at this price. */
        public OrderBuilder limit(final long priceMinor)
        {
            this.orderType = OrderType.LIMIT.value();
            this.priceMinor = priceMinor;
            return this;
        }

        /** A MARKET order; IOC unless a time in force is given. */
        public OrderBuilder market()
        {
            this.orderType = OrderType.MARKET.value();
            if (!timeInForceSet)
            {
                this.timeInForce = TimeInForce.IOC.value();
            }
            return this;
        }

        /** A STOP (stop-market) order with this trigger price. */
        public OrderBuilder stop(final long stopPriceMinor)
        {
            this.orderType = OrderType.STOP.value();
            this.stopPriceMinor = stopPriceMinor;
            return this;
        }

        /** A STOP_LIMIT order with this trigger price and limit price. */
        public OrderBuilder stopLimit(final long stopPriceMinor, final long priceMinor)
        {
            this.orderType = OrderType.STOP_LIMIT.value();
            this.stopPriceMinor = stopPriceMinor;
            this.priceMinor = priceMinor;
            return this;
        }

        public OrderBuilder typeRaw(final short orderType)
        {
            this.orderType = orderType;
            return this;
        }

        public OrderBuilder gtc()
        {
            return tifRaw(TimeInForce.GTC.value());
        }

        public OrderBuilder ioc()
        {
            return tifRaw(TimeInForce.IOC.value());
        }

        public OrderBuilder fok()
        {
            return tifRaw(TimeInForce.FOK.value());
        }

        /** GTD with this expiry time. */
        public OrderBuilder gtd(final long expireTimeNs)
        {
            this.expireTimeNs = expireTimeNs;
            return tifRaw(TimeInForce.GTD.value());
        }

        public OrderBuilder tifRaw(final short timeInForce)
        {
            this.timeInForce = timeInForce;
            this.timeInForceSet = true;
            return this;
        }

        public OrderBuilder price(final long priceMinor)
        {
            this.priceMinor = priceMinor;
            return this;
        }

        public OrderBuilder stopPrice(final long stopPriceMinor)
        {
            this.stopPriceMinor = stopPriceMinor;
            return this;
        }

        public OrderBuilder qty(final long qtyMinor)
        {
            this.qtyMinor = qtyMinor;
            return this;
        }

        public OrderBuilder expire(final long expireTimeNs)
        {
            this.expireTimeNs = expireTimeNs;
            return this;
        }

        public OrderBuilder clOrdId(final String clientOrderId)
        {
            this.clientOrderId = clientOrderId;
            return this;
        }

        public OrderBuilder postOnly()
        {
            return postOnlyRaw(BooleanType.TRUE.value());
        }

        public OrderBuilder postOnlyRaw(final short postOnly)
        {
            this.postOnly = postOnly;
            return this;
        }

        public OrderBuilder stp(final StpMode stpMode)
        {
            return stpRaw(stpMode.value());
        }

        public OrderBuilder stpRaw(final short stpMode)
        {
            this.stpMode = stpMode;
            return this;
        }

        long accountId()
        {
            return accountId;
        }

        int symbolId()
        {
            return symbolId;
        }

        String clientOrderId()
        {
            return clientOrderId;
        }

        public List<Event> send()
        {
            final PlaceOrderEncoder encoder = writer.placeOrder()
                .accountId(accountId)
                .symbolId(symbolId)
                .clientOrderId(clientOrderId)
                .priceMinor(priceMinor)
                .stopPriceMinor(stopPriceMinor)
                .qtyMinor(qtyMinor)
                .expireTimeNs(expireTimeNs);
            final int offset = encoder.offset();
            writer.buffer().putByte(offset + PlaceOrderEncoder.sideEncodingOffset(), (byte)side);
            writer.buffer().putByte(offset + PlaceOrderEncoder.orderTypeEncodingOffset(), (byte)orderType);
            writer.buffer().putByte(offset + PlaceOrderEncoder.timeInForceEncodingOffset(), (byte)timeInForce);
            writer.buffer().putByte(offset + PlaceOrderEncoder.stpModeEncodingOffset(), (byte)stpMode);
            writer.buffer().putByte(offset + PlaceOrderEncoder.postOnlyEncodingOffset(), (byte)postOnly);
            return ExchangeDriver.this.send();
        }
    }

    /** Fluent ReplaceOrder. */
    public final class ReplaceBuilder
    {
        private final long accountId;
        private final long orderId;
        private String origClientOrderId = "";
        private String clientOrderId = "";
        private long priceMinor;
        private long qtyMinor;

        private ReplaceBuilder(final long accountId, final long orderId)
        {
            this.accountId = accountId;
            this.orderId = orderId;
        }

        public ReplaceBuilder price(final long priceMinor)
        {
            this.priceMinor = priceMinor;
            return this;
        }

        public ReplaceBuilder qty(final long qtyMinor)
        {
            this.qtyMinor = qtyMinor;
            return this;
        }

        /** The new client order id; empty keeps the current one. */
        public ReplaceBuilder clOrdId(final String clientOrderId)
        {
            this.clientOrderId = clientOrderId;
            return this;
        }

        /** Targets the order by its current client order id (with order id 0). */
        public ReplaceBuilder origClOrdId(final String origClientOrderId)
        {
            this.origClientOrderId = origClientOrderId;
            return this;
        }

        long accountId()
        {
            return accountId;
        }

        long orderId()
        {
            return orderId;
        }

        String clientOrderId()
        {
            return clientOrderId;
        }

        public List<Event> send()
        {
            final ReplaceOrderEncoder encoder = writer.replaceOrder()
                .accountId(accountId)
                .orderId(orderId)
                .priceMinor(priceMinor)
                .qtyMinor(qtyMinor);
            encoder.origClientOrderId(origClientOrderId);
            encoder.clientOrderId(clientOrderId);
            return ExchangeDriver.this.send();
        }
    }
}
