package io.perftest.config;

import io.perftest.model.CollectorSpec;
import io.perftest.model.ConfigException;
import io.perftest.model.Framework;
import io.perftest.model.FrameworkLayer;
import io.perftest.model.Origin;
import io.perftest.model.Parameter;
import io.perftest.model.RunSpec;
import io.perftest.model.SourcedText;
import io.perftest.model.TestSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads {@code framework.yaml} and test files, validates them, and resolves the parameters of
 * a run. Every error is a {@link ConfigException} naming the file, the line and the key.
 */
public final class ConfigLoader {

    public static final String FRAMEWORK_FILE = "framework.yaml";

    static final Set<String> FRAMEWORK_KEYS = Set.of("name", "description", "script", "arguments", "environment",
            "timeout", "repeat", "collectors", "statsHosts", "thresholds", "baseline", "results", "triggers", "trend");
    static final Set<String> ARGUMENT_KEYS = Set.of("name", "default", "description");
    static final Set<String> TEST_KEYS = Set.of("name", "description", "parameters", "timeout", "repeat",
            "collectors", "thresholds", "baseline");
    private static final Pattern BASELINE = Pattern.compile("previous|pinned|median-of-last:[1-9][0-9]*");
    private static final Pattern TEST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final ConfigChecks checks;

    public ConfigLoader(ConfigChecks checks) {
        this.checks = checks;
    }

    public ConfigLoader() {
        this(ConfigChecks.NONE);
    }

    /** What {@code perftest run <path>} runs: a framework and one of its tests. */
    public record Target(Framework framework, TestSpec test) {
    }

    /**
     * Reads the target of {@code perftest run}: a framework directory (its default test), its
     * {@code framework.yaml}, or a test file beside a {@code framework.yaml}.
     */
    public Target loadTarget(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (Files.isDirectory(p)) {
            Framework fw = loadFramework(p);
            return new Target(fw, TestSpec.defaults("default", Origin.of(p.resolve(FRAMEWORK_FILE).toString())));
        }
        if (!Files.exists(p)) {
            throw new ConfigException(Origin.of(path.toString()),
                    "no such file or directory (expected a framework directory or a test .yaml file)");
        }
        if (p.getFileName().toString().equals(FRAMEWORK_FILE)) {
            return loadTarget(p.getParent());
        }
        Path dir = p.getParent();
        if (!Files.isRegularFile(dir.resolve(FRAMEWORK_FILE))) {
            throw new ConfigException(Origin.of(path.toString()),
                    "a test file must sit beside its framework.yaml, and " + dir.resolve(FRAMEWORK_FILE) + " does not exist");
        }
        Framework fw = loadFramework(dir);
        return new Target(fw, loadTest(p, fw));
    }

    public Framework loadFramework(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        Path file = dir.resolve(FRAMEWORK_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(Origin.of(dir.toString()), "not a framework: " + FRAMEWORK_FILE + " not found in this directory");
        }
        Fields f = new Fields(YamlReader.read(file), FRAMEWORK_FILE);
        f.map().requireKnownKeys(FRAMEWORK_KEYS, FRAMEWORK_FILE);

        String name = f.text("name").orElse(dir.getFileName().toString());
        checkName(name, f.has("name") ? f.valueOrigin("name") : f.map().origin(), "framework name");
        String scriptText = f.requiredText("script", FRAMEWORK_FILE);
        Path script = dir.resolve(scriptText).normalize();
        if (!Files.isRegularFile(script)) {
            throw new ConfigException(f.valueOrigin("script"), "script '" + scriptText + "' not found (looked for " + script + ")");
        }
        if (!Files.isExecutable(script)) {
            throw new ConfigException(f.valueOrigin("script"), "script '" + scriptText + "' is not executable (chmod +x " + script + ")");
        }
        Framework.Builder b = Framework.builder(name).directory(dir).script(script)
                .description(f.text("description").orElse(""));
        for (Parameter p : arguments(f)) {
            b.argument(p);
        }
        f.scalarMap("environment").forEach((k, v) -> b.environment(k, v.text()));
        f.duration("timeout").ifPresent(b::timeout);
        f.positiveInt("repeat").ifPresent(b::repeat);
        collectors(f).ifPresent(list -> list.forEach(b::collector));
        f.textList("statsHosts").forEach(b::statsHost);
        thresholds(f).forEach(b::threshold);
        baseline(f).ifPresent(b::baseline);
        f.textList("results").forEach(b::resultFile);
        triggers(f).forEach(b::trigger);
        f.textList("trend").forEach(b::trend);
        return b.build();
    }

