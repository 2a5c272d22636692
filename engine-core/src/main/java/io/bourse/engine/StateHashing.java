package io.bourse.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.bourse.engine.account.Account;
import io.bourse.engine.book.BookSide;
import io.bourse.engine.book.Order;
import io.bourse.engine.book.PriceLevel;
import io.bourse.engine.book.SymbolBook;
import io.bourse.engine.state.StateHasher;

/**
 * The canonical traversal of {@link ExchangeState} for the state hash (docs/semantics.md §11): sorted by id
 * wherever the engine's own structures are unordered, so the hash never depends on hash-map iteration order.
 * Allocates; called between commands, never per command.
 */
final class StateHashing
{
    private StateHashing()
    {
    }

    static long hash(final ExchangeState state)
    {
        final StateHasher hasher = new StateHasher();
        hasher.add(state.nextOrderId).add(state.nextTradeId);
        for (int i = 0; i < state.assets.length; i++)
        {
            hasher.add(state.assets[i].id()).add(state.totalSupply[i]);
        }
        hasher.add(state.externalRefs.size()).add(state.externalRefs.digestSum());
        for (final long accountId : sortedAccountIds(state))
        {
            final Account account = state.accounts.get(accountId);
            hasher.add(account.id).add(account.allowSelfTrade).add(account.frozen);
            for (int i = 0; i < state.assets.length; i++)
            {
                hasher.add(account.available[i]).add(account.held[i]);
            }
        }
        for (final SymbolBook book : state.symbols)
        {
            hasher.add(book.spec.id()).add(book.halted).add(book.lastPriceTicks);
            addSide(hasher, book.bids);
            addSide(hasher, book.asks);
            final List<Order> stops = pendingStopsById(book);
            hasher.add(stops.size());
            for (final Order order : stops)
            {
                addOrder(hasher, order);
            }
        }
        return hasher.value();
    }

    static long[] sortedAccountIds(final ExchangeState state)
    {
        final long[] ids = new long[state.accounts.size()];
        int i = 0;
        for (final Account account : state.accounts.values())
        {
            ids[i++] = account.id;
        }
        Arrays.sort(ids);
        return ids;
    }

    /** Pending stops of both sides in ascending order id. */
    static List<Order> pendingStopsById(final SymbolBook book)
    {
        final List<Order> stops = new ArrayList<>();
        collect(book.buyStops, stops);
        collect(book.sellStops, stops);
        stops.sort((a, b) -> Long.compare(a.orderId, b.orderId));
        return stops;
    }

    /** Orders of a side best level first, oldest first within a level. */
    static void collect(final BookSide side, final List<Order> into)
    {
        for (int rank = 0; rank < side.levelCount(); rank++)
        {
            final PriceLevel level = side.levelFromBest(rank);
            for (Order order = level.head(); order != null; order = order.nextInLevel())
            {
                into.add(order);
            }
        }
    }

    private static void addSide(final StateHasher hasher, final BookSide side)
    {
        hasher.add(side.orderCount());
        for (int rank = 0; rank < side.levelCount(); rank++)
        {
            final PriceLevel level = side.levelFromBest(rank);
            for (Order order = level.head(); order != null; order = order.nextInLevel())
            {
                addOrder(hasher, order);
            }
        }
    }

    private static void addOrder(final StateHasher hasher, final Order order)
    {
        hasher.add(order.orderId).add(order.accountId)
            .add(order.side).add(order.orderType).add(order.timeInForce).add(order.stpMode).add(order.postOnly)
            .add(order.priceTicks).add(order.stopPriceTicks).add(order.qtyLots).add(order.filledLots)
            .add(order.filledQuoteMinor).add(order.expireTimeNs).add(order.holdPerLot)
            .add(order.clientOrderId0).add(order.clientOrderId1).add(order.clientOrderId2).add(order.clientOrderId3);
    }
}
