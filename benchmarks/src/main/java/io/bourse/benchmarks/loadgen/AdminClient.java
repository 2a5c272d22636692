package io.bourse.benchmarks.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few admin API calls the load generator and the demo need: set up accounts, read a page. */
public final class AdminClient
{
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;
    private final String reason;

    /** @param reason the audit reason sent with every change. */
    public AdminClient(final String host, final int port, final String token, final String reason)
    {
        this.baseUrl = "http://" + host + ":" + port;
        this.token = token;
        this.reason = reason;
    }

    /** Creates the account (or, if it exists, issues it a new secret) and returns its API secret. */
    public String account(final long accountId) throws IOException, InterruptedException
    {
        HttpResponse<String> response = post("/accounts", "{\"accountId\":" + accountId + ",\"reason\":\"" + reason + "\"}");
        if (response.statusCode() == 409)
        {
            response = post("/accounts/" + accountId + "/secret", "");
        }
        final Matcher matcher = SECRET.matcher(response.body());
        if (response.statusCode() / 100 != 2 || !matcher.find())
        {
            throw new IOException("cannot set up account " + accountId + ": HTTP " + response.statusCode() + " " +
                response.body());
        }
        return matcher.group(1);
    }

    public void deposit(final long accountId, final String asset, final String amount, final String externalRef)
        throws IOException, InterruptedException
    {
        final HttpResponse<String> response = post("/accounts/" + accountId + "/deposits", "{\"asset\":\"" + asset +
            "\",\"amount\":\"" + amount + "\",\"externalRef\":\"" + externalRef + "\",\"reason\":\"" + reason + "\"}");
        if (response.statusCode() / 100 != 2 && response.statusCode() != 409)
        {
            throw new IOException("deposit to " + accountId + " failed: HTTP " + response.statusCode() + " " +
                response.body());
        }
    }

    /** GETs a page (e.g. {@code /metrics}) and returns its body; throws unless the answer is 2xx. */
    public String get(final String path) throws IOException, InterruptedException
    {
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2)
        {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> post(final String path, final String body) throws IOException, InterruptedException
    {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
