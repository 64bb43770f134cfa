package io.jenkins.plugins.perftest;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ItemGroup;
import io.perftest.model.FrameworkLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * The framework folders that enclose a job, innermost first, each as the core's
 * {@link FrameworkLayer}. It does not merge anything: the core does
 * ({@link FrameworkLayer#stack}, {@code ConfigLoader.framework}), so a nested folder overrides
 * what it sets and inherits the rest by the same rule as everywhere else.
 */
public final class FrameworkDefaults {

    /** No framework: a job outside any framework folder. */
    public static final FrameworkDefaults NONE = new FrameworkDefaults(List.of(), List.of());

    private final List<String> folders;
    private final List<FrameworkProperty> properties;

    private FrameworkDefaults(List<String> folders, List<FrameworkProperty> properties) {
        this.folders = List.copyOf(folders);
        this.properties = List.copyOf(properties);
    }

    /** The framework folders of {@code item}, from its innermost enclosing one outwards. */
    @NonNull
    public static FrameworkDefaults of(@NonNull Item item) {
        List<String> folders = new ArrayList<>();
        List<FrameworkProperty> properties = new ArrayList<>();
        ItemGroup<?> group = item.getParent();
        for (int depth = 0; depth < 64 && group instanceof AbstractFolder<?> folder; depth++) {
            FrameworkProperty property = folder.getProperties().get(FrameworkProperty.class);
            if (property != null) {
                folders.add(folder.getFullName());
                properties.add(property);
            }
            group = folder.getParent();
        }
        return folders.isEmpty() ? NONE : new FrameworkDefaults(folders, properties);
    }

    /** The full name of the innermost framework folder, or null outside a framework. */
    @CheckForNull
    public String getFrameworkName() {
        return folders.isEmpty() ? null : folders.get(0);
    }

    /** The full names of every enclosing framework folder, innermost first. */
    public List<String> getFolders() {
        return folders;
    }

    public boolean isPresent() {
        return !folders.isEmpty();
    }

    /**
     * Each folder's settings as a core layer, innermost first.
     *
     * @throws IllegalArgumentException naming the folder and line of a threshold the core refuses
     */
    public List<FrameworkLayer> layers() {
        List<FrameworkLayer> out = new ArrayList<>();
        for (int i = 0; i < properties.size(); i++) {
            out.add(properties.get(i).toLayer("framework " + folders.get(i)));
        }
        return out;
    }

    /** The script the folders give, if any, as written; null also when a folder's settings do not read. */
    @CheckForNull
    public String getScript() {
        try {
            return FrameworkLayer.stack(layers()).script().orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
