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
 * ({@code collectors: [sar(interval: '1s'), perf(mode: 'record')]}). It only configures; the
 * core's collector of the same type ({@code io.perftest.collect.SarCollector} for
 * {@link SarConfig}, ...) does the work, on the execution node and on every statistics node,
 * as warnings-ng's {@code CheckStyle} configures analysis-model's {@code CheckStyleParser}.
 *
 * <p>The type is the descriptor's {@code @Symbol}, which is also the core's collector type
 * ({@link CollectorDescriptor#getType()}): written once. The option names are the core's
 * (each factory's {@code CollectorOptions.of(spec, known)}): sar {@code interval} (whole
 * seconds); proc {@code interval}, {@code pids}; perf {@code mode} (stat, record, both),
 * {@code frequency}, {@code pids}; strace {@code trace}, {@code pids}; jmx {@code url},
 * {@code interval}, {@code attributes}, {@code wait}, {@code userEnv}, {@code passwordEnv},
 * {@code host}; command {@code name}, {@code run} (this describable's {@code command}),
 * {@code interval}, {@code unit}, {@code better}. The core's factories check every option, in
 * the form and when the build starts.
 *
 * <p>Until 0.1 these classes were named {@code SarCollector}, {@code PerfTestCollector}, ...;
 * {@link CollectorAliases} reads configurations saved under the old names.
 */
public abstract class CollectorConfig extends AbstractDescribableImpl<CollectorConfig>
        implements ExtensionPoint, Serializable {

    private static final long serialVersionUID = 1L;

    /** The collector type the core knows it by ({@code sar}, {@code proc}, ...): the descriptor's symbol. */
    public final String getType() {
        return ((CollectorDescriptor) getDescriptor()).getType();
    }

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
    public static DescriptorExtensionList<CollectorConfig, Descriptor<CollectorConfig>> all() {
        return Jenkins.get().getDescriptorList(CollectorConfig.class);
    }
}