    /**
     * The framework a stack of configuration layers makes (innermost first, merged by
     * {@link FrameworkLayer#stack}): how Jenkins' nested framework folders, a step's overrides and
     * the global defaults become one framework, by the same rule everywhere.
     *
     * @param where names the configuration for the error when no layer sets the script
     */
    public Framework framework(String name, Path directory, List<FrameworkLayer> innermostFirst, Origin where) {
        FrameworkLayer merged = FrameworkLayer.stack(innermostFirst);
        if (merged.script().isEmpty()) {
            throw new ConfigException(where, "no execution script: set 'script' here or in an enclosing framework");
        }
        return Framework.builder(name).directory(directory.toAbsolutePath().normalize()).apply(merged).build();
    }

    /** Whether {@code name} may name a framework or a test (it names a directory). */
    public static boolean isValidName(String name) {
        return name != null && TEST_NAME.matcher(name).matches();
    }

    /** Refuses a baseline policy other than previous, pinned or median-of-last:N, saying so. */
    public static void checkBaseline(String policy) {
        if (!BASELINE.matcher(policy.trim()).matches()) {
            throw new IllegalArgumentException("baseline '" + policy + "' must be previous, pinned or median-of-last:N");
        }
    }

    public TestSpec loadTest(Path file, Framework framework) {
        String fileName = file.toString();
        Fields f = new Fields(YamlReader.read(file), fileName);
        f.map().requireKnownKeys(TEST_KEYS, "a test file");
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = f.text("name").orElse(base);
        checkName(name, f.has("name") ? f.valueOrigin("name") : f.map().origin(), "test name");
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        f.scalarMap("parameters").forEach((k, v) -> {
            if (framework.argument(k).isEmpty()) {
                throw new ConfigException(v.origin(), undeclared(k, framework));
            }
            params.put(k, v.text());
            origins.put(k, v.origin());
        });
        return new TestSpec(name, f.text("description").orElse(""), params, origins, f.duration("timeout"),
                f.positiveInt("repeat"), collectors(f), thresholds(f), baseline(f), f.map().origin());
    }

