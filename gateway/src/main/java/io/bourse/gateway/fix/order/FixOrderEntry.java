package io.bourse.gateway.fix.order;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.gateway.fix.codec.FixDecimal;
import io.bourse.gateway.fix.codec.FixMessage;
import io.bourse.gateway.fix.codec.FixTags;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * Turns NewOrderSingle (D), OrderCancelRequest (F), OrderCancelReplaceRequest (G) and OrderMassCancelRequest (q) into
 * engine commands for the session's own account and publishes them. Prices and quantities are converted exactly to
 * minor units with the symbol's asset scales (the engine then checks ticks and lots); anything that cannot be
 * converted exactly is rejected, never rounded. Malformed messages become a session-level reject, requests the
 * exchange refuses before the engine (unknown symbol, a price finer than the quote asset, busy) a business reject.
 * One instance per session, used on its event loop.
 */
public final class FixOrderEntry
{
    public static final int PUBLISHED = 0;
    /** Reply with Reject(3): see {@link #rejectTag()}, {@link #sessionRejectReason()}, {@link #text()}. */
    public static final int SESSION_REJECT = 1;
    /** Reply with the request's own reject (ExecutionReport, OrderCancelReject, OrderMassCancelReport). */
    public static final int BUSINESS_REJECT = 2;

    /** SessionRejectReason(373) values. */
    public static final int REQUIRED_TAG_MISSING = 1;
    public static final int VALUE_INCORRECT = 5;
    public static final int INCORRECT_DATA_FORMAT = 6;

    /** OrdRejReason(103) values. */
    public static final int UNKNOWN_SYMBOL = 1;
    public static final int INCORRECT_QUANTITY = 13;
    public static final int OTHER = 99;

    private final FixSymbols symbols;
    private final OrderSink sink;
    private final OrderRequest request = new OrderRequest();
    private int rejectTag;
    private int sessionRejectReason;
    private int ordRejReason;
    private String text;

    public FixOrderEntry(final ExchangeConfig config, final OrderSink sink)
    {
        this.symbols = new FixSymbols(config);
        this.sink = sink;
    }

    /**
     * Handles one application request; {@code pending} receives the fields to echo in the reply either way.
     *
     * @return {@link #PUBLISHED}, {@link #SESSION_REJECT} or {@link #BUSINESS_REJECT}.
     */
    public int onRequest(final FixMessage message, final long accountId, final long sourceId, final PendingRequest pending)
    {
        pending.msgType = message.msgTypeChar();
        pending.clOrdId = message.getString(FixTags.CL_ORD_ID);
        pending.origClOrdId = message.getString(FixTags.ORIG_CL_ORD_ID);
        pending.orderIdText = message.getString(FixTags.ORDER_ID);
        pending.symbol = message.getString(FixTags.SYMBOL);
        pending.side = message.getChar(FixTags.SIDE);
        pending.ordType = message.getChar(FixTags.ORD_TYPE);
        pending.orderQty = message.getString(FixTags.ORDER_QTY);
        pending.price = message.getString(FixTags.PRICE);
        pending.massCancelRequestType = message.getChar(FixTags.MASS_CANCEL_REQUEST_TYPE);
        rejectTag = 0;
        sessionRejectReason = 0;
        ordRejReason = OTHER;
        text = null;
        if (pending.clOrdId == null)
        {
            return missing(FixTags.CL_ORD_ID);
        }
        final int result = switch (pending.msgType)
        {
            case 'D' -> newOrder(message, accountId, pending);
            case 'F' -> cancel(message, accountId, pending);
            case 'G' -> replace(message, accountId, pending);
            case 'q' -> massCancel(message, accountId, pending);
            default -> sessionReject(FixTags.MSG_TYPE, VALUE_INCORRECT, "unsupported MsgType");
        };
        return result == PUBLISHED ? publish(sourceId) : result;
    }

