package io.bourse.engine.differential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import io.bourse.engine.command.AsciiField;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.CancelOrderEncoder;
import io.bourse.sbe.MessageHeaderEncoder;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.PlaceOrderEncoder;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * Writes random PlaceOrder, CancelOrder, ReplaceOrder and MassCancel commands: mostly valid and priced around each
 * symbol's last price so books stay deep and trade often, with a sprinkling of every kind of invalid field.
 */
final class RandomOrderCommands
{
    private static final long BPS = SymbolSpec.BPS_DENOMINATOR;
    private static final long MILLIS = 1_000_000L;
    private static final long UNKNOWN_ACCOUNT_ID = 987_654_321L;
    private static final int RECENT_IDS_PER_ACCOUNT = 8;

    private final SplittableRandom random;
    private final CommandWriter writer;
    private final ObservedState observed;
    private final ExchangeConfig config;
    private final TreeSet<Long> exactTimes;
    private final Map<Long, List<byte[]>> recentClientOrderIds = new HashMap<>();
    private long clientOrderIdCounter;

    RandomOrderCommands(
        final SplittableRandom random,
        final CommandWriter writer,
        final ObservedState observed,
        final ExchangeConfig config,
        final TreeSet<Long> exactTimes)
    {
        this.exactTimes = exactTimes;
        this.random = random;
        this.writer = writer;
        this.observed = observed;
        this.config = config;
    }

    private boolean chance(final int perThousand)
    {
        return random.nextInt(1000) < perThousand;
    }

    private void putRaw(final int fieldOffset, final int value)
    {
        writer.buffer().putByte(MessageHeaderEncoder.ENCODED_LENGTH + fieldOffset, (byte)value);
    }

    long randomAccount()
    {
        return observed.accountIds.get(random.nextInt(observed.accountIds.size()));
    }

    private long orderAccount()
    {
        if (chance(8))
        {
            return UNKNOWN_ACCOUNT_ID;
        }
        if (chance(3))
        {
            return 0;
        }
        return randomAccount();
    }

    private long lastTicks(final SymbolSpec symbol)
    {
        return observed.lastPriceMinor.get(symbol.id()) / symbol.tickMinor();
    }

    private long bandLow(final SymbolSpec symbol)
    {
        final long scaled = lastTicks(symbol) * (BPS - symbol.priceBandBps());
        return Math.max(1, scaled / BPS + (scaled % BPS == 0 ? 0 : 1));
    }

    private long bandHigh(final SymbolSpec symbol)
    {
        return Math.min(symbol.maxPriceTicks(), lastTicks(symbol) * (BPS + symbol.priceBandBps()) / BPS);
    }

    /** A limit price: a fifth cross the touch, the rest build depth within a few dozen ticks of the last price. */
    private long limitTicks(final SymbolSpec symbol, final boolean buy)
    {
        final long last = lastTicks(symbol);
        final long pull = Math.max(-3, Math.min(3, (symbol.referencePriceTicks() - last) / 50));
        final long centre = last + pull;
        final long offset = random.nextInt(100) < 22 ? random.nextLong(0, 8) : -random.nextLong(0, 40);
        return Math.max(1, buy ? centre + offset : centre - offset);
    }

    /** Usually {@code ticks} in minor units; sometimes a band edge, off tick, zero, negative or absurd. */
    private long priceMinor(final SymbolSpec symbol, final long ticks)
    {
        final long tick = symbol.tickMinor();
        final int r = random.nextInt(1000);
        if (r < 8)
        {
            return (random.nextBoolean() ? bandHigh(symbol) + 1 : bandLow(symbol) - 1) * tick;
        }
        if (r < 14)
        {
            return (random.nextBoolean() ? bandHigh(symbol) : bandLow(symbol)) * tick;
        }
        if (r < 20 && tick > 1)
        {
            return ticks * tick + random.nextLong(1, tick);
        }
        if (r < 23)
        {
            return 0;
        }
        if (r < 25)
        {
            return -tick * random.nextLong(1, 100);
        }
        if (r < 27)
        {
            return Long.MAX_VALUE / tick * tick;
        }
        return ticks * tick;
    }

