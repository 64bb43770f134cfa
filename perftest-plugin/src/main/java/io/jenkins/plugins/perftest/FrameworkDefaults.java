package io.jenkins.plugins.perftest;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ItemGroup;
import io.jenkins.plugins.perftest.collectors.PerfTestCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The framework defaults that apply to a job: for every field, the value of the nearest
 * enclosing folder whose {@link FrameworkProperty} sets it. So a nested folder overrides what
 * it sets and inherits the rest.
 */
public final class FrameworkDefaults {

    /** No framework: a job outside any framework folder. */
    public static final FrameworkDefaults NONE = new FrameworkDefaults(null, List.of());

    private final String frameworkName;
    private final List<FrameworkProperty> chain;

    private FrameworkDefaults(@CheckForNull String frameworkName, List<FrameworkProperty> chain) {
        this.frameworkName = frameworkName;
        this.chain = List.copyOf(chain);
    }

    /** The defaults for {@code item}, from its innermost enclosing framework folder outwards. */
    @NonNull
    public static FrameworkDefaults of(@NonNull Item item) {
        List<FrameworkProperty> chain = new ArrayList<>();
        String name = null;
        ItemGroup<?> group = item.getParent();
        for (int depth = 0; depth < 64 && group instanceof AbstractFolder<?> folder; depth++) {
            FrameworkProperty property = folder.getProperties().get(FrameworkProperty.class);
            if (property != null) {
                chain.add(property);
                if (name == null) {
                    name = folder.getFullName();
                }
            }
            group = folder.getParent();
        }
        return chain.isEmpty() ? NONE : new FrameworkDefaults(name, chain);
    }

    /** The full name of the innermost framework folder, or null outside a framework. */
    @CheckForNull
    public String getFrameworkName() {
        return frameworkName;
    }

    public boolean isPresent() {
        return !chain.isEmpty();
    }

    @CheckForNull
    public String getScript() {
        return first(FrameworkProperty::getScript);
    }

    @NonNull
    public List<ScriptArgument> getArguments() {
        List<ScriptArgument> found = firstMatching(FrameworkProperty::getArguments, list -> !list.isEmpty());
        return found == null ? List.of() : found;
    }

    @NonNull
    public List<PerfTestCollector> getCollectors() {
        List<PerfTestCollector> found = firstMatching(FrameworkProperty::getCollectors, list -> !list.isEmpty());
        return found == null ? List.of() : found;
    }

    @CheckForNull
    public String getStatisticsLabel() {
        return first(FrameworkProperty::getStatisticsLabel);
    }

    @CheckForNull
    public String getTimeout() {
        return first(FrameworkProperty::getTimeout);
    }

    /** 0 when no folder sets it. */
    public int getRepeat() {
        Integer found = firstMatching(FrameworkProperty::getRepeat, r -> r > 0);
        return found == null ? 0 : found;
    }

    @CheckForNull
    public String getThresholds() {
        return first(FrameworkProperty::getThresholds);
    }

    @CheckForNull
    public String getBaseline() {
        return first(FrameworkProperty::getBaseline);
    }

    @CheckForNull
    public String getResultFiles() {
        return first(FrameworkProperty::getResultFiles);
    }

    @CheckForNull
    private String first(Function<FrameworkProperty, String> field) {
        return firstMatching(field, v -> true);
    }

    @CheckForNull
    private <T> T firstMatching(Function<FrameworkProperty, T> field, Predicate<T> isSet) {
        for (FrameworkProperty property : chain) {
            T value = field.apply(property);
            if (value != null && isSet.test(value)) {
                return value;
            }
        }
        return null;
    }
}
