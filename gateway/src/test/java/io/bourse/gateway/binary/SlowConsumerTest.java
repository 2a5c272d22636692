package io.bourse.gateway.binary;

import static io.bourse.gateway.support.TestExchange.BTC_USDT;
import static io.bourse.gateway.support.TestExchange.ONE_BTC;
import static io.bourse.gateway.support.TestExchange.PRICE_30000;
import static io.bourse.gateway.support.TestExchange.TICK;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.gateway.NettyTransport;
import io.bourse.gateway.client.BinaryClient;
import io.bourse.gateway.sbe.Side;
import io.bourse.gateway.sbe.TimeInForce;
import io.bourse.gateway.support.RecordingClient;
import io.bourse.gateway.support.TestExchange;
import io.netty.channel.EventLoopGroup;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowConsumerTest
{
    private static final long TRADER = 21;

    @TempDir
    Path dir;

    @Test
    void shouldDisconnectSessionThatStopsReadingWithoutStallingOthers() throws Exception
    {
        try (TestExchange exchange = new TestExchange(dir, "max-outbound-bytes = 1048576", 1024))
        {
            final String secret = exchange.fundedAccount(TRADER);
            final EventLoopGroup group = NettyTransport.newGroup(1, "slow-client");
            final RecordingClient slow = new RecordingClient();
            try (RecordingClient trader = RecordingClient.connect(exchange.port()).logon(TRADER, secret))
            {
                slow.client = BinaryClient.connect(group, "127.0.0.1", exchange.port(), slow, true, 4096);
                slow.client.logon(TRADER, secret, 0, false).get(20, TimeUnit.SECONDS);
                slow.client.reading(false);

                // Every report for the account goes to both sessions; the slow one never reads its copy.
                final int orders = 40_000;
                for (int i = 0; i < orders && slow.client.isConnected(); i++)
                {
                    trader.client.sendLimitOrder("o" + i, BTC_USDT, Side.BUY, PRICE_30000 - TICK * (1 + i % 100),
                        ONE_BTC / 10_000, TimeInForce.IOC);
                    if (i % 500 == 499)
                    {
                        final long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                        while (trader.received.size() < 2 * (i + 1) - 200)
                        {
                            assertThat(System.nanoTime() < waitUntil).as("replies after " + (i + 1) + " orders: " +
                                trader.received.size() + "; first " + trader.received.peek() + ", sequence " +
                                exchange.server.stats().lastJournaledSequence() + ", unexpected " +
                                exchange.metrics.unexpectedErrors()).isTrue();
                            Thread.sleep(1);
                        }
                    }
                }
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (exchange.metrics.slowConsumerDisconnects() == 0 && System.nanoTime() < deadline)
                {
                    Thread.sleep(10);
                }
                assertThat(exchange.metrics.slowConsumerDisconnects()).isEqualTo(1);
                slow.client.closeFuture().get(20, TimeUnit.SECONDS);

                // The reading session kept getting its reports throughout and still trades.
                trader.received.clear();
                trader.client.sendLimitOrder("after", BTC_USDT, Side.BUY, PRICE_30000 - TICK, ONE_BTC / 10_000,
                    TimeInForce.GTC);
                Object message;
                do
                {
                    message = trader.next();
                }
                while (!(message instanceof io.bourse.gateway.support.Report report && "after".equals(
                    report.clientOrderId())));
                assertThat(trader.client.seqNoGaps()).isZero();
            }
            finally
            {
                slow.client.close();
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
    }
}
