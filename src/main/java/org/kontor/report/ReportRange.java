package org.kontor.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.kontor.common.BadRequest;

/** Whole UTC days {@code from}..{@code to} (both included), bucketed by day or by ISO week (starting Monday). */
public record ReportRange(LocalDate from, LocalDate to, Interval interval) {
    public static final int MAX_DAYS = 3 * 366;

    public enum Interval { DAY, WEEK }

    public ReportRange {
        if (to.isBefore(from)) {
            throw new BadRequest("from must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new BadRequest("A report covers at most " + MAX_DAYS + " days");
        }
    }

    /** Parses the query parameters; the default is the last 30 days up to today, by day. */
    public static ReportRange of(String from, String to, String interval) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(ZoneOffset.UTC) : date(to, "to");
        LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : date(from, "from");
        Interval i;
        if (interval == null || interval.isBlank() || interval.equalsIgnoreCase("day")) {
            i = Interval.DAY;
        } else if (interval.equalsIgnoreCase("week")) {
            i = Interval.WEEK;
        } else {
            throw new BadRequest("interval must be day or week");
        }
        return new ReportRange(start, end, i);
    }

    private static LocalDate date(String s, String name) {
        try {
            return LocalDate.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequest(name + " must be a date like 2026-01-31");
        }
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive end. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The bucket a UTC day falls into. */
    LocalDate bucketOf(LocalDate d) {
        return interval == Interval.DAY ? d : d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    List<LocalDate> buckets() {
        List<LocalDate> result = new ArrayList<>();
        LocalDate d = bucketOf(from);
        while (!d.isAfter(to)) {
            result.add(d);
            d = interval == Interval.DAY ? d.plusDays(1) : d.plusWeeks(1);
        }
        return result;
    }
}
