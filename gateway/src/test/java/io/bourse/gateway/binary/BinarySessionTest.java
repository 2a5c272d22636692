package io.bourse.gateway.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.gateway.sbe.BusyDecoder;
import io.bourse.gateway.sbe.ExecutionReportDecoder;
import io.bourse.gateway.sbe.LoggedOutDecoder;
import io.bourse.gateway.sbe.LogonAcceptedDecoder;
import io.bourse.gateway.sbe.LogonRejectedDecoder;
import io.bourse.gateway.sbe.MessageHeaderDecoder;
import io.bourse.gateway.sbe.RejectReason;
import io.bourse.gateway.sbe.SessionRejectDecoder;
import io.bourse.gateway.sbe.Side;

class BinarySessionTest
{
    private static final long PRICE = 30_000_000_000L;
    private static final long QTY = 100_000_000L;

    private final SessionFixture fixture = new SessionFixture();

    @Test
    void shouldAcceptLogonAndStampSequenceNumbersFromOne()
    {
        fixture.logon();
        final UnsafeBuffer accepted = fixture.lastOutbound();
        assertThat(header(accepted).templateId()).isEqualTo(LogonAcceptedDecoder.TEMPLATE_ID);
        final LogonAcceptedDecoder decoder = new LogonAcceptedDecoder().wrap(accepted,
            MessageHeaderDecoder.ENCODED_LENGTH, LogonAcceptedDecoder.BLOCK_LENGTH, 1);
        assertThat(decoder.seqNo()).isEqualTo(1);
        assertThat(decoder.accountId()).isEqualTo(SessionFixture.ACCOUNT);
        assertThat(fixture.registry.sessionsOf(SessionFixture.ACCOUNT)).hasSize(1);
    }

    @Test
    void shouldRejectWrongSecretAndClose()
    {
        fixture.write(fixture.logonFrame(SessionFixture.ACCOUNT, "wrong"));
        assertThat(fixture.outboundTemplates()).containsExactly(LogonRejectedDecoder.TEMPLATE_ID);
        assertThat(fixture.channel.isActive()).isFalse();
        assertThat(fixture.registry.size()).isZero();
    }

    @Test
    void shouldRejectSecondLogonOnSameConnection()
    {
        fixture.logon();
        fixture.outboundTemplates();
        fixture.write(fixture.logonFrame(SessionFixture.ACCOUNT, SessionFixture.SECRET));
        final UnsafeBuffer reject = fixture.lastOutbound();
        assertThat(new SessionRejectDecoder().wrap(reject, MessageHeaderDecoder.ENCODED_LENGTH,
            SessionRejectDecoder.BLOCK_LENGTH, 1).reason()).isEqualTo(RejectReason.ALREADY_LOGGED_ON);
    }

    @Test
    void shouldNotPublishBeforeLogon()
    {
        fixture.write(fixture.newOrderFrame("a", Side.BUY, PRICE, QTY));
        fixture.write(fixture.cancelFrame(1, ""));
        fixture.write(fixture.massCancelFrame(0));
        assertThat(fixture.commandsProcessed).isZero();
        assertThat(fixture.outboundTemplates()).containsExactly(SessionRejectDecoder.TEMPLATE_ID,
            SessionRejectDecoder.TEMPLATE_ID, SessionRejectDecoder.TEMPLATE_ID);
    }

    @Test
    void shouldAnswerBusyWhenTheRingIsFull()
    {
        fixture.logon();
        fixture.outboundTemplates();
        fixture.publishResult = CommandPublisher.BUSY;
        fixture.write(fixture.newOrderFrame("busy-1", Side.BUY, PRICE, QTY));
        final UnsafeBuffer busy = fixture.lastOutbound();
        assertThat(header(busy).templateId()).isEqualTo(BusyDecoder.TEMPLATE_ID);
        assertThat(new BusyDecoder().wrap(busy, MessageHeaderDecoder.ENCODED_LENGTH, BusyDecoder.BLOCK_LENGTH, 1)
            .clientOrderId()).isEqualTo("busy-1");
        assertThat(fixture.metrics.busy()).isEqualTo(1);
        assertThat(fixture.channel.isActive()).isTrue();
    }

    @Test
    void shouldRejectWhenTheEngineHasStopped()
    {
        fixture.logon();
        fixture.outboundTemplates();
        fixture.publishResult = CommandPublisher.FAILED;
        fixture.write(fixture.newOrderFrame("f-1", Side.BUY, PRICE, QTY));
        final UnsafeBuffer report = fixture.lastOutbound();
        assertThat(new ExecutionReportDecoder().wrap(report, MessageHeaderDecoder.ENCODED_LENGTH,
            ExecutionReportDecoder.BLOCK_LENGTH, 1).rejectReason()).isEqualTo(RejectReason.ENGINE_UNAVAILABLE);
    }

