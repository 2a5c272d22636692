package io.bourse.gateway.fix.order;

/**
 * What a session remembers about a request it published until the engine's reply comes back (replies to one session
 * come in the order it published): the FIX identifiers and fields to echo in a reject or cancel report.
 */
public final class PendingRequest
{
    /** MsgType of the request: D, F, G or q. */
    public char msgType;
    public String clOrdId;
    public String origClOrdId;
    public String orderIdText;
    public String symbol;
    public char side;
    public char ordType;
    public String orderQty;
    public String price;
    public char massCancelRequestType;
}
