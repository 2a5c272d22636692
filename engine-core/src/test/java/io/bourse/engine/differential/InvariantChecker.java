package io.bourse.engine.differential;

import java.util.Arrays;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;

import io.bourse.engine.ExchangeView;
import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.sbe.BalanceChangedDecoder;
import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;

/**
 * Checks the invariants every state of the exchange must satisfy, from an {@link ExchangeView}, the config and the
 * events of each command: no negative balance; every held balance exactly what the account's open orders need
 * (recomputed here from docs/semantics.md §2 and §6); books never crossed; open orders well formed, their filled
 * quote consistent with their fills; pending stops not already reached; per asset, all balances summing to deposits
 * minus withdrawals. Failures throw {@link AssertionError} naming the invariant, the command and the account, asset or
 * order.
 */
public final class InvariantChecker
{
    private static final long BPS = SymbolSpec.BPS_DENOMINATOR;

    private final ExchangeConfig config;
    private final List<AssetSpec> assets;
    private final int[] assetIndex;
    private final long[] supply;
    private final BalanceChangedDecoder balance = new BalanceChangedDecoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final LongArrayList accountIds = new LongArrayList();
    private final Long2ObjectHashMap<long[]> expectedHeld = new Long2ObjectHashMap<>();
    private final long[] bestRestingBid;
    private final long[] bestRestingAsk;
    private final long[] balanceSums;
    private final SymbolSpec[] symbols = new SymbolSpec[ExchangeConfig.MAX_ID + 1];
    private final ExchangeView.OpenOrderVisitor orderVisitor = this::visitOrder;
    private ExchangeView view;
    private long commandIndex;

    public InvariantChecker(final ExchangeConfig config)
    {
        this.config = config;
        this.assets = config.assets();
        this.assetIndex = new int[ExchangeConfig.MAX_ID + 1];
        for (int i = 0; i < assets.size(); i++)
        {
            assetIndex[assets.get(i).id()] = i;
        }
        this.supply = new long[assets.size()];
        this.balanceSums = new long[assets.size()];
        this.bestRestingBid = new long[ExchangeConfig.MAX_ID + 1];
        this.bestRestingAsk = new long[ExchangeConfig.MAX_ID + 1];
        for (final SymbolSpec symbol : config.symbols())
        {
            symbols[symbol.id()] = symbol;
        }
    }

    /**
     * Checks the state after command {@code commandIndex}, whose events are {@code events} from 0 to
     * {@code eventsLength}. Call once after every command, in order, so deposits and withdrawals are all seen.
     */
    public void check(final ExchangeView view, final DirectBuffer events, final int eventsLength, final long commandIndex)
    {
        this.view = view;
        this.commandIndex = commandIndex;
        scanEvents(events, eventsLength);
        collectAccounts();
        checkOpenOrders();
        checkBooks();
        checkBalances();
        checkSupply();
    }

    private AssertionError broken(final String invariant, final String detail)
    {
        return new AssertionError("invariant " + invariant + " broken after command #" + commandIndex + ": " + detail);
    }

    private String assetName(final int assetId)
    {
        final AssetSpec asset = config.asset(assetId);
        return assetId + (asset == null ? "" : " (" + asset.code() + ")");
    }

    private void scanEvents(final DirectBuffer events, final int eventsLength)
    {
        int offset = 0;
        while (offset < eventsLength)
        {
            header.wrap(events, offset);
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            if (header.templateId() == BalanceChangedDecoder.TEMPLATE_ID)
            {
                balance.wrap(events, body, header.blockLength(), header.version());
                if (balance.availableMinor() < 0 || balance.heldMinor() < 0)
                {
                    throw broken("NO_NEGATIVE_BALANCE", "event reports account " + balance.accountId() + " asset "
                        + assetName(balance.assetId()) + " available " + balance.availableMinor()
                        + " held " + balance.heldMinor());
                }
                if (balance.reason() == BalanceReason.DEPOSIT || balance.reason() == BalanceReason.WITHDRAWAL)
                {
                    final int index = assetIndex[balance.assetId()];
                    supply[index] = Math.addExact(supply[index], balance.deltaAvailableMinor());
                }
            }
            offset = body + header.blockLength();
        }
    }

    private void collectAccounts()
    {
        accountIds.clear();
        view.forEachAccount(accountIds::addLong);
        for (int i = 0; i < accountIds.size(); i++)
        {
            final long[] needs = expectedHeld.get(accountIds.getLong(i));
            if (needs == null)
            {
                expectedHeld.put(accountIds.getLong(i), new long[assets.size()]);
            }
            else
            {
                Arrays.fill(needs, 0);
            }
        }
        for (final SymbolSpec symbol : config.symbols())
        {
            bestRestingBid[symbol.id()] = ExchangeView.NO_PRICE;
            bestRestingAsk[symbol.id()] = ExchangeView.NO_PRICE;
        }
    }

