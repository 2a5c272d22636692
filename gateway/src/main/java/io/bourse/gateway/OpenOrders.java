package io.bourse.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import io.bourse.engine.ExchangeView;
import io.bourse.engine.command.AsciiField;
import io.bourse.engine.server.EngineServer;

/**
 * The engine's open orders at one point of its command sequence, for the gateway's per-order report caches to start
 * from, so that orders placed before a server restart are reported with their client order id, quantity and fills.
 * Wire units (minor), one row of longs per order in a single growable array. Filled once on the engine thread by
 * {@link #capture}, then only read, on the reply thread.
 */
public final class OpenOrders
{
    /** Seeding waits at most this long for the engine to reach the query (it runs behind any queued commands). */
    private static final long SEED_TIMEOUT_S = 60;
    private static final int INITIAL_ROWS = 64;

    private static final int ORDER_ID = 0;
    private static final int ACCOUNT_ID = 1;
    private static final int SYMBOL_ID = 2;
    private static final int SIDE = 3;
    private static final int ORDER_TYPE = 4;
    private static final int PRICE = 5;
    private static final int STOP_PRICE = 6;
    private static final int QTY = 7;
    private static final int FILLED_QTY = 8;
    private static final int FILLED_QUOTE = 9;
    /** Then the client order id's {@link AsciiField#ID_WORDS} little-endian words. */
    private static final int CLIENT_ORDER_ID = 10;
    private static final int ROW_LONGS = CLIENT_ORDER_ID + AsciiField.ID_WORDS;

    private long[] rows = new long[INITIAL_ROWS * ROW_LONGS];
    private int size;

    private OpenOrders()
    {
    }

    /**
     * Captures the engine's open orders on its thread and hands them to {@code seed} on the reply thread at the same
     * point of the sequence: the replies before the capture are already reflected in it and every reply after it
     * comes after {@code seed}, so a cache rebuilt by {@code seed} neither misses nor double counts a fill. Waits for
     * it; call before accepting connections.
     *
     * @return the number of open orders.
     * @throws java.util.concurrent.ExecutionException if the engine stopped or {@code seed} threw.
     */
    public static int seed(final EngineServer server, final Consumer<OpenOrders> seed) throws Exception
    {
        return server.query(OpenOrders::capture, seed).get(SEED_TIMEOUT_S, TimeUnit.SECONDS).size();
    }

    /** Copies every open order (resting or pending stop) of {@code view}; on the engine thread. */
    public static OpenOrders capture(final ExchangeView view)
    {
        final OpenOrders orders = new OpenOrders();
        view.forEachOpenOrder(orders::add);
        return orders;
    }

    private void add(
        final long orderId,
        final long accountId,
        final int symbolId,
        final short side,
        final short orderType,
        final long priceMinor,
        final long stopPriceMinor,
        final long qtyMinor,
        final long filledQtyMinor,
        final long filledQuoteMinor,
        final boolean pendingStop,
        final DirectBuffer clientOrderId)
    {
        final int row = size * ROW_LONGS;
        if (row + ROW_LONGS > rows.length)
        {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        rows[row + ORDER_ID] = orderId;
        rows[row + ACCOUNT_ID] = accountId;
        rows[row + SYMBOL_ID] = symbolId;
        rows[row + SIDE] = side;
        rows[row + ORDER_TYPE] = orderType;
        rows[row + PRICE] = priceMinor;
        rows[row + STOP_PRICE] = stopPriceMinor;
        rows[row + QTY] = qtyMinor;
        rows[row + FILLED_QTY] = filledQtyMinor;
        rows[row + FILLED_QUOTE] = filledQuoteMinor;
        for (int word = 0; word < AsciiField.ID_WORDS; word++)
        {
            rows[row + CLIENT_ORDER_ID + word] = AsciiField.word(clientOrderId, 0, word);
        }
        size++;
    }

    public int size()
    {
        return size;
    }

    public long orderId(final int index)
    {
        return field(index, ORDER_ID);
    }

    public long accountId(final int index)
    {
        return field(index, ACCOUNT_ID);
    }

    public int symbolId(final int index)
    {
        return (int)field(index, SYMBOL_ID);
    }

    /** {@code io.bourse.sbe.Side} value. */
    public short side(final int index)
    {
        return (short)field(index, SIDE);
    }

    /** {@code io.bourse.sbe.OrderType} value. */
    public short orderType(final int index)
    {
        return (short)field(index, ORDER_TYPE);
    }

    /** Limit price; 0 for MARKET and STOP. */
    public long priceMinor(final int index)
    {
        return field(index, PRICE);
    }

    /** Trigger price; 0 for LIMIT and MARKET. */
    public long stopPriceMinor(final int index)
    {
        return field(index, STOP_PRICE);
    }

    /** Total quantity after amends, filled part included. */
    public long qtyMinor(final int index)
    {
        return field(index, QTY);
    }

    public long filledQtyMinor(final int index)
    {
        return field(index, FILLED_QTY);
    }

    /** Sum of the quote amounts of the order's fills. */
    public long filledQuoteMinor(final int index)
    {
        return field(index, FILLED_QUOTE);
    }

    /** Writes the 32-byte client order id (zero padded, all zero when none) at {@code offset}. */
    public void copyClientOrderIdTo(final int index, final MutableDirectBuffer buffer, final int offset)
    {
        final int row = row(index) + CLIENT_ORDER_ID;
        AsciiField.putWords(buffer, offset, rows[row], rows[row + 1], rows[row + 2], rows[row + 3]);
    }

    /** The client order id as the SBE decoders give it: up to the first zero byte, "" when none. Allocates. */
    public String clientOrderId(final int index)
    {
        final int row = row(index) + CLIENT_ORDER_ID;
        final byte[] bytes = new byte[AsciiField.ID_LENGTH];
        int length = 0;
        for (int i = 0; i < AsciiField.ID_LENGTH; i++)
        {
            final byte b = (byte)(rows[row + i / Long.BYTES] >>> (Byte.SIZE * (i % Long.BYTES)));
            if (b == 0)
            {
                break;
            }
            bytes[length++] = b;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    private long field(final int index, final int field)
    {
        return rows[row(index) + field];
    }

    private int row(final int index)
    {
        if (index < 0 || index >= size)
        {
            throw new IndexOutOfBoundsException("open order " + index + " of " + size);
        }
        return index * ROW_LONGS;
    }
}
