package io.jenkins.plugins.perftest.collectors;

import hudson.DescriptorExtensionList;
import hudson.ExtensionPoint;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.perftest.model.CollectorSpec;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * A collector as configured in Jenkins: one entry of the {@code collectors} hetero-list
 * ({@code collectors: [sar(interval: '1s'), perf(mode: 'record')]}). It only describes the
 * collector; the core's collector of the same type does the work, on the execution node and
 * on every statistics node.
 *
 * <p>The option names are the core's ({@code io.perftest.collect}, each factory's
 * {@code CollectorOptions.of(spec, known)}): sar {@code interval} (whole seconds); proc
 * {@code interval}, {@code pids}; perf {@code mode} (stat, record, both), {@code frequency},
 * {@code pids}; strace {@code trace}, {@code pids}; jmx {@code url}, {@code interval},
 * {@code attributes}, {@code wait}, {@code userEnv}, {@code passwordEnv}, {@code host}; command
 * {@code name}, {@code run} (this describable's {@code command}), {@code interval}, {@code unit},
 * {@code better}. So {@code sar(interval: '1s')} becomes the spec {@code sar:interval=1s}, which
 * the core accepts; the core's factories check every option when the build starts.
 */
public abstract class PerfTestCollector extends AbstractDescribableImpl<PerfTestCollector>
        implements ExtensionPoint, Serializable {

    private static final long serialVersionUID = 1L;

    /** The collector type the core knows it by ({@code sar}, {@code proc}, ...). */
    public abstract String getType();

    /** The options as the core reads them; empty values are left out so the core's defaults apply. */
    protected abstract Map<String, String> options();

    /** The core's form of this collector. */
    public final CollectorSpec toSpec() {
        Map<String, String> present = new LinkedHashMap<>();
        options().forEach((k, v) -> {
            String value = Util.fixEmptyAndTrim(v);
            if (value != null) {
                present.put(k, value);
            }
        });
        return new CollectorSpec(getType(), present);
    }

    @Override
    public String toString() {
        return toSpec().toString();
    }

    /** Every collector descriptor, for the hetero-list. */
    public static DescriptorExtensionList<PerfTestCollector, Descriptor<PerfTestCollector>> all() {
        return Jenkins.get().getDescriptorList(PerfTestCollector.class);
    }
}
