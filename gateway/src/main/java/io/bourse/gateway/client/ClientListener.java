package io.bourse.gateway.client;

import io.bourse.gateway.sbe.BusyDecoder;
import io.bourse.gateway.sbe.CancelRejectDecoder;
import io.bourse.gateway.sbe.ExecutionReportDecoder;
import io.bourse.gateway.sbe.LoggedOutDecoder;
import io.bourse.gateway.sbe.LogonAcceptedDecoder;
import io.bourse.gateway.sbe.LogonRejectedDecoder;
import io.bourse.gateway.sbe.MassCancelReportDecoder;
import io.bourse.gateway.sbe.SessionRejectDecoder;

/**
 * Receives what the gateway sends to a {@link BinaryClient}, on the client's event-loop thread. Decoders are valid only
 * during the call; read enum fields with their {@code *Raw()} getters if the gateway may be newer than this client.
 * Every method has an empty default.
 */
public interface ClientListener
{
    default void onLogonAccepted(final LogonAcceptedDecoder message)
    {
    }

    default void onLogonRejected(final LogonRejectedDecoder message)
    {
    }

    default void onLoggedOut(final LoggedOutDecoder message)
    {
    }

    default void onExecutionReport(final ExecutionReportDecoder report)
    {
    }

    default void onCancelReject(final CancelRejectDecoder reject)
    {
    }

    default void onMassCancelReport(final MassCancelReportDecoder report)
    {
    }

    default void onBusy(final BusyDecoder busy)
    {
    }

    default void onSessionReject(final SessionRejectDecoder reject)
    {
    }

    /** The connection closed, for whatever reason. */
    default void onDisconnected()
    {
    }
}
