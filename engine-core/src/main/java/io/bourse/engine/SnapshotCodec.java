package io.bourse.engine;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import io.bourse.engine.account.Account;
import io.bourse.engine.book.Order;
import io.bourse.engine.book.SymbolBook;
import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;

/**
 * The whole engine state to bytes and back. Orders are written in book priority order so restoring them by
 * appending reproduces every queue exactly; derived structures (order map, client order id index, expiry queue,
 * account order lists) are rebuilt, and equal states give byte-identical snapshots. The trailer carries the state hash and a CRC32C of everything before it, so a
 * damaged snapshot is detected. Little-endian; not for the hot path.
 */
public final class SnapshotCodec
{
    /** "BOURSNAP" in ASCII. */
    public static final long MAGIC = 0x50414E5352554F42L;
    /**
     * 2 added each order's filled quote amount. An older snapshot is refused (and recovery falls back to an older
     * snapshot or the whole journal) rather than restored with a value it never recorded.
     */
    public static final int VERSION = 2;
    private static final int TRAILER_LENGTH = 2 * Long.BYTES;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private SnapshotCodec()
    {
    }

    /**
     * Writes the engine's state at {@code offset} (the buffer must be expandable or big enough).
     *
     * @return bytes written.
     */
    public static int write(final ExchangeEngine engine, final MutableDirectBuffer out, final int offset)
    {
        final ExchangeState state = engine.state();
        final Writer w = new Writer(out, offset);
        w.putLong(MAGIC).putInt(VERSION);
        w.putLong(state.nextOrderId).putLong(state.nextTradeId);
        w.putInt(state.assets.length);
        for (int i = 0; i < state.assets.length; i++)
        {
            w.putInt(state.assets[i].id()).putLong(state.totalSupply[i]);
        }
        w.putInt(state.externalRefs.size());
        for (final long[] ref : sortedExternalRefs(state))
        {
            w.putLong(ref[0]).putLong(ref[1]).putLong(ref[2]).putLong(ref[3]);
        }
        final long[] accountIds = StateHashing.sortedAccountIds(state);
        w.putInt(accountIds.length);
        for (final long accountId : accountIds)
        {
            final Account account = state.accounts.get(accountId);
            w.putLong(account.id).putBoolean(account.allowSelfTrade).putBoolean(account.frozen);
            for (int i = 0; i < state.assets.length; i++)
            {
                w.putLong(account.available[i]).putLong(account.held[i]);
            }
        }
        w.putInt(state.symbols.length);
        final List<Order> orders = new ArrayList<>();
        for (final SymbolBook book : state.symbols)
        {
            w.putInt(book.spec.id()).putBoolean(book.halted).putLong(book.lastPriceTicks);
            orders.clear();
            StateHashing.collect(book.bids, orders);
            StateHashing.collect(book.asks, orders);
            orders.addAll(StateHashing.pendingStopsById(book));
            w.putInt(orders.size());
            for (final Order order : orders)
            {
                writeOrder(w, order);
            }
        }
        final int bodyLength = w.position - offset;
        w.putLong(engine.stateHash()).putLong(crc(out, offset, bodyLength));
        return w.position - offset;
    }

