package io.bourse.gateway.admin;

import io.bourse.engine.pipeline.PipelineStats;
import io.bourse.gateway.GatewayMetrics;
import io.bourse.gateway.sbe.RejectReason;

/** Writes the Prometheus text exposition of the engine's and gateway's counters. Stateless. */
final class MetricsPage
{
    private MetricsPage()
    {
    }

    static String render(
        final PipelineStats stats, final boolean failed, final double commandsPerSecond, final GatewayMetrics metrics)
    {
        final StringBuilder out = new StringBuilder(4096);
        metric(out, "bourse_commands_total", "counter", "Commands journaled (the engine sequence).",
            stats.lastJournaledSequence());
        out.append("# HELP bourse_commands_per_second Commands journaled per second over the last second.\n")
            .append("# TYPE bourse_commands_per_second gauge\n")
            .append("bourse_commands_per_second ").append(String.format("%.1f", commandsPerSecond)).append('\n');
        metric(out, "bourse_ring_size", "gauge", "Slots in the command ring.", stats.ringSize());
        metric(out, "bourse_ring_occupancy", "gauge", "Ring slots in use (published, not yet past all stages).",
            stats.ringOccupancy());
        metric(out, "bourse_journal_sequence", "gauge", "Engine sequence of the last journaled command.",
            stats.lastJournaledSequence());
        metric(out, "bourse_journal_index", "gauge", "Chronicle index of the last journal document.",
            stats.lastJournalIndex());
        metric(out, "bourse_engine_failed", "gauge", "1 once the engine stopped (fail-stop).", failed ? 1 : 0);
        metric(out, "bourse_sessions", "gauge", "Logged-on order-entry sessions.", metrics.sessions());
        metric(out, "bourse_busy_total", "counter", "Requests refused because the ring was full.", metrics.busy());
        metric(out, "bourse_protocol_errors_total", "counter", "Malformed frames and messages.",
            metrics.protocolErrors());
        metric(out, "bourse_slow_consumer_disconnects_total", "counter",
            "Sessions dropped for not reading their replies.", metrics.slowConsumerDisconnects());
        metric(out, "bourse_heartbeat_timeouts_total", "counter", "Sessions dropped for silence.",
            metrics.heartbeatTimeouts());
        metric(out, "bourse_gateway_errors_total", "counter", "Unexpected exceptions in sessions (bugs).",
            metrics.unexpectedErrors());
        out.append("# HELP bourse_logons_total Logon attempts by result.\n# TYPE bourse_logons_total counter\n")
            .append("bourse_logons_total{result=\"accepted\"} ").append(metrics.logonsAccepted()).append('\n')
            .append("bourse_logons_total{result=\"rejected\"} ").append(metrics.logonsRejected()).append('\n');
        out.append("# HELP bourse_rejects_total Rejected requests by reason (engine and gateway).\n")
            .append("# TYPE bourse_rejects_total counter\n");
        for (int code = 0; code < GatewayMetrics.REASON_CODES; code++)
        {
            final long count = metrics.rejects(code);
            if (count != 0)
            {
                out.append("bourse_rejects_total{reason=\"").append(reasonName(code)).append("\"} ").append(count)
                    .append('\n');
            }
        }
        return out.toString();
    }

    private static void metric(
        final StringBuilder out, final String name, final String type, final String help, final long value)
    {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
            .append("# TYPE ").append(name).append(' ').append(type).append('\n')
            .append(name).append(' ').append(value).append('\n');
    }

    static String reasonName(final int code)
    {
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason.value() == code && reason != RejectReason.NULL_VAL)
            {
                return reason.name();
            }
        }
        return "CODE_" + code;
    }
}
