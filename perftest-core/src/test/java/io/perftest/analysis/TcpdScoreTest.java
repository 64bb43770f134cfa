package io.perftest.analysis;

import org.junit.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.Assert.assertTrue;

/**
 * The default detector on 22 human-annotated TCPD series, scored by the TCPD F1 (margin 5, as
 * published): the bar is TCPDBench's best default-setting method (binseg, 0.704) and reporting
 * nothing (the "zero" method).
 */
public class TcpdScoreTest {

    private static final ChangePointDetector DEFAULT = new ChangePointDetector(ChangePointSettings.DEFAULT);
    private static final TcpdF1 F1 = TcpdF1.withMargin(TcpdF1.DEFAULT_MARGIN);

    @Test
    public void shouldBeatThePublishedDefaultSettingsAndReportingNothingOnAnnotatedRealSeries() throws Exception {
        double total = 0;
        double zero = 0;
        List<TcpdSeries.Annotated> all = TcpdSeries.all();
        StringBuilder table = new StringBuilder();
        for (TcpdSeries.Annotated s : all) {
            List<Integer> found = Arrays.stream(DEFAULT.detect(s.values()).indices()).boxed().toList();
            double f1 = F1.score(s.annotations(), found).f1();
            double none = F1.score(s.annotations(), List.of()).f1();
            total += f1;
            zero += none;
            table.append(String.format(Locale.ROOT, "%-20s %.3f (nothing %.3f) %s%n", s.name(), f1, none, found));
        }
        double mean = total / all.size();
        System.out.print(table);
        System.out.printf(Locale.ROOT, "mean F1 %.3f, reporting nothing %.3f%n", mean, zero / all.size());
        assertTrue("mean F1 " + mean + "\n" + table, mean >= 0.75);
    }
}
