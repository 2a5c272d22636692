package io.bourse.engine.reference;

import io.bourse.engine.event.EventLog;
import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.Side;

/**
 * Emits the reference model's events into the current command's {@link EventLog}, applying balance changes as it
 * reports them so every {@code BalanceChanged} carries the balances after that change.
 */
final class ReferenceEvents
{
    private final ReferenceState state;
    private EventLog log;

    ReferenceEvents(final ReferenceState state)
    {
        this.state = state;
    }

    /** Directs the following events to the log of the command being processed. */
    void begin(final EventLog log)
    {
        this.log = log;
    }

    EventLog log()
    {
        return log;
    }

    /** §4: the one event of a rejected command. */
    void reject(
        final CommandType commandType,
        final long accountId,
        final int symbolId,
        final long orderId,
        final AsciiId clientOrderId,
        final RejectReason reason)
    {
        log.commandRejected()
            .commandType(commandType)
            .accountId(accountId)
            .symbolId(symbolId)
            .orderId(orderId)
            .putClientOrderId(clientOrderId.bytes(), 0)
            .reason(reason);
    }

    /** Applies and reports a balance change; a change with both deltas zero is neither applied nor reported. */
    void balance(
        final long accountId,
        final int assetId,
        final long deltaAvailable,
        final long deltaHeld,
        final BalanceReason reason,
        final long referenceId)
    {
        if (deltaAvailable == 0 && deltaHeld == 0)
        {
            return;
        }
        final ReferenceAccount account = state.accounts.get(accountId);
        account.change(assetId, deltaAvailable, deltaHeld);
        log.balanceChanged()
            .accountId(accountId)
            .assetId(assetId)
            .deltaAvailableMinor(deltaAvailable)
            .deltaHeldMinor(deltaHeld)
            .availableMinor(account.available(assetId))
            .heldMinor(account.held(assetId))
            .reason(reason)
            .referenceId(referenceId);
    }

    /** The asset an order holds: quote for a buy, base for a sell. */
    int heldAsset(final ReferenceOrder order)
    {
        final ReferenceBook book = state.books.get(order.symbolId);
        return order.isBuy() ? book.spec.quoteAssetId() : book.spec.baseAssetId();
    }

    /** §7: {@code OrderCancelled(leaves, filled, reason)} then the release of the order's whole hold. */
    void cancelled(final ReferenceOrder order, final CancelReason reason)
    {
        final long lotMinor = state.books.get(order.symbolId).spec.lotMinor();
        log.orderCancelled()
            .orderId(order.orderId)
            .accountId(order.accountId)
            .symbolId(order.symbolId)
            .putClientOrderId(order.clientOrderId.bytes(), 0)
            .side(Side.get(order.side))
            .leavesQtyMinor(Math.multiplyExact(order.remainingLots(), lotMinor))
            .filledQtyMinor(Math.multiplyExact(order.filledLots, lotMinor))
            .reason(reason);
        final long hold = order.holdMinor();
        balance(order.accountId, heldAsset(order), hold, -hold, BalanceReason.ORDER_RELEASE, order.orderId);
    }
}
