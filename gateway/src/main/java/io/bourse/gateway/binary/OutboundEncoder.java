package io.bourse.gateway.binary;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.gateway.sbe.BusyEncoder;
import io.bourse.gateway.sbe.CancelRejectEncoder;
import io.bourse.gateway.sbe.ExecutionReportEncoder;
import io.bourse.gateway.sbe.LoggedOutEncoder;
import io.bourse.gateway.sbe.LogonAcceptedEncoder;
import io.bourse.gateway.sbe.LogonRejectedEncoder;
import io.bourse.gateway.sbe.MassCancelReportEncoder;
import io.bourse.gateway.sbe.MessageHeaderEncoder;
import io.bourse.gateway.sbe.ServerHeartbeatEncoder;
import io.bourse.gateway.sbe.SessionRejectEncoder;
import io.netty.buffer.ByteBuf;

/**
 * Encodes one gateway-to-client message at a time, SOFH included, into its own scratch buffer: start a message, fill
 * the returned encoder, then {@link #appendTo} a ByteBuf. The {@code seqNo} field is left 0: {@link SeqNoStamper}
 * stamps it on the event loop, in wire order. One per thread; allocates nothing after construction.
 */
public final class OutboundEncoder
{
    /** Offset of every outbound message's seqNo field from the start of its frame. */
    public static final int SEQ_NO_OFFSET = Sofh.LENGTH + MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int SCRATCH_LENGTH = 512;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[SCRATCH_LENGTH]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final LogonAcceptedEncoder logonAccepted = new LogonAcceptedEncoder();
    private final LogonRejectedEncoder logonRejected = new LogonRejectedEncoder();
    private final LoggedOutEncoder loggedOut = new LoggedOutEncoder();
    private final ServerHeartbeatEncoder heartbeat = new ServerHeartbeatEncoder();
    private final ExecutionReportEncoder executionReport = new ExecutionReportEncoder();
    private final CancelRejectEncoder cancelReject = new CancelRejectEncoder();
    private final MassCancelReportEncoder massCancelReport = new MassCancelReportEncoder();
    private final BusyEncoder busy = new BusyEncoder();
    private final SessionRejectEncoder sessionReject = new SessionRejectEncoder();
    private int length;

    private int begin(final int blockLength)
    {
        length = Sofh.LENGTH + MessageHeaderEncoder.ENCODED_LENGTH + blockLength;
        Sofh.put(scratch, 0, length);
        return Sofh.LENGTH;
    }

    public LogonAcceptedEncoder logonAccepted()
    {
        return logonAccepted.wrapAndApplyHeader(scratch, begin(LogonAcceptedEncoder.BLOCK_LENGTH), header).seqNo(0);
    }

    public LogonRejectedEncoder logonRejected()
    {
        return logonRejected.wrapAndApplyHeader(scratch, begin(LogonRejectedEncoder.BLOCK_LENGTH), header).seqNo(0);
    }

    public LoggedOutEncoder loggedOut()
    {
        return loggedOut.wrapAndApplyHeader(scratch, begin(LoggedOutEncoder.BLOCK_LENGTH), header).seqNo(0);
    }

    public ServerHeartbeatEncoder heartbeat()
    {
        return heartbeat.wrapAndApplyHeader(scratch, begin(ServerHeartbeatEncoder.BLOCK_LENGTH), header).seqNo(0);
    }

    /** Starts an execution report with every field zeroed (no reject, no cancel reason, no ids). */
    public ExecutionReportEncoder executionReport()
    {
        final int offset = begin(ExecutionReportEncoder.BLOCK_LENGTH);
        scratch.setMemory(offset, MessageHeaderEncoder.ENCODED_LENGTH + ExecutionReportEncoder.BLOCK_LENGTH, (byte)0);
        return executionReport.wrapAndApplyHeader(scratch, offset, header);
    }

    public CancelRejectEncoder cancelReject()
    {
        final int offset = begin(CancelRejectEncoder.BLOCK_LENGTH);
        scratch.setMemory(offset, MessageHeaderEncoder.ENCODED_LENGTH + CancelRejectEncoder.BLOCK_LENGTH, (byte)0);
        return cancelReject.wrapAndApplyHeader(scratch, offset, header);
    }

    public MassCancelReportEncoder massCancelReport()
    {
        return massCancelReport.wrapAndApplyHeader(scratch, begin(MassCancelReportEncoder.BLOCK_LENGTH), header)
            .seqNo(0);
    }

    public BusyEncoder busy()
    {
        final int offset = begin(BusyEncoder.BLOCK_LENGTH);
        scratch.setMemory(offset, MessageHeaderEncoder.ENCODED_LENGTH + BusyEncoder.BLOCK_LENGTH, (byte)0);
        return busy.wrapAndApplyHeader(scratch, offset, header);
    }

    public SessionRejectEncoder sessionReject()
    {
        return sessionReject.wrapAndApplyHeader(scratch, begin(SessionRejectEncoder.BLOCK_LENGTH), header).seqNo(0);
    }

    /** The frame of the message last started, from offset 0 to {@link #length()}. */
    public DirectBuffer buffer()
    {
        return scratch;
    }

    public int length()
    {
        return length;
    }

    /** Appends the message last started to {@code out}. */
    public void appendTo(final ByteBuf out)
    {
        out.writeBytes(scratch.byteArray(), 0, length);
    }
}