    /**
     * Rebuilds an engine from a snapshot.
     *
     * @throws IllegalArgumentException naming what is wrong when the bytes are truncated, corrupt, of another
     *                                  version, or do not match {@code config}.
     */
    public static ExchangeEngine read(final ExchangeConfig config, final DirectBuffer in, final int offset, final int length)
    {
        if (length < Long.BYTES + Integer.BYTES + TRAILER_LENGTH)
        {
            throw new IllegalArgumentException("snapshot truncated: " + length + " bytes");
        }
        final int bodyLength = length - TRAILER_LENGTH;
        final long expectedCrc = in.getLong(offset + bodyLength + Long.BYTES, ORDER);
        if (crc(in, offset, bodyLength) != expectedCrc)
        {
            throw new IllegalArgumentException("snapshot checksum mismatch: corrupt or truncated");
        }
        final Reader r = new Reader(in, offset, offset + bodyLength);
        if (r.getLong() != MAGIC)
        {
            throw new IllegalArgumentException("not a Bourse snapshot");
        }
        final int version = r.getInt();
        if (version != VERSION)
        {
            throw new IllegalArgumentException("snapshot version " + version + ", expected " + VERSION);
        }
        final ExchangeState state = new ExchangeState(config);
        final ExchangeEngine engine = new ExchangeEngine(state);
        state.nextOrderId = r.getLong();
        state.nextTradeId = r.getLong();
        final int assetCount = r.getInt();
        require(assetCount == state.assets.length, "snapshot has " + assetCount + " assets, config has " + state.assets.length);
        for (int i = 0; i < assetCount; i++)
        {
            final AssetSpec asset = state.assets[i];
            final int assetId = r.getInt();
            require(assetId == asset.id(), "snapshot asset id " + assetId + " does not match config asset " + asset.code());
            state.totalSupply[i] = r.getLong();
        }
        final int refCount = r.getInt();
        for (int i = 0; i < refCount; i++)
        {
            state.externalRefs.add(r.getLong(), r.getLong(), r.getLong(), r.getLong());
        }
        final int accountCount = r.getInt();
        for (int i = 0; i < accountCount; i++)
        {
            final long accountId = r.getLong();
            final boolean allowSelfTrade = r.getBoolean();
            final Account account = accountId == ExchangeState.FEE_ACCOUNT_ID
                ? state.feeAccount : state.newAccount(accountId, allowSelfTrade);
            account.frozen = r.getBoolean();
            for (int a = 0; a < assetCount; a++)
            {
                account.available[a] = r.getLong();
                account.held[a] = r.getLong();
            }
        }
        final int symbolCount = r.getInt();
        require(symbolCount == state.symbols.length, "snapshot has " + symbolCount + " symbols, config has " + state.symbols.length);
        final List<Order> all = new ArrayList<>();
        for (int s = 0; s < symbolCount; s++)
        {
            final int symbolId = r.getInt();
            final SymbolBook book = state.symbol(symbolId);
            require(book != null, "snapshot symbol " + symbolId + " is not in the config");
            book.halted = r.getBoolean();
            book.lastPriceTicks = r.getLong();
            final int orderCount = r.getInt();
            for (int i = 0; i < orderCount; i++)
            {
                final Order order = readOrder(r, state, book);
                if (order.pendingStop)
                {
                    (order.isBuy() ? book.buyStops : book.sellStops).add(order, order.stopPriceTicks);
                }
                else
                {
                    book.ownSide(order.side).add(order, order.priceTicks);
                }
                all.add(order);
            }
        }
        require(r.position == r.end, "snapshot has " + (r.end - r.position) + " unexpected trailing bytes");
        // Account order lists are in ascending order id: open them in that order.
        all.sort((a, b) -> Long.compare(a.orderId, b.orderId));
        for (final Order order : all)
        {
            state.open(order);
        }
        final long expectedHash = in.getLong(offset + bodyLength, ORDER);
        final long hash = engine.stateHash();
        require(hash == expectedHash, "restored state hash " + hash + " differs from the snapshot's " + expectedHash);
        return engine;
    }

    /** Sorted so that equal states give byte-identical snapshots, whatever the hash table's history. */
    private static List<long[]> sortedExternalRefs(final ExchangeState state)
    {
        final List<long[]> refs = new ArrayList<>(state.externalRefs.size());
        state.externalRefs.forEach((w0, w1, w2, w3) -> refs.add(new long[] {w0, w1, w2, w3}));
        refs.sort(Arrays::compare);
        return refs;
    }

