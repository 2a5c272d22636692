package io.bourse.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.gateway.sbe.Side;
import io.bourse.gateway.sbe.TimeInForce;
import io.bourse.gateway.support.RecordingClient;
import io.bourse.gateway.support.TestExchange;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminApiTest
{
    @TempDir
    Path dir;

    private TestExchange exchange;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception
    {
        exchange = new TestExchange(dir);
    }

    @AfterEach
    void stop()
    {
        exchange.close();
    }

    @Test
    void shouldRefuseRequestsWithoutTheBearerToken() throws Exception
    {
        final HttpResponse<String> none = http.send(HttpRequest.newBuilder(uri("/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        final HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(uri("/health"))
            .header("Authorization", "Bearer nope").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldCreateAccountWhoseSecretLogsOnAndTrade() throws Exception
    {
        final HttpResponse<String> created = post("/accounts", "{\"accountId\": 42, \"reason\": \"onboarding\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        final String secret = created.body().replaceAll(".*\"secret\":\"([^\"]+)\".*\\s*", "$1");
        assertThat(secret).hasSize(43);
        assertThat(post("/accounts", "{\"accountId\": 42}").statusCode()).isEqualTo(409);

        final HttpResponse<String> deposit = post("/accounts/42/deposits",
            "{\"asset\":\"USDT\",\"amount\":\"100000.5\",\"externalRef\":\"wire-1\",\"reason\":\"funding\"}");
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(200);
        assertThat(deposit.body()).contains("\"available\":\"100000.500000\"");
        assertThat(post("/accounts/42/deposits",
            "{\"asset\":\"USDT\",\"amount\":\"1.0000001\",\"externalRef\":\"wire-2\",\"reason\":\"x\"}").statusCode())
            .isEqualTo(400);
        assertThat(post("/accounts/42/deposits",
            "{\"asset\":\"USDT\",\"amount\":\"1\",\"externalRef\":\"wire-1\",\"reason\":\"again\"}").statusCode())
            .isEqualTo(409);
        final HttpResponse<String> withdrawal = post("/accounts/42/withdrawals",
            "{\"asset\":\"USDT\",\"amount\":\"0.5\",\"externalRef\":\"out-1\",\"reason\":\"payout\"}");
        assertThat(withdrawal.body()).contains("\"available\":\"100000.000000\"");

        try (RecordingClient client = RecordingClient.connect(exchange.port()).logon(42, secret))
        {
            client.client.sendLimitOrder("o1", TestExchange.BTC_USDT, Side.BUY, TestExchange.PRICE_30000,
                TestExchange.ONE_BTC, TimeInForce.GTC);
            assertThat(client.nextReport().execType()).isEqualTo("NEW");
        }

        final HttpResponse<String> balances = get("/accounts/42/balances");
        assertThat(balances.body()).contains("{\"asset\":\"USDT\",\"available\":\"69940.000000\",\"held\":\"30060.000000\"}");
        assertThat(get("/accounts/42/orders").body()).contains("\"clientOrderId\":\"o1\"", "\"symbol\":\"BTC-USDT\"", "\"side\":\"BUY\"",
            "\"price\":\"30000.000000\"", "\"qty\":\"1.00000000\"");
        assertThat(get("/symbols/BTC-USDT/book?depth=5").body()).contains("\"bids\":[[\"30000.000000\",\"1.00000000\"]]");

        final HttpResponse<String> rotated = post("/accounts/42/secret", "");
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(post("/accounts/4242/secret", "").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldHaltAndResumeSymbolsTakeSnapshotsAndServeMetrics() throws Exception
    {
        assertThat(post("/symbols/BTC-USDT/halt", "{\"reason\":\"maintenance\"}").statusCode()).isEqualTo(200);
        assertThat(post("/symbols/BTC-USDT/halt", "{\"reason\":\"again\"}").statusCode()).isEqualTo(409);
        assertThat(post("/symbols/BTC-USDT/resume", "{\"reason\":\"done\"}").statusCode()).isEqualTo(200);
        assertThat(post("/symbols/NOPE/halt", "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);

        final HttpResponse<String> snapshot = post("/snapshots", "");
        assertThat(snapshot.statusCode()).as(snapshot.body()).isEqualTo(200);
        assertThat(snapshot.body()).contains("\"engineSequence\":3");

        final HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("bourse_commands_total 3", "bourse_ring_size 1024", "bourse_sessions 0",
            "bourse_rejects_total{reason=\"SYMBOL_ALREADY_HALTED\"} 1");
        assertThat(post("/nothing", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/accounts", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldFreezeAccountsAndCancelTheirOrdersForTheOperator() throws Exception
    {
        final String secret = post("/accounts", "{\"accountId\": 7, \"reason\": \"onboarding\"}").body()
            .replaceAll(".*\"secret\":\"([^\"]+)\".*\\s*", "$1");
        assertThat(post("/accounts/7/deposits",
            "{\"asset\":\"USDT\",\"amount\":\"100000\",\"externalRef\":\"w1\",\"reason\":\"funding\"}")
            .statusCode()).isEqualTo(200);
        try (RecordingClient client = RecordingClient.connect(exchange.port()).logon(7, secret))
        {
            client.client.sendLimitOrder("a", TestExchange.BTC_USDT, Side.BUY, TestExchange.PRICE_30000,
                TestExchange.ONE_BTC, TimeInForce.GTC);
            client.client.sendLimitOrder("b", TestExchange.BTC_USDT, Side.BUY, TestExchange.PRICE_30000 - 10_000,
                TestExchange.ONE_BTC, TimeInForce.GTC);
            assertThat(client.nextReport().execType()).isEqualTo("NEW");
            assertThat(client.nextReport().execType()).isEqualTo("NEW");

            assertThat(post("/accounts/7/freeze", "{}").statusCode()).as("a reason is required").isEqualTo(400);
            final HttpResponse<String> frozen = post("/accounts/7/freeze", "{\"reason\":\"compliance hold\"}");
            assertThat(frozen.statusCode()).as(frozen.body()).isEqualTo(200);
            assertThat(frozen.body()).contains("\"accountId\":7", "\"frozen\":true");
            assertThat(post("/accounts/7/freeze", "{\"reason\":\"again\"}").body()).contains("ACCOUNT_ALREADY_FROZEN");
            assertThat(post("/accounts/7/freeze", "{\"reason\":\"again\"}").statusCode()).isEqualTo(409);
            assertThat(post("/accounts/999/freeze", "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);
            assertThat(post("/accounts/7/withdrawals",
                "{\"asset\":\"USDT\",\"amount\":\"1\",\"externalRef\":\"o1\",\"reason\":\"payout\"}").body())
                .contains("ACCOUNT_FROZEN");
            client.client.sendLimitOrder("c", TestExchange.BTC_USDT, Side.BUY, TestExchange.PRICE_30000,
                TestExchange.ONE_BTC, TimeInForce.GTC);
            assertThat(client.nextReport().execType()).as("a frozen account cannot place").isEqualTo("REJECTED");

            assertThat(post("/accounts/7/cancel-orders", "{\"symbol\":\"NOPE\"}").statusCode()).isEqualTo(404);
            final HttpResponse<String> cancelled = post("/accounts/7/cancel-orders", "{\"symbol\":\"BTC-USDT\"}");
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
            assertThat(cancelled.body()).contains("\"symbol\":\"BTC-USDT\"", "\"cancelled\":2");
            assertThat(client.nextReport().execType()).isEqualTo("CANCELLED");
            assertThat(client.nextReport().execType()).isEqualTo("CANCELLED");
            assertThat(get("/accounts/7/orders").body()).doesNotContain("BTC-USDT");
            assertThat(post("/accounts/7/cancel-orders", "{}").body()).contains("\"symbol\":null", "\"cancelled\":0");

            assertThat(post("/accounts/7/unfreeze", "{\"reason\":\"cleared\"}").body()).contains("\"frozen\":false");
            assertThat(post("/accounts/7/unfreeze", "{\"reason\":\"again\"}").statusCode()).isEqualTo(409);
            client.client.sendLimitOrder("d", TestExchange.BTC_USDT, Side.BUY, TestExchange.PRICE_30000,
                TestExchange.ONE_BTC, TimeInForce.GTC);
            assertThat(client.nextReport().execType()).isEqualTo("NEW");
        }
    }

    private URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + exchange.adminPort() + path);
    }

    private HttpResponse<String> get(final String path) throws Exception
    {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TestExchange.ADMIN_TOKEN)
            .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(final String path, final String body) throws Exception
    {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TestExchange.ADMIN_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
