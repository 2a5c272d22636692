package io.bourse.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.bourse.gateway.client.BinaryClient;
import io.bourse.gateway.client.ClientListener;
import io.bourse.gateway.sbe.BusyDecoder;
import io.bourse.gateway.sbe.CancelRejectDecoder;
import io.bourse.gateway.sbe.ExecutionReportDecoder;
import io.bourse.gateway.sbe.LoggedOutDecoder;
import io.bourse.gateway.sbe.LogonRejectedDecoder;
import io.bourse.gateway.sbe.MassCancelReportDecoder;
import io.bourse.gateway.sbe.SessionRejectDecoder;

/** A {@link BinaryClient} whose listener copies everything it receives into a queue, for tests to take in order. */
public final class RecordingClient implements ClientListener, AutoCloseable
{
    public static final long WAIT_SECONDS = 20;

    /** Anything but an execution report, as text: "CancelReject REPLACE_ORDER UNKNOWN_ORDER", ... */
    public record Other(String text)
    {
    }

    public final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
    public BinaryClient client;

    public static RecordingClient connect(final int port) throws InterruptedException
    {
        final RecordingClient recording = new RecordingClient();
        recording.client = BinaryClient.connect("127.0.0.1", port, recording);
        return recording;
    }

    public RecordingClient logon(final long accountId, final String secret) throws Exception
    {
        client.logon(accountId, secret, 0, false).get(WAIT_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    public Object next() throws InterruptedException
    {
        final Object message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(message).as("a message from the gateway within " + WAIT_SECONDS + " s").isNotNull();
        return message;
    }

    public Report nextReport() throws InterruptedException
    {
        final Object message = next();
        assertThat(message).isInstanceOf(Report.class);
        return (Report)message;
    }

    public String nextOther() throws InterruptedException
    {
        final Object message = next();
        assertThat(message).isInstanceOf(Other.class);
        return ((Other)message).text();
    }

    /** Asserts nothing more arrives within {@code millis}. */
    public void expectNothing(final long millis) throws InterruptedException
    {
        assertThat(received.poll(millis, TimeUnit.MILLISECONDS)).isNull();
    }

    @Override
    public void onExecutionReport(final ExecutionReportDecoder report)
    {
        received.add(Report.of(report));
    }

    @Override
    public void onCancelReject(final CancelRejectDecoder reject)
    {
        received.add(new Other("CancelReject " + reject.requestType() + " " + reject.rejectReason() + " " +
            reject.orderId() + " " + reject.clientOrderId().trim()));
    }

    @Override
    public void onMassCancelReport(final MassCancelReportDecoder report)
    {
        received.add(new Other("MassCancelReport " + report.symbolId() + " " + report.cancelledCount()));
    }

    @Override
    public void onBusy(final BusyDecoder busy)
    {
        received.add(new Other("Busy " + busy.requestType() + " " + busy.clientOrderId().trim()));
    }

    @Override
    public void onSessionReject(final SessionRejectDecoder reject)
    {
        received.add(new Other("SessionReject " + reject.refTemplateId() + " " + reject.reason()));
    }

    @Override
    public void onLogonRejected(final LogonRejectedDecoder message)
    {
        received.add(new Other("LogonRejected " + message.reason()));
    }

    @Override
    public void onLoggedOut(final LoggedOutDecoder message)
    {
        received.add(new Other("LoggedOut " + message.reason()));
    }

    @Override
    public void onDisconnected()
    {
        received.add(new Other("Disconnected"));
    }

    @Override
    public void close()
    {
        client.close();
    }
}
