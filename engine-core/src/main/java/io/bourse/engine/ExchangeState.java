package io.bourse.engine;

import java.util.List;

import org.agrona.collections.Long2ObjectHashMap;

import io.bourse.engine.account.Account;
import io.bourse.engine.account.ClientOrderIdIndex;
import io.bourse.engine.account.ExternalRefSet;
import io.bourse.engine.book.ExpiryQueue;
import io.bourse.engine.book.Order;
import io.bourse.engine.book.OrderPool;
import io.bourse.engine.book.SymbolBook;
import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;

/**
 * All mutable state of the exchange, in one place so the command handlers, the snapshot codec and the state hash
 * see the same thing. Asset arrays are indexed by asset index (position in ascending asset id order).
 * Engine thread only.
 */
final class ExchangeState
{
    static final long FEE_ACCOUNT_ID = 0;
    private static final int MISSING = -1;

    final ExchangeConfig config;
    final AssetSpec[] assets;
    final int[] assetIndexById;
    /** By ascending symbol id. */
    final SymbolBook[] symbols;
    private final SymbolBook[] symbolById;

    final Long2ObjectHashMap<Account> accounts = new Long2ObjectHashMap<>();
    final Long2ObjectHashMap<Order> openOrders = new Long2ObjectHashMap<>(1 << 16, 0.5f);
    final ClientOrderIdIndex clientOrderIds = new ClientOrderIdIndex(1 << 16);
    final ExternalRefSet externalRefs = new ExternalRefSet();
    final ExpiryQueue expiries = new ExpiryQueue();
    final OrderPool orderPool = new OrderPool(1 << 14);
    /** Deposits minus withdrawals per asset index. */
    final long[] totalSupply;
    final Account feeAccount;
    long nextOrderId = 1;
    long nextTradeId = 1;

    ExchangeState(final ExchangeConfig config)
    {
        this.config = config;
        final List<AssetSpec> assetList = config.assets();
        assets = assetList.toArray(new AssetSpec[0]);
        assetIndexById = new int[assets[assets.length - 1].id() + 1];
        java.util.Arrays.fill(assetIndexById, MISSING);
        for (int i = 0; i < assets.length; i++)
        {
            assetIndexById[assets[i].id()] = i;
        }
        final List<SymbolSpec> symbolList = config.symbols();
        symbols = new SymbolBook[symbolList.size()];
        int maxSymbolId = 0;
        for (final SymbolSpec spec : symbolList)
        {
            maxSymbolId = Math.max(maxSymbolId, spec.id());
        }
        symbolById = new SymbolBook[maxSymbolId + 1];
        for (int i = 0; i < symbols.length; i++)
        {
            final SymbolSpec spec = symbolList.get(i);
            symbols[i] = new SymbolBook(spec, assetIndexById[spec.baseAssetId()], assetIndexById[spec.quoteAssetId()]);
            symbolById[spec.id()] = symbols[i];
        }
        totalSupply = new long[assets.length];
        feeAccount = newAccount(FEE_ACCOUNT_ID, false);
    }

    Account newAccount(final long accountId, final boolean allowSelfTrade)
    {
        final Account account = new Account(accountId, allowSelfTrade, assets.length);
        accounts.put(accountId, account);
        return account;
    }

    /** The symbol with this id, or null. */
    SymbolBook symbol(final int symbolId)
    {
        return symbolId >= 0 && symbolId < symbolById.length ? symbolById[symbolId] : null;
    }

    /** The index of the asset with this id, or -1. */
    int assetIndex(final int assetId)
    {
        return assetId >= 0 && assetId < assetIndexById.length ? assetIndexById[assetId] : MISSING;
    }

    /** Registers an accepted order as open: by id, in its account, by client order id, and for expiry. */
    void open(final Order order)
    {
        openOrders.put(order.orderId, order);
        order.account.addOpenOrder(order);
        if (order.hasClientOrderId())
        {
            clientOrderIds.add(order);
        }
        if (order.expireTimeNs != 0)
        {
            expiries.add(order.expireTimeNs, order.orderId);
        }
    }

    /** Forgets a finished order (already out of any book side) and returns it to the pool. */
    void close(final Order order)
    {
        openOrders.remove(order.orderId);
        order.account.removeOpenOrder(order);
        if (order.hasClientOrderId())
        {
            clientOrderIds.remove(order);
        }
        orderPool.release(order);
    }

    /** The asset index an order holds: quote for a buy, base for a sell. */
    static int holdAssetIndex(final Order order)
    {
        return order.isBuy() ? order.book.quoteAssetIndex : order.book.baseAssetIndex;
    }
}
