package io.bourse.engine.snapshot;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.TestConfigs;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.event.EventLog;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/** A real engine with accounts, balances and resting BTC-USDT orders, advanced command by command. */
final class EngineFixture
{
    static final long BUYER = 1;
    static final long SELLER = 2;
    private static final long START_NS = 1_790_000_000_000_000_000L;
    /** 30,000.00 USDT per BTC in USDT minor units (6 decimals). */
    private static final long MID_PRICE_MINOR = 30_000_000_000L;
    private static final long PRICE_STEP_MINOR = 10_000_000L;
    /** 0.01 BTC in satoshi. */
    private static final long QTY_MINOR = 1_000_000L;

    final ExchangeEngine engine = new ExchangeEngine(TestConfigs.standard());
    private final CommandWriter writer = new CommandWriter();
    private final EventLog events = new EventLog();
    private long sequence;
    private int orders;

    EngineFixture()
    {
        writer.createAccount().accountId(BUYER).allowSelfTrade(BooleanType.FALSE).reason("test");
        process();
        writer.createAccount().accountId(SELLER).allowSelfTrade(BooleanType.FALSE).reason("test");
        process();
        writer.deposit().accountId(BUYER).assetId(TestConfigs.USDT).amountMinor(10_000_000_000_000L)
            .externalRef("dep-usdt").reason("test");
        process();
        writer.deposit().accountId(SELLER).assetId(TestConfigs.BTC).amountMinor(100_000_000_000L)
            .externalRef("dep-btc").reason("test");
        process();
    }

    /** Rests one more bid and one more ask, away from each other so nothing trades. */
    EngineFixture placeOrders(final int pairs)
    {
        for (int i = 0; i < pairs; i++)
        {
            orders++;
            place(BUYER, Side.BUY, MID_PRICE_MINOR - orders * PRICE_STEP_MINOR);
            place(SELLER, Side.SELL, MID_PRICE_MINOR + orders * PRICE_STEP_MINOR);
        }
        return this;
    }

    /** The sequence of the last command applied. */
    long sequence()
    {
        return sequence;
    }

    long timeNs()
    {
        return START_NS + sequence;
    }

    private void place(final long accountId, final Side side, final long priceMinor)
    {
        writer.placeOrder()
            .accountId(accountId)
            .symbolId(TestConfigs.BTC_USDT)
            .clientOrderId("c" + accountId + "-" + orders)
            .side(side)
            .orderType(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC)
            .stpMode(StpMode.CANCEL_TAKER)
            .postOnly(BooleanType.FALSE)
            .priceMinor(priceMinor)
            .stopPriceMinor(0)
            .qtyMinor(QTY_MINOR)
            .expireTimeNs(0);
        process();
    }

    private void process()
    {
        sequence++;
        events.reset();
        engine.process(writer.buffer(), 0, writer.length(), timeNs(), events);
    }
}
