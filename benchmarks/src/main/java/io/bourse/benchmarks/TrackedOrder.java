package io.bourse.benchmarks;

/**
 * The stream generator's copy of one open order, kept up to date from the shadow engine's events. Prices in
 * ticks, quantities in lots. Generation only.
 */
final class TrackedOrder
{
    final long orderId;
    final long accountId;
    final boolean buy;
    /** Background liquidity far from the touch rather than an order of the active zone near it. */
    final boolean deep;
    long priceTicks;
    long qtyLots;
    long filledLots;
    boolean open = true;
    boolean resting;
    /** Position in its {@link TrackedOrderSet} while resting, else -1. */
    int setIndex = -1;

    TrackedOrder(final long orderId, final long accountId, final boolean buy, final boolean deep, final long priceTicks, final long qtyLots)
    {
        this.orderId = orderId;
        this.accountId = accountId;
        this.buy = buy;
        this.deep = deep;
        this.priceTicks = priceTicks;
        this.qtyLots = qtyLots;
    }

    long remainingLots()
    {
        return qtyLots - filledLots;
    }
}
