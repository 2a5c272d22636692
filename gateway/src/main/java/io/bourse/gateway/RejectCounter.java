package io.bourse.gateway;

import org.agrona.DirectBuffer;

import io.bourse.engine.event.EventLog;
import io.bourse.engine.pipeline.CommandSlot;
import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.sbe.CommandRejectedDecoder;
import io.bourse.sbe.MessageHeaderDecoder;

/**
 * Counts every engine reject by reason into {@link GatewayMetrics}, whichever acceptor sent the command; acceptors count
 * only the rejects they make themselves. Reply thread only.
 */
public final class RejectCounter implements ReplyListener
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final CommandRejectedDecoder rejected = new CommandRejectedDecoder();
    private final GatewayMetrics metrics;

    public RejectCounter(final GatewayMetrics metrics)
    {
        this.metrics = metrics;
    }

    @Override
    public void onReply(final CommandSlot slot, final boolean endOfBatch)
    {
        final EventLog events = slot.events();
        final DirectBuffer buffer = events.buffer();
        int offset = 0;
        while (offset < events.length())
        {
            header.wrap(buffer, offset);
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            if (header.templateId() == CommandRejectedDecoder.TEMPLATE_ID)
            {
                metrics.onReject(rejected.wrap(buffer, body, header.blockLength(), header.version()).reasonRaw());
            }
            offset = body + header.blockLength();
        }
    }
}
