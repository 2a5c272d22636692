package io.bourse.engine.reference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.engine.state.StateHasher;

/**
 * Everything the reference model remembers, in plain sorted maps, and the state hash of docs/semantics.md §11.
 */
final class ReferenceState
{
    static final long FEE_ACCOUNT_ID = 0;

    final ExchangeConfig config;
    long nextOrderId = 1;
    long nextTradeId = 1;
    /** Deposits minus withdrawals, per asset id. */
    final TreeMap<Integer, Long> totalSupply = new TreeMap<>();
    final Set<AsciiId> externalRefs = new HashSet<>();
    final TreeMap<Long, ReferenceAccount> accounts = new TreeMap<>();
    final TreeMap<Integer, ReferenceBook> books = new TreeMap<>();
    /** Every open order (resting or pending stop) by order id. */
    final TreeMap<Long, ReferenceOrder> openOrders = new TreeMap<>();

    ReferenceState(final ExchangeConfig config)
    {
        this.config = config;
        for (final AssetSpec asset : config.assets())
        {
            totalSupply.put(asset.id(), 0L);
        }
        for (final SymbolSpec symbol : config.symbols())
        {
            books.put(symbol.id(), new ReferenceBook(symbol));
        }
        accounts.put(FEE_ACCOUNT_ID, new ReferenceAccount(FEE_ACCOUNT_ID, false));
    }

    /** §9: by order id when non-zero, else by a non-empty client order id; only the account's open orders. */
    ReferenceOrder findOpenOrder(final long accountId, final long orderId, final AsciiId clientOrderId)
    {
        if (orderId != 0)
        {
            final ReferenceOrder order = openOrders.get(orderId);
            return order != null && order.accountId == accountId ? order : null;
        }
        if (clientOrderId.isEmpty())
        {
            return null;
        }
        for (final ReferenceOrder order : openOrders.values())
        {
            if (order.accountId == accountId && order.clientOrderId.equals(clientOrderId))
            {
                return order;
            }
        }
        return null;
    }

    /** True when another open order of the account than {@code except} has this (non-empty) client order id. */
    boolean clientOrderIdInUse(final long accountId, final AsciiId clientOrderId, final ReferenceOrder except)
    {
        if (clientOrderId.isEmpty())
        {
            return false;
        }
        for (final ReferenceOrder order : openOrders.values())
        {
            if (order != except && order.accountId == accountId && order.clientOrderId.equals(clientOrderId))
            {
                return true;
            }
        }
        return false;
    }

    /** The account's open orders, in that symbol or all when {@code symbolId == 0}, by ascending order id. */
    List<ReferenceOrder> openOrdersOf(final long accountId, final int symbolId)
    {
        final List<ReferenceOrder> result = new ArrayList<>();
        for (final ReferenceOrder order : openOrders.values())
        {
            if (order.accountId == accountId && (symbolId == 0 || order.symbolId == symbolId))
            {
                result.add(order);
            }
        }
        return result;
    }

    long stateHash()
    {
        final StateHasher hasher = new StateHasher();
        hasher.add(nextOrderId).add(nextTradeId);
        for (final Map.Entry<Integer, Long> supply : totalSupply.entrySet())
        {
            hasher.add(supply.getKey()).add(supply.getValue());
        }
        long refDigests = 0;
        for (final AsciiId ref : externalRefs)
        {
            refDigests += ref.digest();
        }
        hasher.add(externalRefs.size()).add(refDigests);
        for (final ReferenceAccount account : accounts.values())
        {
            hasher.add(account.accountId).add(account.allowSelfTrade).add(account.frozen);
            for (final AssetSpec asset : config.assets())
            {
                hasher.add(account.available(asset.id())).add(account.held(asset.id()));
            }
        }
        for (final ReferenceBook book : books.values())
        {
            hasher.add(book.spec.id()).add(book.halted).add(book.lastTicks);
            addSide(hasher, book.bids);
            addSide(hasher, book.asks);
            final List<ReferenceOrder> stops = new ArrayList<>(book.pendingStops);
            stops.sort((a, b) -> Long.compare(a.orderId, b.orderId));
            hasher.add(stops.size());
            for (final ReferenceOrder stop : stops)
            {
                stop.addTo(hasher);
            }
        }
        return hasher.value();
    }

    private static void addSide(final StateHasher hasher, final TreeMap<Long, ArrayDeque<ReferenceOrder>> side)
    {
        final List<ReferenceOrder> orders = ReferenceBook.inPriority(side);
        hasher.add(orders.size());
        for (final ReferenceOrder order : orders)
        {
            order.addTo(hasher);
        }
    }
}
