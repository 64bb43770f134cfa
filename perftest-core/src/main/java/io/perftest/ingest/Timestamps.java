package io.perftest.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The time column of a series file: epoch seconds or milliseconds, elapsed seconds, ISO-8601
 * date-times ({@code 2017-08-03T18:36:05Z}, UTC when no zone is given, a space allowed for 'T',
 * slashes for dashes as JMeter's {@code yyyy/MM/dd HH:mm:ss.SSS} writes them)
 * or a time of day ({@code 18:36:05}). The kind is decided by the first value.
 */
public enum Timestamps {
    /** Seconds since the start (small numbers). */
    ELAPSED,
    EPOCH_SECONDS,
    EPOCH_MILLIS,
    ISO,
    TIME_OF_DAY;

    private static final double EPOCH_SECONDS_MIN = 1e9;   // 2001-09-09
    private static final double EPOCH_MILLIS_MIN = 1e12;

    /** The kind of timestamp {@code sample} is, or null if it is none. */
    public static Timestamps kindOf(String sample) {
        String t = sample.strip();
        try {
            double v = Numbers.parseDouble(t);
            if (v >= EPOCH_MILLIS_MIN) {
                return EPOCH_MILLIS;
            }
            return v >= EPOCH_SECONDS_MIN ? EPOCH_SECONDS : ELAPSED;
        } catch (NumberFormatException e) {
            // not a number
        }
        try {
            iso(t);
            return ISO;
        } catch (DateTimeParseException e) {
            // not ISO
        }
        try {
            LocalTime.parse(t);
            return TIME_OF_DAY;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether values of this kind are absolute (seconds since the epoch) rather than relative. */
    public boolean isEpoch() {
        return this == EPOCH_SECONDS || this == EPOCH_MILLIS || this == ISO;
    }

    /** Seconds (since the epoch, or elapsed / since midnight) of {@code text}. */
    public double seconds(String text) {
        String t = text.strip();
        return switch (this) {
            case ELAPSED, EPOCH_SECONDS -> Numbers.parseDouble(t);
            case EPOCH_MILLIS -> Numbers.parseDouble(t) / 1000.0;
            case ISO -> {
                Instant i = iso(t);
                yield i.getEpochSecond() + i.getNano() / 1e9;
            }
            case TIME_OF_DAY -> LocalTime.parse(t).toNanoOfDay() / 1e9;
        };
    }

    private static Instant iso(String t) {
        String d = t.length() >= 10 && t.charAt(4) == '/' && t.charAt(7) == '/' // JMeter's yyyy/MM/dd HH:mm:ss.SSS
                ? t.substring(0, 4) + '-' + t.substring(5, 7) + '-' + t.substring(8) : t;
        String s = d.length() > 10 && d.charAt(10) == ' ' ? d.substring(0, 10) + 'T' + d.substring(11) : d;
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        }
    }
}
