package io.bourse.engine.differential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.agrona.DirectBuffer;

import io.bourse.engine.command.AsciiField;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.sbe.AccountCreatedDecoder;
import io.bourse.sbe.AccountFrozenDecoder;
import io.bourse.sbe.AccountUnfrozenDecoder;
import io.bourse.sbe.BalanceChangedDecoder;
import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.CommandRejectedDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.OrderCancelledDecoder;
import io.bourse.sbe.OrderReplacedDecoder;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.StopTriggeredDecoder;
import io.bourse.sbe.SymbolHaltedDecoder;
import io.bourse.sbe.SymbolResumedDecoder;
import io.bourse.sbe.TradeExecutedDecoder;

/**
 * What the command generator believes about the exchange, learned only from the events each command produced:
 * accounts, available balances, open orders, last prices, halts and freezes, accepted external refs.
 */
final class ObservedState
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final CommandRejectedDecoder rejected = new CommandRejectedDecoder();
    private final AccountCreatedDecoder accountCreated = new AccountCreatedDecoder();
    private final AccountFrozenDecoder accountFrozen = new AccountFrozenDecoder();
    private final AccountUnfrozenDecoder accountUnfrozen = new AccountUnfrozenDecoder();
    private final SymbolHaltedDecoder symbolHalted = new SymbolHaltedDecoder();
    private final SymbolResumedDecoder symbolResumed = new SymbolResumedDecoder();
    private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
    private final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
    private final OrderReplacedDecoder replaced = new OrderReplacedDecoder();
    private final StopTriggeredDecoder triggered = new StopTriggeredDecoder();
    private final TradeExecutedDecoder trade = new TradeExecutedDecoder();
    private final BalanceChangedDecoder balance = new BalanceChangedDecoder();

    final List<Long> accountIds = new ArrayList<>();
    final Set<Long> selfTradeAccounts = new HashSet<>();
    final Set<Long> frozenAccounts = new HashSet<>();
    final Set<Integer> haltedSymbols = new HashSet<>();
    final Map<Integer, Long> lastPriceMinor = new HashMap<>();
    /** Refs the exchange accepted (deposits and withdrawals share one namespace). */
    final List<String> acceptedRefs = new ArrayList<>();
    final List<ObservedOrder> openOrders = new ArrayList<>();
    final StreamStats stats = new StreamStats();
    private final Map<Long, ObservedOrder> ordersById = new HashMap<>();
    private final Map<Long, Map<Integer, Long>> available = new HashMap<>();
    /** Deposits minus withdrawals per asset. */
    final Map<Integer, Long> supply = new HashMap<>();
    /** The external ref of the command in flight: remembered if the command is accepted. */
    String pendingRef;

    ObservedState(final ExchangeConfig config)
    {
        for (final SymbolSpec symbol : config.symbols())
        {
            lastPriceMinor.put(symbol.id(), symbol.referencePriceTicks() * symbol.tickMinor());
        }
    }

    long available(final long accountId, final int assetId)
    {
        return available.getOrDefault(accountId, Map.of()).getOrDefault(assetId, 0L);
    }

    ObservedOrder order(final long orderId)
    {
        return ordersById.get(orderId);
    }

    /** Learns from the events of one command. */
    void onEvents(final DirectBuffer events, final int length)
    {
        int trades = 0;
        int triggers = 0;
        boolean replaced = false;
        int expired = 0;
        int offset = 0;
        while (offset < length)
        {
            header.wrap(events, offset);
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            final int blockLength = header.blockLength();
            final int version = header.version();
            switch (header.templateId())
            {
                case CommandRejectedDecoder.TEMPLATE_ID ->
                {
                    rejected.wrap(events, body, blockLength, version);
                    stats.onEvent("CommandRejected");
                    stats.onReject(rejected.commandType(), rejected.reason());
                }
                case AccountCreatedDecoder.TEMPLATE_ID -> onAccountCreated(events, body, blockLength, version);
                case AccountFrozenDecoder.TEMPLATE_ID ->
                {
                    stats.onEvent("AccountFrozen");
                    frozenAccounts.add(accountFrozen.wrap(events, body, blockLength, version).accountId());
                }
                case AccountUnfrozenDecoder.TEMPLATE_ID ->
                {
                    stats.onEvent("AccountUnfrozen");
                    frozenAccounts.remove(accountUnfrozen.wrap(events, body, blockLength, version).accountId());
                }
                case SymbolHaltedDecoder.TEMPLATE_ID ->
                {
                    stats.onEvent("SymbolHalted");
                    haltedSymbols.add(symbolHalted.wrap(events, body, blockLength, version).symbolId());
                }
                case SymbolResumedDecoder.TEMPLATE_ID ->
                {
                    stats.onEvent("SymbolResumed");
                    haltedSymbols.remove(symbolResumed.wrap(events, body, blockLength, version).symbolId());
                }
                case OrderAcceptedDecoder.TEMPLATE_ID -> onAccepted(events, body, blockLength, version);
                case OrderCancelledDecoder.TEMPLATE_ID ->
                {
                    cancelled.wrap(events, body, blockLength, version);
                    stats.onEvent("OrderCancelled");
                    stats.onCancel(cancelled.reason());
                    if (cancelled.reason() == CancelReason.EXPIRED)
                    {
                        expired++;
                    }
                    onCancelled(cancelled.orderId(), cancelled.reason());
                }
                case OrderReplacedDecoder.TEMPLATE_ID ->
                {
                    replaced = true;
                    onReplaced(events, body, blockLength, version);
                }
                case StopTriggeredDecoder.TEMPLATE_ID ->
                {
                    stats.onEvent("StopTriggered");
                    triggers++;
                    final ObservedOrder order = ordersById.get(triggered.wrap(events, body, blockLength, version).orderId());
                    if (order != null)
                    {
                        order.pendingStop = false;
                    }
                }
                case TradeExecutedDecoder.TEMPLATE_ID ->
                {
                    trades++;
                    if (replaced)
                    {
                        stats.onPath("amendThatTrades");
                    }
                    if (triggers > 0)
                    {
                        stats.onPath("tradeOfTriggeredStop");
                    }
                    onTrade(events, body, blockLength, version);
                }
                case BalanceChangedDecoder.TEMPLATE_ID -> onBalance(events, body, blockLength, version);
                default -> stats.onEvent("Other" + header.templateId());
            }
            offset = body + blockLength;
        }
        pendingRef = null;
        if (trades >= 20)
        {
            stats.onPath("deepSweep");
        }
        if (expired >= 100)
        {
            stats.onPath("massExpiry");
        }
        stats.onCommand(trades, triggers, openOrders.size());
    }

    private void onAccountCreated(final DirectBuffer events, final int body, final int blockLength, final int version)
    {
        accountCreated.wrap(events, body, blockLength, version);
        stats.onEvent("AccountCreated");
        accountIds.add(accountCreated.accountId());
        if (accountCreated.allowSelfTrade() == BooleanType.TRUE)
        {
            selfTradeAccounts.add(accountCreated.accountId());
        }
    }

    private void onAccepted(final DirectBuffer events, final int body, final int blockLength, final int version)
    {
        accepted.wrap(events, body, blockLength, version);
        stats.onEvent("OrderAccepted");
        final ObservedOrder order = new ObservedOrder(
            accepted.orderId(),
            accepted.accountId(),
            accepted.symbolId(),
            accepted.sideRaw(),
            accepted.orderTypeRaw(),
            accepted.timeInForceRaw(),
            accepted.postOnlyRaw() == BooleanType.TRUE.value(),
            accepted.stopPriceMinor());
        order.priceMinor = accepted.priceMinor();
        order.qtyMinor = accepted.qtyMinor();
        order.clientOrderId = new byte[AsciiField.ID_LENGTH];
        accepted.getClientOrderId(order.clientOrderId, 0);
        order.index = openOrders.size();
        openOrders.add(order);
        ordersById.put(order.orderId, order);
    }

    private void onCancelled(final long orderId, final CancelReason reason)
    {
        final ObservedOrder order = ordersById.get(orderId);
        if (order != null && reason == CancelReason.EXPIRED)
        {
            stats.onPath(order.pendingStop ? "expiredPendingStop" :
                order.orderType == OrderType.STOP_LIMIT.value() ? "expiredTriggeredStopLimit" : "expiredLimit");
        }
        if (order != null && reason == CancelReason.SELF_TRADE_PREVENTION && order.orderType != OrderType.LIMIT.value())
        {
            stats.onPath("selfTradePreventionOfStop");
        }
        remove(orderId);
    }

    private void onReplaced(final DirectBuffer events, final int body, final int blockLength, final int version)
    {
        replaced.wrap(events, body, blockLength, version);
        stats.onEvent("OrderReplaced");
        final boolean ended = replaced.leavesQtyMinor() == 0;
        stats.onReplaced(replaced.priorityKept() == BooleanType.TRUE, ended);
        if (ended)
        {
            remove(replaced.orderId());
            return;
        }
        final ObservedOrder order = ordersById.get(replaced.orderId());
        if (order != null && order.orderType == OrderType.STOP_LIMIT.value())
        {
            stats.onPath("amendOfTriggeredStopLimit");
        }
        if (order != null)
        {
            order.priceMinor = replaced.priceMinor();
            order.qtyMinor = replaced.qtyMinor();
            order.filledMinor = replaced.filledQtyMinor();
            replaced.getClientOrderId(order.clientOrderId, 0);
        }
    }

    private void onTrade(final DirectBuffer events, final int body, final int blockLength, final int version)
    {
        trade.wrap(events, body, blockLength, version);
        stats.onEvent("TradeExecuted");
        if (trade.makerAccountId() == trade.takerAccountId())
        {
            stats.onSelfTrade();
        }
        if (trade.makerAccountId() == 0 || trade.takerAccountId() == 0)
        {
            stats.onPath("feeAccountTrades");
        }
        lastPriceMinor.put(trade.symbolId(), trade.priceMinor());
        fill(trade.makerOrderId(), trade.qtyMinor(), trade.makerLeavesQtyMinor());
        fill(trade.takerOrderId(), trade.qtyMinor(), trade.takerLeavesQtyMinor());
    }

    private void fill(final long orderId, final long qtyMinor, final long leavesMinor)
    {
        final ObservedOrder order = ordersById.get(orderId);
        if (order == null)
        {
            return;
        }
        order.filledMinor += qtyMinor;
        if (leavesMinor == 0)
        {
            remove(orderId);
        }
    }

    private void onBalance(final DirectBuffer events, final int body, final int blockLength, final int version)
    {
        balance.wrap(events, body, blockLength, version);
        stats.onEvent("BalanceChanged");
        available.computeIfAbsent(balance.accountId(), id -> new HashMap<>())
            .put(balance.assetId(), balance.availableMinor());
        final BalanceReason reason = balance.reason();
        if (reason == BalanceReason.DEPOSIT || reason == BalanceReason.WITHDRAWAL)
        {
            supply.merge(balance.assetId(), balance.deltaAvailableMinor(), Long::sum);
            if (pendingRef != null)
            {
                acceptedRefs.add(pendingRef);
            }
        }
    }

    private void remove(final long orderId)
    {
        final ObservedOrder order = ordersById.remove(orderId);
        if (order == null)
        {
            return;
        }
        final ObservedOrder last = openOrders.remove(openOrders.size() - 1);
        if (last != order)
        {
            last.index = order.index;
            openOrders.set(order.index, last);
        }
    }
}