    private static void writeOrder(final Writer w, final Order order)
    {
        w.putLong(order.orderId).putLong(order.accountId)
            .putShort(order.side).putShort(order.orderType).putShort(order.timeInForce).putShort(order.stpMode)
            .putBoolean(order.postOnly).putBoolean(order.pendingStop).putBoolean(order.triggered)
            .putLong(order.priceTicks).putLong(order.stopPriceTicks).putLong(order.holdPriceTicks)
            .putLong(order.qtyLots).putLong(order.filledLots).putLong(order.filledQuoteMinor)
            .putLong(order.expireTimeNs).putLong(order.holdPerLot)
            .putLong(order.clientOrderId0).putLong(order.clientOrderId1)
            .putLong(order.clientOrderId2).putLong(order.clientOrderId3);
    }

    private static Order readOrder(final Reader r, final ExchangeState state, final SymbolBook book)
    {
        final Order order = state.orderPool.acquire();
        order.orderId = r.getLong();
        order.accountId = r.getLong();
        order.account = state.accounts.get(order.accountId);
        require(order.account != null, "order " + order.orderId + " belongs to unknown account " + order.accountId);
        order.book = book;
        order.side = r.getShort();
        order.orderType = r.getShort();
        order.timeInForce = r.getShort();
        order.stpMode = r.getShort();
        order.postOnly = r.getBoolean();
        order.pendingStop = r.getBoolean();
        order.triggered = r.getBoolean();
        order.priceTicks = r.getLong();
        order.stopPriceTicks = r.getLong();
        order.holdPriceTicks = r.getLong();
        order.qtyLots = r.getLong();
        order.filledLots = r.getLong();
        order.filledQuoteMinor = r.getLong();
        order.expireTimeNs = r.getLong();
        order.holdPerLot = r.getLong();
        order.clientOrderId0 = r.getLong();
        order.clientOrderId1 = r.getLong();
        order.clientOrderId2 = r.getLong();
        order.clientOrderId3 = r.getLong();
        return order;
    }

    private static long crc(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        final CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    private static final class Writer
    {
        private final MutableDirectBuffer out;
        private int position;

        Writer(final MutableDirectBuffer out, final int position)
        {
            this.out = out;
            this.position = position;
        }

        Writer putLong(final long value)
        {
            out.putLong(position, value, ORDER);
            position += Long.BYTES;
            return this;
        }

        Writer putInt(final int value)
        {
            out.putInt(position, value, ORDER);
            position += Integer.BYTES;
            return this;
        }

        Writer putShort(final short value)
        {
            out.putShort(position, value, ORDER);
            position += Short.BYTES;
            return this;
        }

        Writer putBoolean(final boolean value)
        {
            out.putByte(position, value ? (byte)1 : (byte)0);
            position += 1;
            return this;
        }
    }

    private static final class Reader
    {
        private final DirectBuffer in;
        private final int end;
        private int position;

        Reader(final DirectBuffer in, final int position, final int end)
        {
            this.in = in;
            this.position = position;
            this.end = end;
        }

        private void need(final int bytes)
        {
            if (position + bytes > end)
            {
                throw new IllegalArgumentException("snapshot truncated at byte " + position);
            }
        }

        long getLong()
        {
            need(Long.BYTES);
            final long value = in.getLong(position, ORDER);
            position += Long.BYTES;
            return value;
        }

        int getInt()
        {
            need(Integer.BYTES);
            final int value = in.getInt(position, ORDER);
            position += Integer.BYTES;
            return value;
        }

        short getShort()
        {
            need(Short.BYTES);
            final short value = in.getShort(position, ORDER);
            position += Short.BYTES;
            return value;
        }

        boolean getBoolean()
        {
            need(1);
            final byte value = in.getByte(position);
            position += 1;
            if (value != 0 && value != 1)
            {
                throw new IllegalArgumentException("snapshot corrupt: boolean byte " + value + " at " + (position - 1));
            }
            return value == 1;
        }
    }
}