    /** Usually a few lots; sometimes zero, negative, off lot, above the maximum or too large to afford. */
    private long qtyMinor(final SymbolSpec symbol)
    {
        final long lot = symbol.lotMinor();
        final int r = random.nextInt(1000);
        if (r < 5)
        {
            return 0;
        }
        if (r < 8)
        {
            return -lot * random.nextLong(1, 10);
        }
        if (r < 14 && lot > 1)
        {
            return lot * random.nextLong(1, 10) + random.nextLong(1, lot);
        }
        if (r < 17)
        {
            return (symbol.maxQtyLots() + 1) * lot;
        }
        if (r < 19)
        {
            return Long.MAX_VALUE;
        }
        if (r < 26)
        {
            return random.nextLong(100_000, symbol.maxQtyLots() + 1) * lot;
        }
        return typicalLots() * lot;
    }

    private long typicalLots()
    {
        final int r = random.nextInt(100);
        if (r < 70)
        {
            return random.nextLong(1, 11);
        }
        if (r < 95)
        {
            return random.nextLong(10, 101);
        }
        return random.nextLong(100, 1001);
    }

    private byte[] clientOrderId(final long accountId)
    {
        final List<byte[]> recent = recentClientOrderIds.computeIfAbsent(accountId, id -> new ArrayList<>());
        final int r = random.nextInt(1000);
        final byte[] id;
        if (r < 100)
        {
            return new byte[AsciiField.ID_LENGTH];
        }
        if (r < 180 && !recent.isEmpty())
        {
            // Reused: a duplicate while that order is open, allowed once it has finished.
            return recent.get(random.nextInt(recent.size())).clone();
        }
        if (r < 185)
        {
            id = weirdId();
        }
        else
        {
            id = ascii("c" + accountId + "-" + clientOrderIdCounter++);
        }
        if (recent.size() < RECENT_IDS_PER_ACCOUNT)
        {
            recent.add(id);
        }
        else
        {
            recent.set(random.nextInt(recent.size()), id);
        }
        return id.clone();
    }

    /** Bytes after a zero, or all 32 bytes used: the id is compared and echoed as 32 raw bytes. */
    private byte[] weirdId()
    {
        final byte[] id = new byte[AsciiField.ID_LENGTH];
        if (random.nextBoolean())
        {
            id[0] = 'W';
            id[2 + random.nextInt(AsciiField.ID_LENGTH - 2)] = (byte)('a' + random.nextInt(26));
        }
        else
        {
            for (int i = 0; i < id.length; i++)
            {
                id[i] = (byte)('A' + random.nextInt(26));
            }
        }
        return id;
    }