    private void checkOpenOrders()
    {
        view.forEachOpenOrder(orderVisitor);
    }

    private void visitOrder(
        final long orderId,
        final long accountId,
        final int symbolId,
        final short side,
        final short orderType,
        final long priceMinor,
        final long stopPriceMinor,
        final long qtyMinor,
        final long filledQtyMinor,
        final long filledQuoteMinor,
        final boolean pendingStop,
        final DirectBuffer clientOrderId)
    {
        final SymbolSpec symbol = symbolId >= 0 && symbolId <= ExchangeConfig.MAX_ID ? symbols[symbolId] : null;
        if (symbol == null)
        {
            throw brokenOrder("ORDER_WELL_FORMED", orderId, accountId, symbolId, "unknown symbol");
        }
        final long[] needs = expectedHeld.get(accountId);
        if (needs == null)
        {
            throw brokenOrder("ORDER_WELL_FORMED", orderId, accountId, symbolId, "unknown account");
        }
        if (filledQtyMinor < 0 || filledQtyMinor > qtyMinor)
        {
            throw brokenOrder("FILLED_WITHIN_QUANTITY", orderId, accountId, symbolId,
                "filled " + filledQtyMinor + " of " + qtyMinor);
        }
        if (filledQtyMinor == qtyMinor)
        {
            throw brokenOrder("OPEN_ORDER_HAS_REMAINDER", orderId, accountId, symbolId,
                "open with nothing left (qty " + qtyMinor + ")");
        }
        // Each fill adds price ticks x lots x quotePerTickLot > 0: the sum is a multiple, and 0 exactly without fills.
        if (filledQuoteMinor < 0 || (filledQuoteMinor == 0) != (filledQtyMinor == 0)
            || filledQuoteMinor % symbol.quotePerTickLot() != 0)
        {
            throw brokenOrder("FILLED_QUOTE_MATCHES_FILLS", orderId, accountId, symbolId,
                "filled quote " + filledQuoteMinor + " for filled " + filledQtyMinor);
        }
        final long lot = symbol.lotMinor();
        final long tick = symbol.tickMinor();
        if (qtyMinor % lot != 0 || filledQtyMinor % lot != 0 || priceMinor % tick != 0 || stopPriceMinor % tick != 0)
        {
            throw brokenOrder("ORDER_WELL_FORMED", orderId, accountId, symbolId, "off lot or tick: price " + priceMinor
                + " stop " + stopPriceMinor + " qty " + qtyMinor + " filled " + filledQtyMinor);
        }
        final boolean buy = side == Side.BUY.value();
        if (!isOpenable(orderType, pendingStop, priceMinor, stopPriceMinor, filledQtyMinor))
        {
            throw brokenOrder("ORDER_WELL_FORMED", orderId, accountId, symbolId, "type " + orderType
                + " pendingStop " + pendingStop + " price " + priceMinor + " stop " + stopPriceMinor + " filled "
                + filledQtyMinor + " cannot be open");
        }

        final long remainingLots = (qtyMinor - filledQtyMinor) / lot;
        if (buy)
        {
            final long holdPriceTicks = orderType == OrderType.STOP.value() ?
                stopHoldPriceTicks(symbol, stopPriceMinor / tick) : priceMinor / tick;
            addNeed(needs, symbol.quoteAssetId(), Math.multiplyExact(remainingLots, holdPerLot(symbol, holdPriceTicks)));
        }
        else
        {
            addNeed(needs, symbol.baseAssetId(), Math.multiplyExact(remainingLots, lot));
        }

        if (pendingStop)
        {
            final long last = view.lastPriceMinor(symbolId);
            if (buy ? last >= stopPriceMinor : last <= stopPriceMinor)
            {
                throw brokenOrder("PENDING_STOP_NOT_REACHED", orderId, accountId, symbolId, "stop " + stopPriceMinor
                    + " already reached by last " + last + " but still pending");
            }
        }
        else if (buy)
        {
            bestRestingBid[symbolId] = Math.max(bestRestingBid[symbolId], priceMinor);
        }
        else if (bestRestingAsk[symbolId] == ExchangeView.NO_PRICE || priceMinor < bestRestingAsk[symbolId])
        {
            bestRestingAsk[symbolId] = priceMinor;
        }
    }

    private AssertionError brokenOrder(
        final String invariant, final long orderId, final long accountId, final int symbolId, final String detail)
    {
        return broken(invariant, "order " + orderId + " of account " + accountId + " in symbol " + symbolId + ": " + detail);
    }

