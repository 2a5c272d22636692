package io.bourse.benchmarks;

import io.bourse.engine.command.CommandWriter;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * Writes the BTC-USDT commands the benchmarks use into a {@link CommandWriter}, taking prices in ticks and
 * quantities in lots. Setup and stream generation only: the client order id goes through a {@code CharSequence}.
 */
public final class Commands
{
    /** Not blank, so admin commands pass the MISSING_REASON check. */
    private static final String REASON = "benchmark setup";
    private static final long TICK = BenchmarkConfigs.BTC_USDT_TICK_MINOR;
    private static final long LOT = BenchmarkConfigs.BTC_USDT_LOT_MINOR;

    private Commands()
    {
    }

    public static CommandWriter createAccount(final CommandWriter writer, final long accountId)
    {
        writer.createAccount().accountId(accountId).allowSelfTrade(BooleanType.FALSE).reason(REASON);
        return writer;
    }

    public static CommandWriter deposit(
        final CommandWriter writer, final long accountId, final int assetId, final long amountMinor, final CharSequence externalRef)
    {
        writer.deposit().accountId(accountId).assetId(assetId).amountMinor(amountMinor).externalRef(externalRef).reason(REASON);
        return writer;
    }

    /** A BTC-USDT limit order with the default self-trade prevention (cancel taker). */
    public static CommandWriter placeLimit(
        final CommandWriter writer,
        final long accountId,
        final Side side,
        final TimeInForce timeInForce,
        final long priceTicks,
        final long qtyLots,
        final CharSequence clientOrderId)
    {
        writer.placeOrder()
            .accountId(accountId)
            .symbolId(BenchmarkConfigs.BTC_USDT)
            .clientOrderId(clientOrderId)
            .side(side)
            .orderType(OrderType.LIMIT)
            .timeInForce(timeInForce)
            .stpMode(StpMode.CANCEL_TAKER)
            .postOnly(BooleanType.FALSE)
            .priceMinor(priceTicks * TICK)
            .stopPriceMinor(0)
            .qtyMinor(qtyLots * LOT)
            .expireTimeNs(0);
        return writer;
    }

    /** A BTC-USDT market IOC order. */
    public static CommandWriter placeMarket(
        final CommandWriter writer, final long accountId, final Side side, final long qtyLots, final CharSequence clientOrderId)
    {
        writer.placeOrder()
            .accountId(accountId)
            .symbolId(BenchmarkConfigs.BTC_USDT)
            .clientOrderId(clientOrderId)
            .side(side)
            .orderType(OrderType.MARKET)
            .timeInForce(TimeInForce.IOC)
            .stpMode(StpMode.CANCEL_TAKER)
            .postOnly(BooleanType.FALSE)
            .priceMinor(0)
            .stopPriceMinor(0)
            .qtyMinor(qtyLots * LOT)
            .expireTimeNs(0);
        return writer;
    }

    /** Cancel by engine order id. */
    public static CommandWriter cancel(final CommandWriter writer, final long accountId, final long orderId)
    {
        writer.cancelOrder().accountId(accountId).orderId(orderId).clientOrderId((CharSequence)null);
        return writer;
    }

    /** Amend by engine order id to a new price and new total quantity, keeping the client order id. */
    public static CommandWriter replace(
        final CommandWriter writer, final long accountId, final long orderId, final long priceTicks, final long qtyLots)
    {
        writer.replaceOrder()
            .accountId(accountId)
            .orderId(orderId)
            .origClientOrderId((CharSequence)null)
            .clientOrderId((CharSequence)null)
            .priceMinor(priceTicks * TICK)
            .qtyMinor(qtyLots * LOT);
        return writer;
    }
}