    static byte[] ascii(final String text)
    {
        final byte[] field = new byte[AsciiField.ID_LENGTH];
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, field, 0, Math.min(bytes.length, field.length));
        return field;
    }

    void placeOrder(final long nowNs)
    {
        final long accountId = orderAccount();
        final SymbolSpec symbol = config.symbols().get(random.nextInt(config.symbols().size()));
        final int symbolId = chance(10) ? new int[] {0, -1, 4, 99}[random.nextInt(4)] : symbol.id();
        final boolean buy = random.nextBoolean();
        final short orderType = orderType();
        final short tif = timeInForce(orderType);
        final long last = lastTicks(symbol);
        final long tick = symbol.tickMinor();

        long priceMinor = 0;
        long stopPriceMinor = 0;
        if (orderType == OrderType.STOP.value() || orderType == OrderType.STOP_LIMIT.value())
        {
            final long stopTicks = stopTicks(last, buy);
            stopPriceMinor = chance(15) ? priceMinor(symbol, stopTicks) : stopTicks * tick;
            if (orderType == OrderType.STOP_LIMIT.value())
            {
                final long slack = random.nextLong(-3, 10);
                priceMinor = priceMinor(symbol, Math.max(1, buy ? stopTicks + slack : stopTicks - slack));
            }
        }
        else if (orderType == OrderType.LIMIT.value())
        {
            priceMinor = priceMinor(symbol, limitTicks(symbol, buy));
        }
        if (orderType != OrderType.LIMIT.value() && orderType != OrderType.STOP_LIMIT.value() && chance(10))
        {
            priceMinor = last * tick;
        }
        if (orderType != OrderType.STOP.value() && orderType != OrderType.STOP_LIMIT.value() && chance(7))
        {
            stopPriceMinor = (last + 5) * tick;
        }

        final boolean restable = orderType == OrderType.LIMIT.value()
            && (tif == TimeInForce.GTC.value() || tif == TimeInForce.GTD.value());
        int postOnly = restable ? (chance(120) ? 1 : 0) : (chance(8) ? 1 : 0);
        if (chance(3))
        {
            postOnly = 2;
        }

        long expireTimeNs = 0;
        if (tif == TimeInForce.GTD.value())
        {
            expireTimeNs = chance(10) ? nowNs - random.nextLong(0, 2) : nowNs + random.nextLong(1, 400 * MILLIS);
            if (expireTimeNs > nowNs && chance(200))
            {
                exactTimes.add(expireTimeNs);
            }
        }
        else if (chance(5))
        {
            expireTimeNs = nowNs + 1000 * MILLIS;
        }

        writer.placeOrder()
            .accountId(accountId)
            .symbolId(symbolId)
            .putClientOrderId(clientOrderId(accountId), 0)
            .priceMinor(priceMinor)
            .stopPriceMinor(stopPriceMinor)
            .qtyMinor(qtyMinor(symbol))
            .expireTimeNs(expireTimeNs);
        putRaw(PlaceOrderEncoder.sideEncodingOffset(), chance(5) ? new int[] {0, 3, 255}[random.nextInt(3)] :
            (buy ? Side.BUY.value() : Side.SELL.value()));
        putRaw(PlaceOrderEncoder.orderTypeEncodingOffset(), orderType);
        putRaw(PlaceOrderEncoder.timeInForceEncodingOffset(), tif);
        putRaw(PlaceOrderEncoder.stpModeEncodingOffset(), stpMode(accountId));
        putRaw(PlaceOrderEncoder.postOnlyEncodingOffset(), postOnly);
    }

    /** A small passive LIMIT anywhere between the band edge and the last price: builds hundreds of levels. */
    void placeWideOrder(final long nowNs, final long maxLifetimeNs)
    {
        final SymbolSpec symbol = config.symbols().get(random.nextInt(config.symbols().size()));
        final long accountId = randomAccount();
        final boolean buy = random.nextBoolean();
        final long last = lastTicks(symbol);
        final long priceTicks = buy ?
            random.nextLong(bandLow(symbol), Math.max(bandLow(symbol), last - 1) + 1) :
            random.nextLong(Math.min(bandHigh(symbol), last + 1), bandHigh(symbol) + 1);
        final boolean gtd = random.nextBoolean();
        writer.placeOrder()
            .accountId(accountId)
            .symbolId(symbol.id())
            .putClientOrderId(clientOrderId(accountId), 0)
            .side(buy ? Side.BUY : Side.SELL)
            .orderType(OrderType.LIMIT)
            .timeInForce(gtd ? TimeInForce.GTD : TimeInForce.GTC)
            .stpMode(StpMode.CANCEL_MAKER)
            .postOnly(random.nextInt(4) == 0 ? BooleanType.TRUE : BooleanType.FALSE)
            .priceMinor(priceTicks * symbol.tickMinor())
            .stopPriceMinor(0)
            .qtyMinor(Math.max(symbol.minQtyLots(), random.nextLong(1, 4)) * symbol.lotMinor())
            .expireTimeNs(gtd ? nowNs + random.nextLong(maxLifetimeNs / 2, maxLifetimeNs) : 0);
    }

    /** A large order walking deep into the book: MARKET, or LIMIT IOC/FOK at the band edge. */
    void placeSweep()
    {
        final SymbolSpec symbol = config.symbols().get(random.nextInt(config.symbols().size()));
        final long accountId = randomAccount();
        final boolean buy = random.nextBoolean();
        final boolean market = random.nextBoolean();
        final boolean fok = random.nextInt(3) == 0;
        final long lots = Math.min(symbol.maxQtyLots(), random.nextLong(20, 150));
        writer.placeOrder()
            .accountId(accountId)
            .symbolId(symbol.id())
            .putClientOrderId(clientOrderId(accountId), 0)
            .side(buy ? Side.BUY : Side.SELL)
            .orderType(market ? OrderType.MARKET : OrderType.LIMIT)
            .timeInForce(fok ? TimeInForce.FOK : TimeInForce.IOC)
            .stpMode(StpMode.get((short)random.nextInt(3)))
            .postOnly(BooleanType.FALSE)
            .priceMinor(market ? 0 : (buy ? bandHigh(symbol) : bandLow(symbol)) * symbol.tickMinor())
            .stopPriceMinor(0)
            .qtyMinor(lots * symbol.lotMinor())
            .expireTimeNs(0);
    }

    private short orderType()
    {
        if (chance(5))
        {
            return new short[] {0, 5, 200}[random.nextInt(3)];
        }
        final int r = random.nextInt(100);
        if (r < 58)
        {
            return OrderType.LIMIT.value();
        }
        if (r < 70)
        {
            return OrderType.MARKET.value();
        }
        return r < 84 ? OrderType.STOP.value() : OrderType.STOP_LIMIT.value();
    }

    private short timeInForce(final short orderType)
    {
        if (chance(15))
        {
            return (short)random.nextInt(6);
        }
        final int r = random.nextInt(100);
        if (orderType == OrderType.MARKET.value())
        {
            return r < 60 ? TimeInForce.IOC.value() : TimeInForce.FOK.value();
        }
        if (orderType == OrderType.STOP.value())
        {
            return r < 60 ? TimeInForce.GTC.value() : TimeInForce.GTD.value();
        }
        if (orderType == OrderType.STOP_LIMIT.value())
        {
            return r < 45 ? TimeInForce.GTC.value() : r < 80 ? TimeInForce.GTD.value() : TimeInForce.IOC.value();
        }
        if (r < 50)
        {
            return TimeInForce.GTC.value();
        }
        if (r < 65)
        {
            return TimeInForce.IOC.value();
        }
        return r < 75 ? TimeInForce.FOK.value() : TimeInForce.GTD.value();
    }

    private short stpMode(final long accountId)
    {
        if (chance(3))
        {
            return (short)(4 + random.nextInt(10));
        }
        final int r = random.nextInt(100);
        if (observed.selfTradeAccounts.contains(accountId) && r < 50)
        {
            return StpMode.NONE.value();
        }
        if (r < 45)
        {
            return StpMode.CANCEL_TAKER.value();
        }
        if (r < 75)
        {
            return StpMode.CANCEL_MAKER.value();
        }
        return r < 96 ? StpMode.CANCEL_BOTH.value() : StpMode.NONE.value();
    }

    /** Just beyond the last price on the order's side; sometimes at or behind it (already reached). */
    private long stopTicks(final long last, final boolean buy)
    {
        final int r = random.nextInt(100);
        if (r < 3)
        {
            return last;
        }
        if (r < 4)
        {
            return Math.max(1, buy ? last - random.nextLong(1, 10) : last + random.nextLong(1, 10));
        }
        final long distance = random.nextLong(1, 25);
        return Math.max(1, buy ? last + distance : last - distance);
    }

    void cancelOrder()
    {
        final CancelOrderEncoder encoder = writer.cancelOrder();
        if (observed.openOrders.isEmpty())
        {
            encoder.accountId(randomAccount()).orderId(random.nextLong(1, 1_000_000)).putClientOrderId(ascii(""), 0);
            return;
        }
        final ObservedOrder order = observed.openOrders.get(random.nextInt(observed.openOrders.size()));
        long accountId = order.accountId;
        long orderId = order.orderId;
        byte[] clientOrderId = new byte[AsciiField.ID_LENGTH];
        final int r = random.nextInt(100);
        if (r < 15 && order.hasClientOrderId())
        {
            orderId = 0;
            clientOrderId = order.clientOrderId.clone();
        }
        else if (r < 18)
        {
            accountId = randomAccount();
        }
        else if (r < 21)
        {
            orderId = random.nextBoolean() ? random.nextLong(1, orderId + 1) : orderId + 1_000_000;
        }
        else if (r < 23)
        {
            orderId = 0;
        }
        else if (r < 24)
        {
            accountId = UNKNOWN_ACCOUNT_ID;
        }
        else if (r < 27)
        {
            clientOrderId = ascii("not-this-one");
        }
        encoder.accountId(accountId).orderId(orderId).putClientOrderId(clientOrderId, 0);
    }

    void replaceOrder(final long nowNs)
    {
        if (observed.openOrders.isEmpty())
        {
            placeOrder(nowNs);
            return;
        }
        ObservedOrder order = observed.openOrders.get(random.nextInt(observed.openOrders.size()));
        for (int attempt = 0; attempt < 3 && order.pendingStop && !chance(100); attempt++)
        {
            order = observed.openOrders.get(random.nextInt(observed.openOrders.size()));
        }
        final SymbolSpec symbol = config.symbol(order.symbolId);
        final long lot = symbol.lotMinor();
        final long tick = symbol.tickMinor();
        final long qtyLots = order.qtyMinor / lot;
        final long filledLots = order.filledMinor / lot;
        final long priceTicks = Math.max(1, order.priceMinor / tick);
        long newPriceMinor = priceTicks * tick;
        long newQtyMinor = qtyLots * lot;
        final int r = random.nextInt(100);
        if (r < 30)
        {
            newQtyMinor = random.nextLong(filledLots + 1, qtyLots + 1) * lot;
        }
        else if (r < 45)
        {
            newQtyMinor = (qtyLots + random.nextLong(1, 20)) * lot;
        }
        else if (r < 72)
        {
            final long move = random.nextLong(1, 10) * (random.nextInt(3) == 0 ? -1 : 1);
            newPriceMinor = Math.max(1, order.isBuy() ? priceTicks + move : priceTicks - move) * tick;
            if (random.nextBoolean())
            {
                newQtyMinor = random.nextLong(filledLots + 1, qtyLots + 20) * lot;
            }
        }
        else if (r < 82)
        {
            newQtyMinor = filledLots > 0 ? random.nextLong(1, filledLots + 1) * lot : newQtyMinor;
        }
        else if (r < 90)
        {
            newPriceMinor = priceMinor(symbol, priceTicks);
            newQtyMinor = qtyMinor(symbol);
        }
        else
        {
            final long last = lastTicks(symbol);
            newPriceMinor = Math.max(1, order.isBuy() ? last + random.nextLong(0, 5) : last - random.nextLong(0, 5)) * tick;
        }
        writeReplace(order, newPriceMinor, newQtyMinor);
    }

    private void writeReplace(final ObservedOrder order, final long priceMinor, final long qtyMinor)
    {
        long accountId = order.accountId;
        long orderId = order.orderId;
        byte[] origClientOrderId = new byte[AsciiField.ID_LENGTH];
        final int target = random.nextInt(100);
        if (target < 13 && order.hasClientOrderId())
        {
            orderId = 0;
            origClientOrderId = order.clientOrderId.clone();
        }
        else if (target < 16)
        {
            orderId = orderId + 1_000_000;
        }
        else if (target < 18)
        {
            accountId = randomAccount();
        }
        else if (target < 19)
        {
            orderId = 0;
        }

        byte[] clientOrderId = new byte[AsciiField.ID_LENGTH];
        final int idChoice = random.nextInt(100);
        if (idChoice < 25)
        {
            clientOrderId = clientOrderId(order.accountId);
        }
        else if (idChoice < 32)
        {
            clientOrderId = order.clientOrderId.clone();
        }
        else if (idChoice < 37)
        {
            final ObservedOrder other = observed.openOrders.get(random.nextInt(observed.openOrders.size()));
            if (other.accountId == order.accountId)
            {
                clientOrderId = other.clientOrderId.clone();
            }
        }
        writer.replaceOrder()
            .accountId(accountId)
            .orderId(orderId)
            .putOrigClientOrderId(origClientOrderId, 0)
            .putClientOrderId(clientOrderId, 0)
            .priceMinor(priceMinor)
            .qtyMinor(qtyMinor);
    }

    void massCancel()
    {
        long accountId = randomAccount();
        if (!observed.openOrders.isEmpty() && random.nextBoolean())
        {
            accountId = observed.openOrders.get(random.nextInt(observed.openOrders.size())).accountId;
        }
        if (chance(10))
        {
            accountId = UNKNOWN_ACCOUNT_ID;
        }
        final int r = random.nextInt(100);
        final int symbolId;
        if (r < 45)
        {
            symbolId = 0;
        }
        else if (r < 95)
        {
            symbolId = config.symbols().get(random.nextInt(config.symbols().size())).id();
        }
        else
        {
            symbolId = 77;
        }
        writer.massCancel().accountId(accountId).symbolId(symbolId);
    }
}