    @Test
    void shouldRejectClientOrderIdsThatAreNotPrintableAscii()
    {
        fixture.logon();
        fixture.outboundTemplates();
        final byte[] frame = fixture.newOrderFrame("ab", Side.BUY, PRICE, QTY);
        frame[Sofh.LENGTH + MessageHeaderDecoder.ENCODED_LENGTH + 1] = 0x07;
        fixture.write(frame);
        final byte[] gap = fixture.newOrderFrame("ab", Side.BUY, PRICE, QTY);
        gap[Sofh.LENGTH + MessageHeaderDecoder.ENCODED_LENGTH + 5] = 'x';
        fixture.write(gap);
        assertThat(fixture.commandsProcessed).isZero();
        assertThat(fixture.metrics.rejects(RejectReason.INVALID_CLIENT_ORDER_ID.value())).isEqualTo(2);
    }

    @Test
    void shouldPublishOrdersForTheSessionAccountOnly()
    {
        fixture.logon();
        fixture.write(fixture.newOrderFrame("o-1", Side.BUY, PRICE, QTY));
        assertThat(fixture.commandsProcessed).isEqualTo(1);
        assertThat(new io.bourse.sbe.PlaceOrderDecoder().wrap(fixture.commandBuffer,
            io.bourse.sbe.MessageHeaderDecoder.ENCODED_LENGTH, io.bourse.sbe.PlaceOrderDecoder.BLOCK_LENGTH, 1)
            .accountId()).isEqualTo(SessionFixture.ACCOUNT);
    }

    @Test
    void shouldDisconnectOnFramesOfWrongEncodingOrLength()
    {
        for (final byte[] bad : List.of(
            new byte[] {0, 0, 0, 5, 0x5B, (byte)0xE0},
            new byte[] {0, 0, 0x7F, 0, 0x5B, (byte)0xE0},
            new byte[] {0, 0, 0, 14, 0x5B, (byte)0xE1, 0, 0, 0, 0, 0, 0, 0, 0}))
        {
            fixture.newChannel();
            fixture.logon();
            fixture.outboundTemplates();
            fixture.write(bad);
            assertThat(fixture.outboundTemplates()).containsExactly(LoggedOutDecoder.TEMPLATE_ID);
            assertThat(fixture.channel.isActive()).isFalse();
        }
        assertThat(fixture.metrics.protocolErrors()).isEqualTo(3);
    }

    @Test
    void shouldDecodeFramesSplitAtEveryByte()
    {
        fixture.logon();
        fixture.outboundTemplates();
        final byte[] a = fixture.newOrderFrame("s-1", Side.BUY, PRICE - 10_000, QTY);
        final byte[] b = fixture.heartbeatFrame();
        final byte[] c = fixture.newOrderFrame("s-2", Side.BUY, PRICE - 20_000, QTY);
        final byte[] stream = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, stream, 0, a.length);
        System.arraycopy(b, 0, stream, a.length, b.length);
        System.arraycopy(c, 0, stream, a.length + b.length, c.length);
        for (final byte value : stream)
        {
            fixture.write(new byte[] {value});
        }
        assertThat(fixture.commandsProcessed).isEqualTo(2);
        assertThat(fixture.channel.isActive()).isTrue();
    }

    @Test
    void shouldLeaveTheRegistryWhenTheSessionEndsWithLoggedOut()
    {
        fixture.logon();
        fixture.write(fixture.logoutFrame());
        assertThat(fixture.outboundTemplates()).containsExactly(
            LogonAcceptedDecoder.TEMPLATE_ID, LoggedOutDecoder.TEMPLATE_ID);
        fixture.newChannel();
        fixture.logon();
        fixture.write(new byte[] {0, 0, 0, 5, 0x5B, (byte)0xE0});
        assertThat(fixture.channel.isActive()).isFalse();
        assertThat(fixture.registry.size()).isZero();
        assertThat(fixture.metrics.sessions()).isZero();
    }

    @Test
    void shouldCancelOnDisconnectWhenTheSessionLogsOut()
    {
        fixture.write(fixture.logonFrame(SessionFixture.ACCOUNT, SessionFixture.SECRET, true));
        fixture.write(fixture.newOrderFrame("cod-1", Side.BUY, PRICE, QTY));
        fixture.write(fixture.logoutFrame());
        assertThat(fixture.commandsProcessed).isEqualTo(2);
        assertThat(header(fixture.commandBuffer).templateId()).isEqualTo(io.bourse.sbe.MassCancelDecoder.TEMPLATE_ID);
        assertThat(new io.bourse.sbe.MassCancelDecoder().wrap(fixture.commandBuffer,
            io.bourse.sbe.MessageHeaderDecoder.ENCODED_LENGTH, io.bourse.sbe.MassCancelDecoder.BLOCK_LENGTH, 1)
            .accountId()).isEqualTo(SessionFixture.ACCOUNT);
    }

    private static MessageHeaderDecoder header(final UnsafeBuffer buffer)
    {
        return new MessageHeaderDecoder().wrap(buffer, 0);
    }
}