    /** Only LIMIT and triggered STOP_LIMIT rest; STOP and STOP_LIMIT wait untriggered; MARKET is never open. */
    private static boolean isOpenable(
        final short orderType,
        final boolean pendingStop,
        final long priceMinor,
        final long stopPriceMinor,
        final long filledQtyMinor)
    {
        if (orderType == OrderType.LIMIT.value())
        {
            return !pendingStop && priceMinor > 0 && stopPriceMinor == 0;
        }
        if (orderType == OrderType.STOP_LIMIT.value())
        {
            return priceMinor > 0 && stopPriceMinor > 0 && (!pendingStop || filledQtyMinor == 0);
        }
        if (orderType == OrderType.STOP.value())
        {
            return pendingStop && priceMinor == 0 && stopPriceMinor > 0 && filledQtyMinor == 0;
        }
        return false;
    }

    private void addNeed(final long[] needs, final int assetId, final long amount)
    {
        final int index = assetIndex[assetId];
        needs[index] = Math.addExact(needs[index], amount);
    }

    private static long ceilDiv(final long a, final long b)
    {
        return a / b + (a % b == 0 ? 0 : 1);
    }

    /** §2: quote a buy holds per lot at a price. */
    private static long holdPerLot(final SymbolSpec symbol, final long priceTicks)
    {
        final long perLot = priceTicks * symbol.quotePerTickLot();
        return perLot + ceilDiv(perLot * symbol.maxFeeBps(), BPS);
    }

    /** §6 step 8: a buy STOP holds at its stop price plus the band. */
    private static long stopHoldPriceTicks(final SymbolSpec symbol, final long stopTicks)
    {
        return Math.min(symbol.maxPriceTicks(), stopTicks * (BPS + symbol.priceBandBps()) / BPS);
    }

    private void checkBalances()
    {
        Arrays.fill(balanceSums, 0);
        for (int i = 0; i < accountIds.size(); i++)
        {
            final long accountId = accountIds.getLong(i);
            final long[] needs = expectedHeld.get(accountId);
            for (int a = 0; a < assets.size(); a++)
            {
                final int assetId = assets.get(a).id();
                final long available = view.availableMinor(accountId, assetId);
                final long held = view.heldMinor(accountId, assetId);
                if (available < 0 || held < 0)
                {
                    throw broken("NO_NEGATIVE_BALANCE", "account " + accountId + " asset " + assetName(assetId)
                        + " available " + available + " held " + held);
                }
                if (held != needs[a])
                {
                    throw broken("HELD_EQUALS_OPEN_ORDER_NEEDS", "account " + accountId + " asset "
                        + assetName(assetId) + " held " + held + " but its open orders need " + needs[a]
                        + openOrdersOf(accountId));
                }
                balanceSums[a] = Math.addExact(balanceSums[a], Math.addExact(available, held));
            }
        }
    }

    private String openOrdersOf(final long accountId)
    {
        final StringBuilder out = new StringBuilder("; open orders:");
        view.forEachOpenOrder((orderId, owner, symbolId, side, orderType, price, stop, qty, filled, quote, pending,
            id) ->
        {
            if (owner == accountId)
            {
                out.append("\n  order ").append(orderId).append(" symbol ").append(symbolId).append(" side ").append(side)
                    .append(" type ").append(orderType).append(" price ").append(price).append(" stop ").append(stop)
                    .append(" qty ").append(qty).append(" filled ").append(filled).append(" pendingStop ").append(pending);
            }
        });
        return out.toString();
    }

    private void checkBooks()
    {
        for (final SymbolSpec symbol : config.symbols())
        {
            final int symbolId = symbol.id();
            final long bid = view.bestBidPriceMinor(symbolId);
            final long ask = view.bestAskPriceMinor(symbolId);
            if (bid != bestRestingBid[symbolId] || ask != bestRestingAsk[symbolId])
            {
                throw broken("BEST_PRICES_MATCH_RESTING_ORDERS", "symbol " + symbolId + " reports bid " + bid + " ask "
                    + ask + " but resting orders give bid " + bestRestingBid[symbolId] + " ask "
                    + bestRestingAsk[symbolId]);
            }
            if (bid != ExchangeView.NO_PRICE && ask != ExchangeView.NO_PRICE && bid >= ask)
            {
                throw broken("BOOK_NOT_CROSSED", "symbol " + symbolId + " best bid " + bid + " >= best ask " + ask);
            }
        }
    }

    private void checkSupply()
    {
        for (int a = 0; a < assets.size(); a++)
        {
            if (balanceSums[a] != supply[a])
            {
                throw broken("BALANCES_SUM_TO_SUPPLY", "asset " + assetName(assets.get(a).id()) + ": all accounts hold "
                    + balanceSums[a] + " but deposits minus withdrawals are " + supply[a]);
            }
        }
    }
}
