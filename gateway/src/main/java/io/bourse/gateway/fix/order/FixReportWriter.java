package io.bourse.gateway.fix.order;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.gateway.fix.codec.FixEncoder;
import io.bourse.gateway.fix.codec.FixTags;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.Side;

/**
 * Writes the application fields of ExecutionReport (8), OrderCancelReject (9) and OrderMassCancelReport (r) from
 * {@link OrderReport}s and {@link PendingRequest}s, converting engine minor units back to decimal strings with the
 * symbol's asset scales. The session writes the header before and the trailer after. One thread.
 */
public final class FixReportWriter
{
    /** OrderID(37) when there is no order. */
    public static final String NO_ORDER_ID = "NONE";
    private static final int AVG_PX_EXTRA_DECIMALS = 8;

    private final FixSymbols symbols;

    public FixReportWriter(final ExchangeConfig config)
    {
        this.symbols = new FixSymbols(config);
    }

    /** An ExecutionReport for an order event; {@code clOrdId}/{@code origClOrdId} override the report's when not null. */
    public void executionReport(
        final FixEncoder encoder, final OrderReport report, final String clOrdId, final String origClOrdId)
    {
        final FixSymbols.Entry entry = symbols.byId(report.symbolId);
        final SymbolSpec symbol = entry.spec();
        final int baseScale = entry.baseScale();
        final int quoteScale = entry.quoteScale();
        encoder.put(FixTags.ORDER_ID, report.orderId)
            .put(FixTags.CL_ORD_ID, clOrdId != null ? clOrdId : report.clOrdId)
            .put(FixTags.ORIG_CL_ORD_ID, origClOrdId != null ? origClOrdId : report.origClOrdId)
            .put(FixTags.EXEC_ID, report.execId)
            .put(FixTags.EXEC_TYPE, execType(report))
            .put(FixTags.ORD_STATUS, ordStatus(report))
            .put(FixTags.SYMBOL, symbol.code())
            .put(FixTags.SIDE, side(report.side));
        if (report.orderType != null)
        {
            encoder.put(FixTags.ORD_TYPE, ordType(report.orderType));
            encoder.putScaled(FixTags.ORDER_QTY, report.orderQtyMinor, baseScale);
            if (report.orderType == OrderType.LIMIT || report.orderType == OrderType.STOP_LIMIT)
            {
                encoder.putScaled(FixTags.PRICE, report.priceMinor, quoteScale);
            }
            if (report.stopPriceMinor > 0)
            {
                encoder.putScaled(FixTags.STOP_PX, report.stopPriceMinor, quoteScale);
            }
        }
        if (report.kind == OrderReport.Kind.TRADE)
        {
            encoder.putScaled(FixTags.LAST_QTY, report.lastQtyMinor, baseScale)
                .putScaled(FixTags.LAST_PX, report.lastPriceMinor, quoteScale);
        }
        encoder.putScaled(FixTags.LEAVES_QTY, report.leavesQtyMinor, baseScale)
            .putScaled(FixTags.CUM_QTY, report.cumQtyMinor, baseScale)
            .put(FixTags.AVG_PX, avgPx(report.cumQuoteMinor, report.cumQtyMinor, baseScale, quoteScale))
            .putTimestampMs(FixTags.TRANSACT_TIME, report.transactTimeNs / 1_000_000L);
        if (report.kind == OrderReport.Kind.CANCELLED && report.cancelReason != null)
        {
            encoder.put(FixTags.TEXT, report.cancelReason.name());
        }
    }

    /** An ExecutionReport rejecting a NewOrderSingle, echoing what the request said. */
    public void orderRejected(
        final FixEncoder encoder,
        final PendingRequest request,
        final String execId,
        final int ordRejReason,
        final String text,
        final long transactTimeMs)
    {
        encoder.put(FixTags.ORDER_ID, NO_ORDER_ID)
            .put(FixTags.CL_ORD_ID, request.clOrdId)
            .put(FixTags.EXEC_ID, execId)
            .put(FixTags.EXEC_TYPE, '8')
            .put(FixTags.ORD_STATUS, '8')
            .put(FixTags.ORD_REJ_REASON, ordRejReason)
            .put(FixTags.SYMBOL, request.symbol == null ? "NONE" : request.symbol)
            .put(FixTags.SIDE, request.side == 0 ? '1' : request.side);
        if (request.ordType != 0)
        {
            encoder.put(FixTags.ORD_TYPE, request.ordType);
        }
        encoder.put(FixTags.ORDER_QTY, request.orderQty)
            .put(FixTags.PRICE, request.price)
            .put(FixTags.LEAVES_QTY, '0')
            .put(FixTags.CUM_QTY, '0')
            .put(FixTags.AVG_PX, '0')
            .putTimestampMs(FixTags.TRANSACT_TIME, transactTimeMs)
            .put(FixTags.TEXT, text);
    }

