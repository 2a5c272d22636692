package io.bourse.engine;

/**
 * Read-only queries over an engine's state, shared by the engine and the test-scope reference model so the same
 * invariant checks and comparisons run against both. Same thread as the engine; not for the hot path.
 * Prices and quantities are in wire units (minor units).
 */
public interface ExchangeView
{
    /** Price reported by {@link #bestBidPriceMinor} / {@link #bestAskPriceMinor} when that side is empty. */
    long NO_PRICE = 0;

    /** The deterministic state hash of docs/semantics.md §11. */
    long stateHash();

    /** Visits every account id, fee account included, in any order. */
    void forEachAccount(java.util.function.LongConsumer visitor);

    long availableMinor(long accountId, int assetId);

    long heldMinor(long accountId, int assetId);

    /** Visits every open order: resting in a book, or a pending (untriggered) stop. */
    void forEachOpenOrder(OpenOrderVisitor visitor);

    long bestBidPriceMinor(int symbolId);

    long bestAskPriceMinor(int symbolId);

    /** Price of the symbol's last trade, or its reference price before the first trade. */
    long lastPriceMinor(int symbolId);

    /** Receives one open order. */
    @FunctionalInterface
    interface OpenOrderVisitor
    {
        /**
         * @param side             {@code io.bourse.sbe.Side} value (1 buy, 2 sell).
         * @param orderType        {@code io.bourse.sbe.OrderType} value.
         * @param qtyMinor         total quantity (after amends), filled part included.
         * @param filledQuoteMinor sum of the quote amounts of the order's fills (for an average price).
         * @param clientOrderId    the 32-byte client order id at index 0, zero padded, all zero when none; valid only
         *                         during the call.
         */
        void visit(
            long orderId,
            long accountId,
            int symbolId,
            short side,
            short orderType,
            long priceMinor,
            long stopPriceMinor,
            long qtyMinor,
            long filledQtyMinor,
            long filledQuoteMinor,
            boolean pendingStop,
            org.agrona.DirectBuffer clientOrderId);
    }
}
