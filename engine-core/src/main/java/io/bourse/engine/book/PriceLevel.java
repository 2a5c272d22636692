package io.bourse.engine.book;

/**
 * The orders at one price on one side, oldest first (an intrusive FIFO). Pooled by its {@link BookSide}.
 */
public final class PriceLevel
{
    long priceTicks;
    Order head;
    Order tail;
    int orderCount;

    public long priceTicks()
    {
        return priceTicks;
    }

    /** The oldest order: next to trade. */
    public Order head()
    {
        return head;
    }

    public boolean isEmpty()
    {
        return head == null;
    }

    void append(final Order order)
    {
        order.level = this;
        order.levelNext = null;
        order.levelPrev = tail;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.levelNext = order;
        }
        tail = order;
        orderCount++;
    }

    void remove(final Order order)
    {
        final Order prev = order.levelPrev;
        final Order next = order.levelNext;
        if (prev == null)
        {
            head = next;
        }
        else
        {
            prev.levelNext = next;
        }
        if (next == null)
        {
            tail = prev;
        }
        else
        {
            next.levelPrev = prev;
        }
        order.levelPrev = null;
        order.levelNext = null;
        order.level = null;
        orderCount--;
    }
}
