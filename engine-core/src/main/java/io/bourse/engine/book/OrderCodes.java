package io.bourse.engine.book;

import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * The raw SBE enum values the engine stores in orders, as compile-time constants usable in {@code switch}.
 */
public final class OrderCodes
{
    public static final short BUY = 1;
    public static final short SELL = 2;

    public static final short LIMIT = 1;
    public static final short MARKET = 2;
    public static final short STOP = 3;
    public static final short STOP_LIMIT = 4;

    public static final short GTC = 1;
    public static final short IOC = 2;
    public static final short FOK = 3;
    public static final short GTD = 4;

    public static final short CANCEL_TAKER = 0;
    public static final short CANCEL_MAKER = 1;
    public static final short CANCEL_BOTH = 2;
    public static final short STP_NONE = 3;

    static
    {
        // The constants above must match the schema; fail class loading if the schema ever changes them.
        check(Side.BUY.value() == BUY && Side.SELL.value() == SELL);
        check(OrderType.LIMIT.value() == LIMIT && OrderType.MARKET.value() == MARKET
            && OrderType.STOP.value() == STOP && OrderType.STOP_LIMIT.value() == STOP_LIMIT);
        check(TimeInForce.GTC.value() == GTC && TimeInForce.IOC.value() == IOC
            && TimeInForce.FOK.value() == FOK && TimeInForce.GTD.value() == GTD);
        check(StpMode.CANCEL_TAKER.value() == CANCEL_TAKER && StpMode.CANCEL_MAKER.value() == CANCEL_MAKER
            && StpMode.CANCEL_BOTH.value() == CANCEL_BOTH && StpMode.NONE.value() == STP_NONE);
    }

    private OrderCodes()
    {
    }

    private static void check(final boolean condition)
    {
        if (!condition)
        {
            throw new ExceptionInInitializerError("OrderCodes out of step with bourse-schema.xml");
        }
    }
}
