package io.bourse.persistence.projection;

/**
 * What one batch did to one order: the full row if the order was accepted in the batch, otherwise the absolute
 * fields that changed plus the fill deltas, applied to the stored row by one set-based UPDATE. Amounts in minor
 * units; {@link #UNCHANGED} marks a field the batch did not set. Reused across batches; one thread.
 */
public final class OrderChange
{
    /** Marks an amount or time the batch did not set. */
    public static final long UNCHANGED = Long.MIN_VALUE;

    long orderId;
    boolean isNew;
    int symbolId;
    int baseScale;
    int quoteScale;

    // Set only for a new order.
    long accountId;
    String side;
    String orderType;
    String timeInForce;
    boolean postOnly;
    long stopPriceMinor;
    long expireTimeNs;
    long createdSeq;
    String createdAt;

    // Absolute values, UNCHANGED / null when the batch did not set them.
    String clientOrderId;
    long priceMinor;
    long qtyMinor;
    long leavesMinor;
    String status;
    String endReason;

    // Deltas over the batch.
    long filledDeltaMinor;
    long quoteDeltaMinor;

    long updatedSeq;
    String updatedAt;

    void reset(final long orderId, final int symbolId, final int baseScale, final int quoteScale)
    {
        this.orderId = orderId;
        this.symbolId = symbolId;
        this.baseScale = baseScale;
        this.quoteScale = quoteScale;
        isNew = false;
        accountId = 0;
        side = null;
        orderType = null;
        timeInForce = null;
        postOnly = false;
        stopPriceMinor = UNCHANGED;
        expireTimeNs = UNCHANGED;
        createdSeq = 0;
        createdAt = null;
        clientOrderId = null;
        priceMinor = UNCHANGED;
        qtyMinor = UNCHANGED;
        leavesMinor = UNCHANGED;
        status = null;
        endReason = null;
        filledDeltaMinor = 0;
        quoteDeltaMinor = 0;
        updatedSeq = 0;
        updatedAt = null;
    }

    public long orderId()
    {
        return orderId;
    }

    public boolean isNew()
    {
        return isNew;
    }
}