    private int newOrder(final FixMessage message, final long accountId, final PendingRequest pending)
    {
        request.clear(OrderRequest.Kind.PLACE, accountId);
        if (!isClientOrderId(pending.clOrdId))
        {
            return businessReject(OTHER, "ClOrdID must be 1 to 32 printable ASCII characters");
        }
        request.clientOrderId = pending.clOrdId;
        final FixSymbols.Entry symbol = symbol(message);
        if (symbol == null)
        {
            return rejectTag != 0 ? SESSION_REJECT : BUSINESS_REJECT;
        }
        request.symbolId = symbol.spec().id();

        switch (pending.side)
        {
            case '1' -> request.side = Side.BUY;
            case '2' -> request.side = Side.SELL;
            case 0 -> { return message.has(FixTags.SIDE) ? valueIncorrect(FixTags.SIDE) : missing(FixTags.SIDE); }
            default -> { return valueIncorrect(FixTags.SIDE); }
        }
        switch (pending.ordType)
        {
            case '1' -> request.orderType = OrderType.MARKET;
            case '2' -> request.orderType = OrderType.LIMIT;
            case '3' -> request.orderType = OrderType.STOP;
            case '4' -> request.orderType = OrderType.STOP_LIMIT;
            case 0 -> { return message.has(FixTags.ORD_TYPE) ? valueIncorrect(FixTags.ORD_TYPE) : missing(FixTags.ORD_TYPE); }
            default -> { return valueIncorrect(FixTags.ORD_TYPE); }
        }
        final char tif = message.getChar(FixTags.TIME_IN_FORCE);
        switch (tif)
        {
            case 0 ->
            {
                if (message.has(FixTags.TIME_IN_FORCE))
                {
                    return valueIncorrect(FixTags.TIME_IN_FORCE);
                }
                request.timeInForce = request.orderType == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
            }
            case '1' -> request.timeInForce = TimeInForce.GTC;
            case '3' -> request.timeInForce = TimeInForce.IOC;
            case '4' -> request.timeInForce = TimeInForce.FOK;
            case '6' -> request.timeInForce = TimeInForce.GTD;
            default -> { return sessionReject(FixTags.TIME_IN_FORCE, VALUE_INCORRECT, "TimeInForce must be 1, 3, 4 or 6"); }
        }
        if (request.timeInForce == TimeInForce.GTD)
        {
            if (!message.has(FixTags.EXPIRE_TIME))
            {
                return missing(FixTags.EXPIRE_TIME);
            }
            request.expireTimeNs = message.getTimestampNs(FixTags.EXPIRE_TIME);
            if (request.expireTimeNs == FixMessage.MISSING)
            {
                return sessionReject(FixTags.EXPIRE_TIME, INCORRECT_DATA_FORMAT, "ExpireTime must be a UTCTimestamp");
            }
        }
        if (message.has(FixTags.STP_MODE))
        {
            final long mode = message.getLong(FixTags.STP_MODE);
            final StpMode stp = mode >= 0 && mode <= 3 ? StpMode.get((short)mode) : null;
            if (stp == null)
            {
                return valueIncorrect(FixTags.STP_MODE);
            }
            request.stpMode = stp;
        }
        request.postOnly = message.valueContains(FixTags.EXEC_INST, '6');

        if (quantity(message, symbol) != PUBLISHED)
        {
            return rejectTag != 0 ? SESSION_REJECT : BUSINESS_REJECT;
        }
        final boolean limit = request.orderType == OrderType.LIMIT || request.orderType == OrderType.STOP_LIMIT;
        if (limit)
        {
            request.priceMinor = price(message, FixTags.PRICE, symbol);
            if (request.priceMinor == FixDecimal.INVALID)
            {
                return rejectTag != 0 ? SESSION_REJECT : BUSINESS_REJECT;
            }
        }
        if (request.orderType == OrderType.STOP || request.orderType == OrderType.STOP_LIMIT)
        {
            request.stopPriceMinor = price(message, FixTags.STOP_PX, symbol);
            if (request.stopPriceMinor == FixDecimal.INVALID)
            {
                return rejectTag != 0 ? SESSION_REJECT : BUSINESS_REJECT;
            }
        }
        return PUBLISHED;
    }

    private int cancel(final FixMessage message, final long accountId, final PendingRequest pending)
    {
        request.clear(OrderRequest.Kind.CANCEL, accountId);
        if (target(message, pending) != PUBLISHED)
        {
            return rejectTag != 0 ? SESSION_REJECT : BUSINESS_REJECT;
        }
        return PUBLISHED;
    }

    private int replace(final FixMessage message, final long accountId, final PendingRequest pending)
    {
        request.clear(OrderRequest.Kind.REPLACE, accountId);
        if (target(message, pending) != PUBLISHED)
        {
            return rejectTag != 0 ? SESSION_REJECT : BUSINESS_REJECT;
        }
        if (!isClientOrderId(pending.clOrdId))
        {
            return businessReject(OTHER, "ClOrdID must be 1 to 32 printable ASCII characters");
        }
        request.clientOrderId = pending.clOrdId;
        final FixSymbols.Entry symbol = symbol(message);
        if (symbol == null)
        {
            return rejectTag != 0 ? SESSION_REJECT : BUSINESS_REJECT;
        }
        if (quantity(message, symbol) != PUBLISHED)
        {
            return rejectTag != 0 ? SESSION_REJECT : BUSINESS_REJECT;
        }
        request.priceMinor = price(message, FixTags.PRICE, symbol);
        return request.priceMinor == FixDecimal.INVALID ? (rejectTag != 0 ? SESSION_REJECT : BUSINESS_REJECT) : PUBLISHED;
    }