    /** An OrderCancelReject answering an OrderCancelRequest (F) or OrderCancelReplaceRequest (G). */
    public void cancelRejected(final FixEncoder encoder, final PendingRequest request, final int cxlRejReason, final String text)
    {
        encoder.put(FixTags.ORDER_ID, request.orderIdText == null ? NO_ORDER_ID : request.orderIdText)
            .put(FixTags.CL_ORD_ID, request.clOrdId)
            .put(FixTags.ORIG_CL_ORD_ID, request.origClOrdId == null ? "NONE" : request.origClOrdId)
            .put(FixTags.ORD_STATUS, '8')
            .put(FixTags.CXL_REJ_RESPONSE_TO, request.msgType == 'G' ? '2' : '1')
            .put(FixTags.CXL_REJ_REASON, cxlRejReason)
            .put(FixTags.TEXT, text);
    }

    /**
     * An OrderMassCancelReport: {@code response} 0 = rejected (with {@code rejectReason}), else echoes the request
     * type (1 by symbol, 7 all orders) with the number of orders cancelled.
     */
    public void massCancelReport(
        final FixEncoder encoder,
        final PendingRequest request,
        final char response,
        final int cancelledCount,
        final int rejectReason,
        final String text)
    {
        encoder.put(FixTags.CL_ORD_ID, request.clOrdId)
            .put(FixTags.ORDER_ID, NO_ORDER_ID)
            .put(FixTags.MASS_CANCEL_REQUEST_TYPE, request.massCancelRequestType == 0 ? '7' : request.massCancelRequestType)
            .put(FixTags.MASS_CANCEL_RESPONSE, response);
        if (response == '0')
        {
            encoder.put(FixTags.MASS_CANCEL_REJECT_REASON, rejectReason);
        }
        else
        {
            encoder.put(FixTags.TOTAL_AFFECTED_ORDERS, cancelledCount);
        }
        encoder.put(FixTags.SYMBOL, request.symbol).put(FixTags.TEXT, text);
    }

    /** OrdRejReason(103) for an engine reject reason. */
    public static int ordRejReason(final RejectReason reason)
    {
        return switch (reason)
        {
            case UNKNOWN_SYMBOL -> FixOrderEntry.UNKNOWN_SYMBOL;
            case SYMBOL_HALTED -> 2;
            case INSUFFICIENT_FUNDS, ABOVE_MAX_NOTIONAL -> 3;
            case DUPLICATE_CLIENT_ORDER_ID -> 6;
            case INVALID_QUANTITY, BAD_LOT, BELOW_MIN_QUANTITY, ABOVE_MAX_QUANTITY -> FixOrderEntry.INCORRECT_QUANTITY;
            case UNKNOWN_ORDER -> 5;
            default -> FixOrderEntry.OTHER;
        };
    }

    public static char execType(final OrderReport report)
    {
        return switch (report.kind)
        {
            case NEW -> '0';
            case TRADE -> 'F';
            case CANCELLED -> report.cancelReason == io.bourse.sbe.CancelReason.EXPIRED ? 'C' : '4';
            case REPLACED -> '5';
            case TRIGGERED -> 'L';
            default -> '8';
        };
    }

    public static char ordStatus(final OrderReport report)
    {
        if (report.kind == OrderReport.Kind.CANCELLED)
        {
            return report.cancelReason == io.bourse.sbe.CancelReason.EXPIRED ? 'C' : '4';
        }
        if (report.leavesQtyMinor == 0)
        {
            return report.cumQtyMinor > 0 ? '2' : '4';
        }
        return report.cumQtyMinor > 0 ? '1' : '0';
    }

    static char side(final Side side)
    {
        return side == Side.SELL ? '2' : '1';
    }

    static char ordType(final OrderType type)
    {
        return switch (type)
        {
            case MARKET -> '1';
            case STOP -> '3';
            case STOP_LIMIT -> '4';
            default -> '2';
        };
    }

    /** Average fill price in quote units per whole base unit: cumQuote / cumQty, to quote scale + 8 decimals. */
    static String avgPx(final long cumQuoteMinor, final long cumQtyMinor, final int baseScale, final int quoteScale)
    {
        if (cumQtyMinor == 0)
        {
            return "0";
        }
        return BigDecimal.valueOf(cumQuoteMinor).scaleByPowerOfTen(baseScale - quoteScale)
            .divide(BigDecimal.valueOf(cumQtyMinor), quoteScale + AVG_PX_EXTRA_DECIMALS, RoundingMode.HALF_EVEN)
            .stripTrailingZeros().toPlainString();
    }
}
