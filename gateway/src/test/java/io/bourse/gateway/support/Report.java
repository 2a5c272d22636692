package io.bourse.gateway.support;

import io.bourse.gateway.sbe.ExecutionReportDecoder;

/** A copy of one execution report, for assertions. */
public record Report(
    long seqNo,
    long engineSequence,
    String execType,
    long orderId,
    String clientOrderId,
    String origClientOrderId,
    int symbolId,
    short side,
    long priceMinor,
    long orderQtyMinor,
    long lastPriceMinor,
    long lastQtyMinor,
    long leavesQtyMinor,
    long cumQtyMinor,
    long tradeId,
    long feeMinor,
    String liquidity,
    short rejectReason,
    short cancelReason)
{
    public static Report of(final ExecutionReportDecoder d)
    {
        return new Report(d.seqNo(), d.engineSequence(), d.execType().name(), d.orderId(), d.clientOrderId().trim(),
            d.origClientOrderId().trim(), d.symbolId(), d.sideRaw(), d.priceMinor(), d.orderQtyMinor(),
            d.lastPriceMinor(), d.lastQtyMinor(), d.leavesQtyMinor(), d.cumQtyMinor(), d.tradeId(), d.feeMinor(),
            d.liquidity().name(), d.rejectReasonRaw(), d.cancelReasonRaw());
    }
}
