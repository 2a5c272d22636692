package io.bourse.benchmarks.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few admin API calls the load generator needs to set up its accounts. Not thread-safe. */
final class AdminClient
{
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    AdminClient(final String host, final int port, final String token)
    {
        this.baseUrl = "http://" + host + ":" + port;
        this.token = token;
    }

    /** Creates the account (or, if it exists, issues it a new secret) and returns its API secret. */
    String account(final long accountId) throws IOException, InterruptedException
    {
        HttpResponse<String> response = post("/accounts", "{\"accountId\":" + accountId + ",\"reason\":\"loadgen\"}");
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

    void deposit(final long accountId, final String asset, final String amount, final String externalRef)
        throws IOException, InterruptedException
    {
        final HttpResponse<String> response = post("/accounts/" + accountId + "/deposits", "{\"asset\":\"" + asset +
            "\",\"amount\":\"" + amount + "\",\"externalRef\":\"" + externalRef + "\",\"reason\":\"loadgen\"}");
        if (response.statusCode() / 100 != 2 && response.statusCode() != 409)
        {
            throw new IOException("deposit to " + accountId + " failed: HTTP " + response.statusCode() + " " +
                response.body());
        }
    }

    private HttpResponse<String> post(final String path, final String body) throws IOException, InterruptedException
    {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
