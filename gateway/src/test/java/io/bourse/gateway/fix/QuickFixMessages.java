package io.bourse.gateway.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.ClOrdID;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;

/** Messages the QuickFIX/J interop tests send, built the way a QuickFIX/J user would build them. */
final class QuickFixMessages
{
    static final String SYMBOL = "BTC-USDT";

    private QuickFixMessages()
    {
    }

    /** A GTC limit order on {@link #SYMBOL}; quantity and price as decimal strings (QuickFIX/J's setters take doubles). */
    static NewOrderSingle limit(final String clOrdId, final char side, final String qty, final String price)
    {
        final NewOrderSingle order = new NewOrderSingle(new ClOrdID(clOrdId), new Side(side),
            new TransactTime(LocalDateTime.now()), new OrdType(OrdType.LIMIT));
        order.set(new Symbol(SYMBOL));
        order.setString(OrderQty.FIELD, qty);
        order.setString(Price.FIELD, price);
        order.set(new TimeInForce(TimeInForce.GOOD_TILL_CANCEL));
        return order;
    }

    static void send(final SessionID session, final Message message) throws Exception
    {
        assertThat(Session.sendToTarget(message, session)).isTrue();
    }
}
