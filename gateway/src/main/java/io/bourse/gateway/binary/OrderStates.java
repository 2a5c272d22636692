package io.bourse.gateway.binary;

import java.util.ArrayDeque;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.command.AsciiField;

/**
 * What execution reports need to know about each open order that the engine's events do not repeat: its client order
 * id, total quantity, filled quantity and limit price. Seeded at start with the engine's open orders (those of a
 * restarted server included), then fed from the journaled events in order; entries are pooled and removed when the
 * order ends. Reply thread only.
 */
final class OrderStates
{
    /** One open order as the gateway sees it. */
    static final class OrderState
    {
        final UnsafeBuffer clientOrderId = new UnsafeBuffer(new byte[AsciiField.ID_LENGTH]);
        long orderId;
        long priceMinor;
        long qtyMinor;
        long cumQtyMinor;

        void clientOrderId(final DirectBuffer buffer, final int offset)
        {
            clientOrderId.putBytes(0, buffer, offset, AsciiField.ID_LENGTH);
        }

        void copyClientOrderIdTo(final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putBytes(offset, clientOrderId, 0, AsciiField.ID_LENGTH);
        }
    }

    private final Long2ObjectHashMap<OrderState> byOrderId = new Long2ObjectHashMap<>();
    private final ArrayDeque<OrderState> pool = new ArrayDeque<>();

    /** Starts tracking a newly accepted order. */
    OrderState open(final long orderId)
    {
        OrderState state = pool.pollFirst();
        if (state == null)
        {
            state = new OrderState();
        }
        state.orderId = orderId;
        state.priceMinor = 0;
        state.qtyMinor = 0;
        state.cumQtyMinor = 0;
        byOrderId.put(orderId, state);
        return state;
    }

    /** The open order, or null if it is not known. */
    OrderState get(final long orderId)
    {
        return byOrderId.get(orderId);
    }

    /** Forgets every order (their entries go back to the pool). */
    void clear()
    {
        for (final OrderState state : byOrderId.values())
        {
            pool.addFirst(state);
        }
        byOrderId.clear();
    }

    void close(final long orderId)
    {
        final OrderState state = byOrderId.remove(orderId);
        if (state != null)
        {
            pool.addFirst(state);
        }
    }

    int size()
    {
        return byOrderId.size();
    }
}