    /**
     * Resolves the parameter values of a run: the framework's defaults, overridden by the
     * test's, then by {@code overrides} (from {@code -p NAME=VALUE}).
     */
    public RunSpec resolve(Framework framework, TestSpec test, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : test.parameters().keySet()) {
            if (framework.argument(name).isEmpty()) {
                throw new ConfigException(test.originOf(name), undeclared(name, framework));
            }
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (framework.argument(e.getKey()).isEmpty()) {
                throw new ConfigException(Origin.of("command line: -p " + e.getKey() + "=" + e.getValue()),
                        undeclared(e.getKey(), framework));
            }
        }
        for (Parameter p : framework.arguments()) {
            String v = overrides.containsKey(p.name()) ? overrides.get(p.name())
                    : test.parameters().containsKey(p.name()) ? test.parameters().get(p.name())
                    : p.defaultValue();
            if (v == null) {
                throw new ConfigException(p.origin(), "parameter '" + p.name()
                        + "' is declared without a default and " + test.name() + " gives it no value: set it in the test's"
                        + " 'parameters', give it a default here, or pass -p " + p.name() + "=VALUE");
            }
            values.put(p.name(), v);
        }
        List<SourcedText> thresholds = new ArrayList<>(framework.thresholds());
        thresholds.addAll(test.thresholds());
        return new RunSpec(framework, test, values, test.timeout().orElse(framework.timeout()),
                test.repeat().orElse(framework.repeat()), test.collectors().orElse(framework.collectors()),
                framework.statsHosts(), thresholds, test.baseline().orElse(framework.baseline()));
    }

    private static String undeclared(String name, Framework framework) {
        List<String> declared = framework.arguments().stream().map(Parameter::name).toList();
        return "parameter '" + name + "' is not declared in the framework's 'arguments' ("
                + (declared.isEmpty() ? "it declares none" : "declared: " + String.join(", ", declared)) + ")";
    }

    private static void checkName(String name, Origin origin, String what) {
        if (!isValidName(name)) {
            throw new ConfigException(origin, what + " '" + name
                    + "' must start with a letter or digit and hold only letters, digits, '_', '.' and '-' (it names a directory)");
        }
    }

    private static List<Parameter> arguments(Fields f) {
        List<Parameter> out = new ArrayList<>();
        Optional<YamlNode.Sequence> list = f.list("arguments");
        if (list.isEmpty()) {
            return out;
        }
        for (YamlNode item : list.get().items()) {
            Parameter p;
            if (item instanceof YamlNode.Scalar s) {
                p = parameter(s.text(), null, "", s.origin());
            } else {
                Fields a = new Fields(item, "an argument");
                a.map().requireKnownKeys(ARGUMENT_KEYS, "an argument");
                p = parameter(a.requiredText("name", "an argument"), a.text("default").orElse(null),
                        a.text("description").orElse(""), item.origin());
            }
            if (out.stream().anyMatch(q -> q.name().equals(p.name()))) {
                throw new ConfigException(item.origin(), "argument '" + p.name() + "' is declared twice");
            }
            out.add(p);
        }
        return out;
    }

    private static Parameter parameter(String name, String def, String description, Origin origin) {
        try {
            return new Parameter(name == null ? "" : name, def, description, origin);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(origin, e.getMessage());
        }
    }

    private Optional<List<CollectorSpec>> collectors(Fields f) {
        Optional<YamlNode.Sequence> list = f.list("collectors");
        if (list.isEmpty()) {
            return f.map().entries().containsKey("collectors") ? Optional.of(List.of()) : Optional.empty();
        }
        List<CollectorSpec> out = new ArrayList<>();
        Map<String, YamlNode> seen = new HashMap<>();
        for (YamlNode item : list.get().items()) {
            CollectorSpec spec;
            try {
                spec = collector(item);
                checks.collector().accept(spec);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(item.origin(), e.getMessage());
            }
            YamlNode first = seen.putIfAbsent(spec.identity(), item);
            if (first != null) {
                throw new ConfigException(item.origin(), "collector " + spec.identity() + " is already listed at line "
                        + first.origin().line() + "; a run has one of each (two command counters need two names)");
            }
            out.add(spec);
        }
        return Optional.of(out);
    }

    private static CollectorSpec collector(YamlNode item) {
        if (item instanceof YamlNode.Scalar s) {
            return CollectorSpec.parse(s.text() == null ? "" : s.text());
        }
        if (item instanceof YamlNode.Mapping m && m.entries().size() == 1) {
            Map.Entry<String, YamlNode> e = m.entries().entrySet().iterator().next();
            Map<String, String> options = new LinkedHashMap<>();
            if (!Fields.isNull(e.getValue())) {
                new Fields(e.getValue(), "the options of collector '" + e.getKey() + "'").map().entries()
                        .forEach((k, v) -> options.put(k, option(v, e.getKey() + "." + k)));
            }
            return new CollectorSpec(e.getKey(), options);
        }
        throw new ConfigException(item.origin(),
                "a collector is written 'sar', 'sar:interval=1s' or '{sar: {interval: 1s}}', found " + item.kind());
    }

    /** An option's value: a scalar, or a list of scalars written with ';' between items (as on the command line). */
    private static String option(YamlNode v, String key) {
        if (!(v instanceof YamlNode.Sequence seq)) {
            return Fields.scalar(v, key);
        }
        List<String> items = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            String text = Fields.scalar(item, key);
            if (text == null || text.isEmpty() || text.contains(";")) {
                throw new ConfigException(item.origin(), "an item of the list '" + key + "' is "
                        + (text == null || text.isEmpty() ? "empty" : "'" + text + "', which holds a ';' (the list separator)"));
            }
            items.add(text);
        }
        return String.join(";", items);
    }

    private List<SourcedText> thresholds(Fields f) {
        List<SourcedText> out = new ArrayList<>();
        f.list("thresholds").ifPresent(s -> {
            for (YamlNode item : s.items()) {
                String text = Fields.scalar(item, "thresholds");
                if (text == null || text.isBlank()) {
                    throw new ConfigException(item.origin(), "empty threshold");
                }
                try {
                    checks.threshold().accept(text);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(item.origin(), "bad threshold '" + text + "': " + e.getMessage());
                }
                out.add(new SourcedText(text, item.origin()));
            }
        });
        return out;
    }

    /** {@code triggers:} as written, each with its line; their syntax is checked where they are parsed (collect.Trigger). */
    private static List<SourcedText> triggers(Fields f) {
        List<SourcedText> out = new ArrayList<>();
        f.list("triggers").ifPresent(s -> {
            for (YamlNode item : s.items()) {
                String text = Fields.scalar(item, "triggers");
                if (text == null || text.isBlank()) {
                    throw new ConfigException(item.origin(), "empty trigger (expected e.g. 'sar.cpu.all.idle < 5 for 30s: abort')");
                }
                out.add(new SourcedText(text, item.origin()));
            }
        });
        return out;
    }

    private static Optional<String> baseline(Fields f) {
        return f.text("baseline").map(b -> {
            try {
                checkBaseline(b);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(f.valueOrigin("baseline"), e.getMessage());
            }
            return b.trim();
        });
    }
}
