package io.bourse.gateway.binary;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import com.typesafe.config.ConfigFactory;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.command.AsciiField;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.gateway.CommandSink;
import io.bourse.gateway.GatewayMetrics;
import io.bourse.gateway.GatewaySettings;
import io.bourse.gateway.sbe.BooleanType;
import io.bourse.gateway.sbe.CancelOrderEncoder;
import io.bourse.gateway.sbe.HeartbeatEncoder;
import io.bourse.gateway.sbe.LogonEncoder;
import io.bourse.gateway.sbe.LogoutEncoder;
import io.bourse.gateway.sbe.MassCancelEncoder;
import io.bourse.gateway.sbe.MessageHeaderDecoder;
import io.bourse.gateway.sbe.MessageHeaderEncoder;
import io.bourse.gateway.sbe.NewOrderEncoder;
import io.bourse.gateway.sbe.OrderType;
import io.bourse.gateway.sbe.ReplaceOrderEncoder;
import io.bourse.gateway.sbe.Side;
import io.bourse.gateway.sbe.TimeInForce;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * One binary session on an {@link EmbeddedChannel}, wired to a real {@link ExchangeEngine} that processes every
 * published command at once (or to a sink that answers BUSY / FAILED), with a fake authenticator that accepts
 * {@link #ACCOUNT} / {@link #SECRET}. Frames for every client message are built here too. Single-threaded.
 */
final class SessionFixture
{
    static final long ACCOUNT = 7;
    static final String SECRET = "secret";

    final GatewayMetrics metrics = new GatewayMetrics();
    final SessionRegistry registry = new SessionRegistry();
    final ExchangeEngine engine = new ExchangeEngine(ConfigLoader.loadDefault());
    final List<Throwable> engineErrors = new ArrayList<>();
    final UnsafeBuffer commandBuffer = new UnsafeBuffer(new byte[CommandWriter.MAX_COMMAND_LENGTH]);
    final EventLog events = new EventLog();
    long publishResult;
    long engineTimeNs = 1_800_000_000_000_000_000L;
    int commandsProcessed;
    EmbeddedChannel channel;

    final GatewaySettings settings = GatewaySettings.fromConfig(ConfigFactory.parseString(
        "bourse.gateway { max-frame-length = 256 }"));
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    SessionFixture()
    {
        final CommandWriter writer = new CommandWriter();
        writer.createAccount().accountId(ACCOUNT).allowSelfTrade(io.bourse.sbe.BooleanType.FALSE).reason("fixture");
        process(writer.buffer(), writer.length());
        writer.deposit().accountId(ACCOUNT).assetId(3).amountMinor(1_000_000_000_000L).externalRef("u").reason("f");
        process(writer.buffer(), writer.length());
        writer.deposit().accountId(ACCOUNT).assetId(1).amountMinor(100_000_000_000L).externalRef("b").reason("f");
        process(writer.buffer(), writer.length());
        commandsProcessed = 0;
        newChannel();
    }

    /** A fresh connection (not logged on). */
    void newChannel()
    {
        final CommandSink sink = new CommandSink()
        {
            @Override
            public <A> long tryPublish(final CommandFiller<A> filler, final A arg, final long sourceId)
            {
                if (publishResult < 0)
                {
                    return publishResult;
                }
                final int length = filler.fill(commandBuffer, arg);
                process(commandBuffer, length);
                commandsProcessed++;
                return commandsProcessed;
            }
        };
        final BinaryGatewayContext context = new BinaryGatewayContext(settings, sink,
            (accountId, secret) -> accountId == ACCOUNT && SECRET.equals(secret), Runnable::run, registry, metrics);
        final BinarySession session = new BinarySession(context);
        channel = new EmbeddedChannel();
        channel.pipeline()
            .addLast(BinarySession.IDLE_HANDLER, new io.netty.channel.ChannelInboundHandlerAdapter())
            .addLast(new SeqNoStamper())
            .addLast(new SofhFrameDecoder(settings.maxFrameLength(), session))
            .addLast(session);
    }

    private void process(final org.agrona.DirectBuffer buffer, final int length)
    {
        events.reset();
        try
        {
            engine.process(buffer, 0, length, engineTimeNs++, events);
        }
        catch (final RuntimeException ex)
        {
            engineErrors.add(ex);
        }
    }

    void logon()
    {
        write(logonFrame(ACCOUNT, SECRET));
        channel.runPendingTasks();
    }

    /** Writes inbound bytes and runs what they scheduled; nothing once the session has closed the connection. */
    void write(final byte[] bytes)
    {
        if (!channel.isOpen())
        {
            return;
        }
        final ByteBuf in = Unpooled.wrappedBuffer(bytes);
        channel.writeInbound(in);
        channel.runPendingTasks();
    }

    /** Drains what the session wrote: template ids of the outbound messages, in order. */
    List<Integer> outboundTemplates()
    {
        final List<Integer> templates = new ArrayList<>();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null)
        {
            while (out.readableBytes() >= Sofh.MIN_FRAME_LENGTH)
            {
                final int length = out.getInt(out.readerIndex());
                templates.add((int)out.getUnsignedShortLE(out.readerIndex() + Sofh.LENGTH + 2));
                out.skipBytes(length);
            }
            out.release();
        }
        return templates;
    }

    /** The last outbound frame's bytes from the message header on, or null if none. */
    UnsafeBuffer lastOutbound()
    {
        ByteBuf out;
        UnsafeBuffer last = null;
        while ((out = channel.readOutbound()) != null)
        {
            while (out.readableBytes() >= Sofh.MIN_FRAME_LENGTH)
            {
                final int length = out.getInt(out.readerIndex());
                final byte[] bytes = new byte[length - Sofh.LENGTH];
                out.getBytes(out.readerIndex() + Sofh.LENGTH, bytes);
                last = new UnsafeBuffer(bytes);
                out.skipBytes(length);
            }
            out.release();
        }
        return last;
    }

    byte[] logonFrame(final long accountId, final String secret)
    {
        return logonFrame(accountId, secret, false);
    }

    byte[] logonFrame(final long accountId, final String secret, final boolean cancelOnDisconnect)
    {
        final LogonEncoder logon = new LogonEncoder().wrapAndApplyHeader(frame, Sofh.LENGTH, header)
            .accountId(accountId).heartbeatIntervalMs(0)
            .cancelOnDisconnect(cancelOnDisconnect ? BooleanType.TRUE : BooleanType.FALSE);
        AsciiField.put(frame, logon.offset() + LogonEncoder.secretEncodingOffset(), LogonEncoder.secretLength(), secret);
        return frame(LogonEncoder.BLOCK_LENGTH);
    }

    byte[] newOrderFrame(final String clientOrderId, final Side side, final long priceMinor, final long qtyMinor)
    {
        frame.setMemory(0, 256, (byte)0);
        new NewOrderEncoder().wrapAndApplyHeader(frame, Sofh.LENGTH, header).clientOrderId(clientOrderId).symbolId(1)
            .side(side).orderType(OrderType.LIMIT).timeInForce(TimeInForce.GTC).priceMinor(priceMinor)
            .qtyMinor(qtyMinor);
        return frame(NewOrderEncoder.BLOCK_LENGTH);
    }

    byte[] cancelFrame(final long orderId, final String origClientOrderId)
    {
        new CancelOrderEncoder().wrapAndApplyHeader(frame, Sofh.LENGTH, header).orderId(orderId)
            .origClientOrderId(origClientOrderId);
        return frame(CancelOrderEncoder.BLOCK_LENGTH);
    }

    byte[] replaceFrame(final long orderId, final String orig, final String id, final long priceMinor, final long qty)
    {
        new ReplaceOrderEncoder().wrapAndApplyHeader(frame, Sofh.LENGTH, header).orderId(orderId)
            .origClientOrderId(orig).clientOrderId(id).priceMinor(priceMinor).qtyMinor(qty);
        return frame(ReplaceOrderEncoder.BLOCK_LENGTH);
    }

    byte[] massCancelFrame(final int symbolId)
    {
        new MassCancelEncoder().wrapAndApplyHeader(frame, Sofh.LENGTH, header).symbolId(symbolId);
        return frame(MassCancelEncoder.BLOCK_LENGTH);
    }

    byte[] logoutFrame()
    {
        new LogoutEncoder().wrapAndApplyHeader(frame, Sofh.LENGTH, header);
        return frame(LogoutEncoder.BLOCK_LENGTH);
    }

    byte[] heartbeatFrame()
    {
        new HeartbeatEncoder().wrapAndApplyHeader(frame, Sofh.LENGTH, header);
        return frame(HeartbeatEncoder.BLOCK_LENGTH);
    }

    private byte[] frame(final int blockLength)
    {
        final int length = Sofh.LENGTH + MessageHeaderDecoder.ENCODED_LENGTH + blockLength;
        Sofh.put(frame, 0, length);
        final byte[] bytes = new byte[length];
        frame.getBytes(0, bytes);
        return bytes;
    }
}
