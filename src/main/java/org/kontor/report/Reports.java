package org.kontor.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the reports answer; durations in minutes. */
public final class Reports {
    private Reports() {
    }

    public record Durations(int count, Double medianMinutes, Double p90Minutes) {
    }

    public record Bucket(LocalDate period, long created, long createdPublic, long createdPrivate, long solved,
                         long publicReplies, long internalNotes) {
    }

    /** Per organization or requester (R14: private tickets are counted, and shown as such). */
    public record CustomerReport(String scope, long id, String name, ReportRange range, long created, long createdPublic,
                                 long createdPrivate, long solved, Map<String, Long> byStatus, long publicReplies,
                                 long internalNotes, Durations firstReply, Durations resolution, List<Bucket> series) {
    }

    /** One row per agent or group. */
    public record WorkRow(long id, String name, long solved, long publicReplies, long internalNotes) {
    }

    public record WorkReport(String scope, ReportRange range, List<WorkRow> rows) {
    }
}
