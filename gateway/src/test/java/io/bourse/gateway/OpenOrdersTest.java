package io.bourse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.command.AsciiField;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.event.EventLog;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

class OpenOrdersTest
{
    private static final int BTC = 1;
    private static final int USDT = 3;
    private static final int BTC_USDT = 1;
    private static final long USDT_UNIT = 1_000_000L;
    private static final long CENTI_BTC = 1_000_000L;
    private static final long BUYER = 1;
    private static final long SELLER = 2;
    private static final String LONGEST_ID = "x".repeat(AsciiField.ID_LENGTH);

    private final ExchangeEngine engine = new ExchangeEngine(ConfigLoader.loadDefault());
    private final CommandWriter writer = new CommandWriter();
    private final EventLog events = new EventLog();
    private long nowNs = 1;

    @Test
    void shouldCopyEveryOpenOrderWithItsClientOrderIdQuantitiesAndFilledQuote()
    {
        fund(BUYER);
        fund(SELLER);
        // More orders than the initial capacity, with ids of every form: none, short, the full 32 bytes.
        for (int i = 0; i < 100; i++)
        {
            place(BUYER, i == 0 ? "" : i == 1 ? LONGEST_ID : "bid-" + i, Side.BUY, 28_000 - i, CENTI_BTC);
        }
        place(SELLER, "s1", Side.BUY, 29_100, CENTI_BTC / 2);
        place(SELLER, "s2", Side.BUY, 29_050, CENTI_BTC / 2);
        // Takes both bids at two prices, then rests.
        place(BUYER, "sweeper", Side.SELL, 29_000, 2 * CENTI_BTC);

        final OpenOrders open = OpenOrders.capture(engine);

        assertThat(open.size()).isEqualTo(101);
        final Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < open.size(); i++)
        {
            byId.put(open.clientOrderId(i), i);
        }
        final int sweeper = byId.get("sweeper");
        assertThat(open.accountId(sweeper)).isEqualTo(BUYER);
        assertThat(open.symbolId(sweeper)).isEqualTo(BTC_USDT);
        assertThat(open.side(sweeper)).isEqualTo(Side.SELL.value());
        assertThat(open.orderType(sweeper)).isEqualTo(OrderType.LIMIT.value());
        assertThat(open.priceMinor(sweeper)).isEqualTo(29_000 * USDT_UNIT);
        assertThat(open.qtyMinor(sweeper)).isEqualTo(2 * CENTI_BTC);
        assertThat(open.filledQtyMinor(sweeper)).isEqualTo(CENTI_BTC);
        // 0.005 BTC at 29100 + 0.005 BTC at 29050
        assertThat(open.filledQuoteMinor(sweeper)).isEqualTo(145_500_000L + 145_250_000L);

        final int longest = byId.get(LONGEST_ID);
        assertThat(open.priceMinor(longest)).isEqualTo(27_999 * USDT_UNIT);
        assertThat(open.filledQuoteMinor(longest)).isZero();
        final UnsafeBuffer copied = new UnsafeBuffer(new byte[AsciiField.ID_LENGTH + 2]);
        open.copyClientOrderIdTo(longest, copied, 1);
        assertThat(AsciiField.toString(copied, 1, AsciiField.ID_LENGTH)).isEqualTo(LONGEST_ID);

        final int none = byId.get("");
        assertThat(open.priceMinor(none)).isEqualTo(28_000 * USDT_UNIT);
        open.copyClientOrderIdTo(none, copied, 1);
        assertThat(AsciiField.isEmptyId(copied, 1)).isTrue();
    }

    private void fund(final long accountId)
    {
        writer.createAccount().accountId(accountId).allowSelfTrade(BooleanType.FALSE).reason("test");
        process();
        writer.deposit().accountId(accountId).assetId(BTC).amountMinor(100 * 100 * CENTI_BTC)
            .externalRef("btc-" + accountId).reason("test");
        process();
        writer.deposit().accountId(accountId).assetId(USDT).amountMinor(10_000_000 * USDT_UNIT)
            .externalRef("usdt-" + accountId).reason("test");
        process();
    }

    private void place(
        final long accountId, final String clientOrderId, final Side side, final long priceUnits, final long qtyMinor)
    {
        writer.placeOrder().accountId(accountId).symbolId(BTC_USDT).clientOrderId(clientOrderId).side(side)
            .orderType(OrderType.LIMIT).timeInForce(TimeInForce.GTC).stpMode(StpMode.CANCEL_TAKER)
            .postOnly(BooleanType.FALSE).priceMinor(priceUnits * USDT_UNIT).stopPriceMinor(0).qtyMinor(qtyMinor)
            .expireTimeNs(0);
        process();
    }

    private void process()
    {
        events.reset();
        engine.process(writer.buffer(), 0, writer.length(), nowNs++, events);
    }
}
