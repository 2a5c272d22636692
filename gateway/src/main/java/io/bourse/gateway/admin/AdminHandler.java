package io.bourse.gateway.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.command.AsciiField;
import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.engine.server.EngineBusyException;
import io.bourse.engine.server.EngineServer;
import io.bourse.gateway.GatewayMetrics;
import io.bourse.gateway.auth.CredentialStore;
import io.bourse.sbe.BalanceChangedDecoder;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.CommandRejectedDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.OrderCancelledDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * The admin API's routes: accounts and their secrets, deposits and withdrawals, freezes and operator mass cancels,
 * halts, snapshots, balances, open orders, book depth, health and metrics. Every request needs {@code Authorization: Bearer <admin-token>}. Amounts are
 * decimal strings in the asset's units, converted exactly. Commands and engine queries complete asynchronously; the
 * response is written on the channel's event loop. Shared by all admin connections (stateless per request).
 */
@ChannelHandler.Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private static final long TIMEOUT_MS = 10_000;
    private static final int DEFAULT_DEPTH = 10;
    private static final int MAX_DEPTH = 1000;

    private final EngineServer server;
    private final AdminCommands commands;
    private final CredentialStore credentials;
    private final GatewayMetrics metrics;
    private final CommandRate commandRate;
    private final byte[] expectedAuthorization;

    AdminHandler(
        final EngineServer server,
        final AdminCommands commands,
        final CredentialStore credentials,
        final GatewayMetrics metrics,
        final CommandRate commandRate,
        final String token)
    {
        this.server = server;
        this.commands = commands;
        this.credentials = credentials;
        this.metrics = metrics;
        this.commandRate = commandRate;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** Failure of a request that maps to an HTTP status and a JSON error. */
    static final class ApiException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
        final HttpResponseStatus status;

        ApiException(final HttpResponseStatus status, final String message)
        {
            super(message);
            this.status = status;
        }
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        final String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null ||
            !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expectedAuthorization))
        {
            respond(ctx, keepAlive, HttpResponseStatus.UNAUTHORIZED, error("missing or wrong bearer token"));
            return;
        }
        final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        final String[] path = uri.path().replaceAll("^/+|/+$", "").split("/");
        final String body = request.content().toString(StandardCharsets.UTF_8);
        final HttpMethod method = request.method();
        CompletableFuture<Response> response;
        try
        {
            response = route(method, path, body, uri.parameters());
        }
        catch (final RuntimeException ex)
        {
            response = CompletableFuture.failedFuture(ex);
        }
        response.orTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).whenCompleteAsync((result, failure) ->
        {
            if (failure == null)
            {
                respond(ctx, keepAlive, result.status, result.body, result.contentType);
            }
            else
            {
                final Throwable cause = failure instanceof CompletionException && failure.getCause() != null ?
                    failure.getCause() : failure;
                respond(ctx, keepAlive, statusOf(cause), error(String.valueOf(cause.getMessage())));
            }
        }, ctx.executor());
    }

    private CompletableFuture<Response> route(
        final HttpMethod method, final String[] path, final String body, final Map<String, List<String>> query)
    {
        final String first = path[0];
        if (path.length == 1 && "health".equals(first) && HttpMethod.GET.equals(method))
        {
            return CompletableFuture.completedFuture(health());
        }
        if (path.length == 1 && "metrics".equals(first) && HttpMethod.GET.equals(method))
        {
            return CompletableFuture.completedFuture(new Response(HttpResponseStatus.OK, MetricsPage.render(
                server.stats(), server.failed(), commandRate.perSecond(), metrics), "text/plain; version=0.0.4"));
        }
        if (path.length == 1 && "snapshots".equals(first) && HttpMethod.POST.equals(method))
        {
            return server.takeSnapshot().thenApply(info -> ok("{\"engineSequence\":" + info.engineSequence() +
                ",\"path\":" + Json.quote(info.path().toString()) + ",\"stateHash\":\"" +
                String.format("%016x", info.stateHash()) + "\"}"));
        }
        if ("accounts".equals(first))
        {
            if (path.length == 1 && HttpMethod.POST.equals(method))
            {
                return createAccount(Json.parseObject(body));
            }
            if (path.length == 3)
            {
                final long accountId = accountId(path[1]);
                final String action = path[2];
                if ("secret".equals(action) && HttpMethod.POST.equals(method))
                {
                    return rotateSecret(accountId);
                }
                if ("deposits".equals(action) && HttpMethod.POST.equals(method))
                {
                    return transfer(accountId, Json.parseObject(body), true);
                }
                if ("withdrawals".equals(action) && HttpMethod.POST.equals(method))
                {
                    return transfer(accountId, Json.parseObject(body), false);
                }
                if ("balances".equals(action) && HttpMethod.GET.equals(method))
                {
                    return balances(accountId);
                }
                if ("orders".equals(action) && HttpMethod.GET.equals(method))
                {
                    return openOrders(accountId);
                }
                if (("freeze".equals(action) || "unfreeze".equals(action)) && HttpMethod.POST.equals(method))
                {
                    return freezeOrUnfreeze(accountId, "freeze".equals(action), Json.parseObject(body));
                }
                if ("cancel-orders".equals(action) && HttpMethod.POST.equals(method))
                {
                    return cancelOrders(accountId, Json.parseObject(body));
                }
            }
        }
        if ("symbols".equals(first) && path.length == 3)
        {
            final SymbolSpec symbol = symbol(path[1]);
            final String action = path[2];
            if (("halt".equals(action) || "resume".equals(action)) && HttpMethod.POST.equals(method))
            {
                return haltOrResume(symbol, "halt".equals(action), Json.parseObject(body));
            }
            if ("book".equals(action) && HttpMethod.GET.equals(method))
            {
                return book(symbol, query);
            }
        }
        throw new ApiException(HttpResponseStatus.NOT_FOUND, "no such endpoint: " + method + " /" +
            String.join("/", path));
    }

    private Response health()
    {
        final boolean failed = server.failed();
        return new Response(failed ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.OK,
            "{\"status\":\"" + (failed ? "failed" : "ok") + "\",\"lastSequence\":" +
            server.stats().lastJournaledSequence() + ",\"sessions\":" + metrics.sessions() +
            (failed ? ",\"failure\":" + Json.quote(String.valueOf(server.failureCause())) : "") + "}",
            "application/json");
    }

    private CompletableFuture<Response> createAccount(final Map<String, Object> request)
    {
        final long accountId = longMember(request, "accountId");
        final boolean allowSelfTrade = Boolean.TRUE.equals(request.get("allowSelfTrade"));
        final String reason = stringMember(request, "reason", "created via admin API");
        return commands.publish(w -> w.createAccount().accountId(accountId)
                .allowSelfTrade(allowSelfTrade ? BooleanType.TRUE : BooleanType.FALSE).reason(reason))
            .thenApply(outcome ->
            {
                requireAccepted(outcome);
                final String secret = credentials.issueSecret(accountId);
                return new Response(HttpResponseStatus.CREATED, "{\"accountId\":" + accountId + ",\"secret\":" +
                    Json.quote(secret) + ",\"engineSequence\":" + outcome.engineSequence() + "}", "application/json");
            });
    }

    private CompletableFuture<Response> rotateSecret(final long accountId)
    {
        return server.query(view ->
        {
            final boolean[] found = new boolean[1];
            view.forEachAccount(id -> found[0] |= id == accountId);
            return found[0];
        }).thenApplyAsync(exists ->
        {
            if (!exists || accountId <= 0)
            {
                throw new ApiException(HttpResponseStatus.NOT_FOUND, "UNKNOWN_ACCOUNT");
            }
            return ok("{\"accountId\":" + accountId + ",\"secret\":" +
                Json.quote(credentials.issueSecret(accountId)) + "}");
        });
    }

    private CompletableFuture<Response> transfer(
        final long accountId, final Map<String, Object> request, final boolean deposit)
    {
        final AssetSpec asset = asset(stringMember(request, "asset", null));
        final long amountMinor;
        try
        {
            amountMinor = Amounts.toMinor(stringMember(request, "amount", null), asset.scale());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, ex.getMessage());
        }
        final String externalRef = stringMember(request, "externalRef", null);
        final String reason = stringMember(request, "reason", null);
        if (externalRef.length() > 32 || reason.length() > 64)
        {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "externalRef is at most 32 and reason at most 64 " +
                "ASCII characters");
        }
        return commands.publish(w ->
            {
                if (deposit)
                {
                    w.deposit().accountId(accountId).assetId(asset.id()).amountMinor(amountMinor)
                        .externalRef(externalRef).reason(reason);
                }
                else
                {
                    w.withdraw().accountId(accountId).assetId(asset.id()).amountMinor(amountMinor)
                        .externalRef(externalRef).reason(reason);
                }
            })
            .thenApply(outcome ->
            {
                requireAccepted(outcome);
                final UnsafeBuffer events = new UnsafeBuffer(outcome.events());
                final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(events, 0);
                final BalanceChangedDecoder changed = new BalanceChangedDecoder().wrap(events,
                    MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
                return ok("{\"accountId\":" + accountId + ",\"asset\":" + Json.quote(asset.code()) +
                    ",\"available\":\"" + Amounts.toText(changed.availableMinor(), asset.scale()) +
                    "\",\"held\":\"" + Amounts.toText(changed.heldMinor(), asset.scale()) +
                    "\",\"engineSequence\":" + outcome.engineSequence() + "}");
            });
    }

    private CompletableFuture<Response> haltOrResume(
        final SymbolSpec symbol, final boolean halt, final Map<String, Object> request)
    {
        final String reason = stringMember(request, "reason", null);
        return commands.publish(w ->
            {
                if (halt)
                {
                    w.haltSymbol().symbolId(symbol.id()).reason(reason);
                }
                else
                {
                    w.resumeSymbol().symbolId(symbol.id()).reason(reason);
                }
            })
            .thenApply(outcome ->
            {
                requireAccepted(outcome);
                return ok("{\"symbol\":" + Json.quote(symbol.code()) + ",\"halted\":" + halt +
                    ",\"engineSequence\":" + outcome.engineSequence() + "}");
            });
    }

    private CompletableFuture<Response> freezeOrUnfreeze(
        final long accountId, final boolean freeze, final Map<String, Object> request)
    {
        final String reason = stringMember(request, "reason", null);
        return commands.publish(w ->
            {
                if (freeze)
                {
                    w.freezeAccount().accountId(accountId).reason(reason);
                }
                else
                {
                    w.unfreezeAccount().accountId(accountId).reason(reason);
                }
            })
            .thenApply(outcome ->
            {
                requireAccepted(outcome);
                return ok("{\"accountId\":" + accountId + ",\"frozen\":" + freeze + ",\"engineSequence\":" +
                    outcome.engineSequence() + "}");
            });
    }

    /** An operator's mass cancel of one account's open orders (pending stops included), in one symbol or all. */
    private CompletableFuture<Response> cancelOrders(final long accountId, final Map<String, Object> request)
    {
        final Object symbolMember = request.get("symbol");
        final SymbolSpec symbol = symbolMember == null ? null : symbol(stringMember(request, "symbol", null));
        return commands.publish(w -> w.massCancel().accountId(accountId).symbolId(symbol == null ? 0 : symbol.id()))
            .thenApply(outcome ->
            {
                requireAccepted(outcome);
                return ok("{\"accountId\":" + accountId + ",\"symbol\":" +
                    (symbol == null ? "null" : Json.quote(symbol.code())) + ",\"cancelled\":" +
                    countEvents(outcome.events(), OrderCancelledDecoder.TEMPLATE_ID) + ",\"engineSequence\":" +
                    outcome.engineSequence() + "}");
            });
    }

    private static int countEvents(final byte[] bytes, final int templateId)
    {
        final UnsafeBuffer events = new UnsafeBuffer(bytes);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        int count = 0;
        for (int offset = 0; offset + MessageHeaderDecoder.ENCODED_LENGTH <= bytes.length;
            offset += MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength())
        {
            header.wrap(events, offset);
            count += header.templateId() == templateId ? 1 : 0;
        }
        return count;
    }

    private CompletableFuture<Response> balances(final long accountId)
    {
        final ExchangeConfig config = server.exchangeConfig();
        return server.query(view ->
        {
            final StringBuilder out = new StringBuilder("{\"accountId\":").append(accountId).append(",\"balances\":[");
            boolean firstAsset = true;
            for (final AssetSpec asset : config.assets())
            {
                out.append(firstAsset ? "" : ",").append("{\"asset\":").append(Json.quote(asset.code()))
                    .append(",\"available\":\"").append(Amounts.toText(view.availableMinor(accountId, asset.id()),
                        asset.scale()))
                    .append("\",\"held\":\"").append(Amounts.toText(view.heldMinor(accountId, asset.id()),
                        asset.scale()))
                    .append("\"}");
                firstAsset = false;
            }
            return ok(out.append("]}").toString());
        });
    }

    private CompletableFuture<Response> openOrders(final long accountId)
    {
        final ExchangeConfig config = server.exchangeConfig();
        return server.query(view ->
        {
            final List<String> orders = new ArrayList<>();
            view.forEachOpenOrder((orderId, account, symbolId, side, orderType, priceMinor, stopPriceMinor, qtyMinor,
                filledQtyMinor, filledQuoteMinor, pendingStop, clientOrderId) ->
            {
                if (account != accountId)
                {
                    return;
                }
                final SymbolSpec symbol = config.symbol(symbolId);
                final int quoteScale = config.asset(symbol.quoteAssetId()).scale();
                final int baseScale = config.asset(symbol.baseAssetId()).scale();
                orders.add("{\"orderId\":" + orderId + ",\"clientOrderId\":" +
                    Json.quote(AsciiField.toString(clientOrderId, 0, AsciiField.ID_LENGTH)) +
                    ",\"symbol\":" + Json.quote(symbol.code()) +
                    ",\"side\":\"" + (side == 1 ? "BUY" : "SELL") + "\",\"type\":\"" +
                    io.bourse.sbe.OrderType.get(orderType).name() + "\",\"price\":\"" +
                    Amounts.toText(priceMinor, quoteScale) + "\",\"stopPrice\":\"" +
                    Amounts.toText(stopPriceMinor, quoteScale) + "\",\"qty\":\"" + Amounts.toText(qtyMinor, baseScale) +
                    "\",\"filled\":\"" + Amounts.toText(filledQtyMinor, baseScale) + "\",\"pendingStop\":" +
                    pendingStop + "}");
            });
            return ok("{\"accountId\":" + accountId + ",\"orders\":[" + String.join(",", orders) + "]}");
        });
    }

    private CompletableFuture<Response> book(final SymbolSpec symbol, final Map<String, List<String>> query)
    {
        final int depth;
        try
        {
            depth = query.containsKey("depth") ? Integer.parseInt(query.get("depth").get(0)) : DEFAULT_DEPTH;
        }
        catch (final NumberFormatException ex)
        {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "depth must be a number");
        }
        if (depth < 1 || depth > MAX_DEPTH)
        {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "depth must be within 1.." + MAX_DEPTH);
        }
        final ExchangeConfig config = server.exchangeConfig();
        final int quoteScale = config.asset(symbol.quoteAssetId()).scale();
        final int baseScale = config.asset(symbol.baseAssetId()).scale();
        return server.query(view ->
        {
            // Aggregate resting quantity per price; admin-only, so a walk over the open orders is fine.
            final TreeMap<Long, Long> bids = new TreeMap<>((a, b) -> Long.compare(b, a));
            final TreeMap<Long, Long> asks = new TreeMap<>();
            view.forEachOpenOrder((orderId, account, symbolId, side, orderType, priceMinor, stopPriceMinor, qtyMinor,
                filledQtyMinor, filledQuoteMinor, pendingStop, clientOrderId) ->
            {
                if (symbolId == symbol.id() && !pendingStop)
                {
                    (side == 1 ? bids : asks).merge(priceMinor, qtyMinor - filledQtyMinor, Long::sum);
                }
            });
            return ok("{\"symbol\":" + Json.quote(symbol.code()) + ",\"lastPrice\":\"" +
                Amounts.toText(view.lastPriceMinor(symbol.id()), quoteScale) + "\",\"bids\":" +
                levels(bids, depth, quoteScale, baseScale) + ",\"asks\":" + levels(asks, depth, quoteScale, baseScale) +
                "}");
        });
    }

    private static String levels(
        final TreeMap<Long, Long> side, final int depth, final int quoteScale, final int baseScale)
    {
        final StringBuilder out = new StringBuilder("[");
        int count = 0;
        for (final Map.Entry<Long, Long> level : side.entrySet())
        {
            if (count == depth)
            {
                break;
            }
            out.append(count == 0 ? "" : ",").append("[\"").append(Amounts.toText(level.getKey(), quoteScale))
                .append("\",\"").append(Amounts.toText(level.getValue(), baseScale)).append("\"]");
            count++;
        }
        return out.append(']').toString();
    }

    private static void requireAccepted(final AdminReplies.Outcome outcome)
    {
        final UnsafeBuffer events = new UnsafeBuffer(outcome.events());
        if (outcome.events().length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(events, 0);
        if (header.templateId() == CommandRejectedDecoder.TEMPLATE_ID)
        {
            final CommandRejectedDecoder rejected = new CommandRejectedDecoder().wrap(events,
                MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            final String reason = MetricsPage.reasonName(rejected.reasonRaw());
            final HttpResponseStatus status = reason.startsWith("UNKNOWN_") ? HttpResponseStatus.NOT_FOUND :
                reason.equals("ACCOUNT_EXISTS") || reason.startsWith("DUPLICATE_") || reason.contains("ALREADY") ||
                reason.endsWith("NOT_HALTED") || reason.endsWith("NOT_FROZEN") ? HttpResponseStatus.CONFLICT : HttpResponseStatus.UNPROCESSABLE_ENTITY;
            throw new ApiException(status, reason);
        }
    }

    private AssetSpec asset(final String code)
    {
        for (final AssetSpec asset : server.exchangeConfig().assets())
        {
            if (asset.code().equals(code))
            {
                return asset;
            }
        }
        throw new ApiException(HttpResponseStatus.BAD_REQUEST, "unknown asset: " + code);
    }

    private SymbolSpec symbol(final String code)
    {
        for (final SymbolSpec symbol : server.exchangeConfig().symbols())
        {
            if (symbol.code().equals(code) || String.valueOf(symbol.id()).equals(code))
            {
                return symbol;
            }
        }
        throw new ApiException(HttpResponseStatus.NOT_FOUND, "unknown symbol: " + code);
    }

    private static long accountId(final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "account id must be a number: " + text);
        }
    }

    private static long longMember(final Map<String, Object> request, final String name)
    {
        final Object value = request.get(name);
        try
        {
            if (value instanceof Json.Number)
            {
                return Long.parseLong(((Json.Number)value).text());
            }
            if (value instanceof String)
            {
                return Long.parseLong((String)value);
            }
        }
        catch (final NumberFormatException ex)
        {
            // Reported below.
        }
        throw new ApiException(HttpResponseStatus.BAD_REQUEST, name + " must be an integer");
    }

    private static String stringMember(final Map<String, Object> request, final String name, final String fallback)
    {
        final Object value = request.get(name);
        if (value instanceof String)
        {
            final String text = (String)value;
            for (int i = 0; i < text.length(); i++)
            {
                if (text.charAt(i) < 0x20 || text.charAt(i) > 0x7E)
                {
                    throw new ApiException(HttpResponseStatus.BAD_REQUEST, name + " must be printable ASCII");
                }
            }
            return text;
        }
        if (value == null && fallback != null)
        {
            return fallback;
        }
        throw new ApiException(HttpResponseStatus.BAD_REQUEST, name + " is required (a string)");
    }

    private static HttpResponseStatus statusOf(final Throwable cause)
    {
        if (cause instanceof ApiException)
        {
            return ((ApiException)cause).status;
        }
        if (cause instanceof Json.JsonException || cause instanceof IllegalArgumentException)
        {
            return HttpResponseStatus.BAD_REQUEST;
        }
        if (cause instanceof EngineBusyException || cause instanceof AdminCommands.NotPublishedException ||
            cause instanceof TimeoutException)
        {
            return HttpResponseStatus.SERVICE_UNAVAILABLE;
        }
        return HttpResponseStatus.INTERNAL_SERVER_ERROR;
    }

    private static Response ok(final String json)
    {
        return new Response(HttpResponseStatus.OK, json, "application/json");
    }

    private static String error(final String message)
    {
        return "{\"error\":" + Json.quote(message) + "}";
    }

    private static void respond(
        final ChannelHandlerContext ctx, final boolean keepAlive, final HttpResponseStatus status, final String json)
    {
        respond(ctx, keepAlive, status, json, "application/json");
    }

    private static void respond(
        final ChannelHandlerContext ctx,
        final boolean keepAlive,
        final HttpResponseStatus status,
        final String body,
        final String contentType)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.copiedBuffer(body + "\n", StandardCharsets.UTF_8));
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, contentType)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (keepAlive)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        }
        else
        {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }

    /** One response: status, body, content type. */
    record Response(HttpResponseStatus status, String body, String contentType)
    {
    }
}
