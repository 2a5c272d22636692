package io.bourse.engine;

import io.bourse.engine.account.Account;
import io.bourse.engine.event.EventLog;
import io.bourse.sbe.BalanceReason;

/**
 * The only place a balance changes: applies one movement to an account's available and held amounts and emits its
 * {@code BalanceChanged} event, so the event stream is a complete ledger. Engine thread only.
 */
final class Ledger
{
    private final ExchangeState state;
    private EventLog events;

    Ledger(final ExchangeState state)
    {
        this.state = state;
    }

    void events(final EventLog events)
    {
        this.events = events;
    }

    /** Moves {@code deltaAvailable} and {@code deltaHeld}; emits nothing when both are zero. */
    void move(
        final Account account,
        final int assetIndex,
        final long deltaAvailable,
        final long deltaHeld,
        final BalanceReason reason,
        final long referenceId)
    {
        if (deltaAvailable == 0 && deltaHeld == 0)
        {
            return;
        }
        final long available = account.available[assetIndex] + deltaAvailable;
        final long held = account.held[assetIndex] + deltaHeld;
        account.available[assetIndex] = available;
        account.held[assetIndex] = held;
        events.balanceChanged()
            .accountId(account.id)
            .assetId(state.assets[assetIndex].id())
            .deltaAvailableMinor(deltaAvailable)
            .deltaHeldMinor(deltaHeld)
            .availableMinor(available)
            .heldMinor(held)
            .reason(reason)
            .referenceId(referenceId);
    }

    /** Moves {@code amount} from available to held (positive) or back (negative). */
    void hold(final Account account, final int assetIndex, final long amount, final BalanceReason reason, final long orderId)
    {
        move(account, assetIndex, -amount, amount, reason, orderId);
    }
}