    private int massCancel(final FixMessage message, final long accountId, final PendingRequest pending)
    {
        request.clear(OrderRequest.Kind.MASS_CANCEL, accountId);
        switch (pending.massCancelRequestType)
        {
            case '7' -> request.symbolId = 0;
            case '1' ->
            {
                final FixSymbols.Entry symbol = symbol(message);
                if (symbol == null)
                {
                    return rejectTag != 0 ? SESSION_REJECT : BUSINESS_REJECT;
                }
                request.symbolId = symbol.spec().id();
            }
            case 0 ->
            {
                return message.has(FixTags.MASS_CANCEL_REQUEST_TYPE) ?
                    valueIncorrect(FixTags.MASS_CANCEL_REQUEST_TYPE) : missing(FixTags.MASS_CANCEL_REQUEST_TYPE);
            }
            default ->
            {
                return sessionReject(FixTags.MASS_CANCEL_REQUEST_TYPE, VALUE_INCORRECT,
                    "MassCancelRequestType must be 1 (security) or 7 (all orders)");
            }
        }
        return PUBLISHED;
    }

    /** OrigClOrdID(41) and optional OrderID(37) of the order a cancel or replace targets. */
    private int target(final FixMessage message, final PendingRequest pending)
    {
        if (pending.origClOrdId == null)
        {
            return missing(FixTags.ORIG_CL_ORD_ID);
        }
        if (!isClientOrderId(pending.origClOrdId))
        {
            return businessReject(OTHER, "UNKNOWN_ORDER");
        }
        request.origClientOrderId = pending.origClOrdId;
        if (pending.orderIdText != null)
        {
            final long orderId = message.getLong(FixTags.ORDER_ID);
            if (orderId == FixMessage.MISSING || orderId <= 0)
            {
                return businessReject(OTHER, "UNKNOWN_ORDER");
            }
            request.orderId = orderId;
        }
        return PUBLISHED;
    }

    private FixSymbols.Entry symbol(final FixMessage message)
    {
        final String code = message.getString(FixTags.SYMBOL);
        if (code == null)
        {
            missing(FixTags.SYMBOL);
            return null;
        }
        final FixSymbols.Entry symbol = symbols.byCode(code);
        if (symbol == null)
        {
            businessReject(UNKNOWN_SYMBOL, "UNKNOWN_SYMBOL");
        }
        return symbol;
    }

    private int quantity(final FixMessage message, final FixSymbols.Entry symbol)
    {
        if (!message.has(FixTags.ORDER_QTY))
        {
            return missing(FixTags.ORDER_QTY);
        }
        request.qtyMinor = message.getScaled(FixTags.ORDER_QTY, symbol.baseScale());
        if (request.qtyMinor == FixDecimal.INVALID)
        {
            return businessReject(INCORRECT_QUANTITY, "BAD_LOT: OrderQty is not a whole number of lots");
        }
        return PUBLISHED;
    }

    /** The price in quote minor units per whole base unit, or {@link FixDecimal#INVALID} with the reject set. */
    private long price(final FixMessage message, final int tag, final FixSymbols.Entry symbol)
    {
        if (!message.has(tag))
        {
            missing(tag);
            return FixDecimal.INVALID;
        }
        final long priceMinor = message.getScaled(tag, symbol.quoteScale());
        if (priceMinor == FixDecimal.INVALID)
        {
            businessReject(OTHER, "BAD_TICK: " + (tag == FixTags.PRICE ? "Price" : "StopPx") + " is not a multiple of the tick");
        }
        return priceMinor;
    }

    private int publish(final long sourceId)
    {
        final long result = sink.publish(request, sourceId);
        if (result == CommandPublisher.BUSY)
        {
            return businessReject(OTHER, "BUSY: the exchange is busy, try again");
        }
        if (result < 0)
        {
            return businessReject(OTHER, "UNAVAILABLE: the exchange is not accepting orders");
        }
        return PUBLISHED;
    }

    static boolean isClientOrderId(final String id)
    {
        if (id == null || id.isEmpty() || id.length() > 32)
        {
            return false;
        }
        for (int i = 0; i < id.length(); i++)
        {
            final char c = id.charAt(i);
            if (c < 0x20 || c > 0x7E)
            {
                return false;
            }
        }
        return true;
    }

    private int missing(final int tag)
    {
        return sessionReject(tag, REQUIRED_TAG_MISSING, "Required tag missing");
    }

    private int valueIncorrect(final int tag)
    {
        return sessionReject(tag, VALUE_INCORRECT, "Value is incorrect (out of range) for this tag");
    }

    private int sessionReject(final int tag, final int reason, final String text)
    {
        rejectTag = tag;
        sessionRejectReason = reason;
        this.text = text;
        return SESSION_REJECT;
    }

    private int businessReject(final int ordRejReason, final String text)
    {
        this.ordRejReason = ordRejReason;
        this.text = text;
        return BUSINESS_REJECT;
    }

    public int rejectTag()
    {
        return rejectTag;
    }

    public int sessionRejectReason()
    {
        return sessionRejectReason;
    }

    /** OrdRejReason(103) of a business reject. */
    public int ordRejReason()
    {
        return ordRejReason;
    }

    public String text()
    {
        return text;
    }
}
