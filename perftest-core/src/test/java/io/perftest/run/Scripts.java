package io.perftest.run;

import io.perftest.config.ConfigLoader;
import io.perftest.model.RunSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** Writes real frameworks (framework.yaml + a bash script) into a directory for the engine tests. */
final class Scripts {

    private Scripts() {
    }

    /** A framework named {@code name} whose script is {@code body} (bash), with extra YAML lines. */
    static Path framework(Path root, String name, String body, String yaml) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Path script = dir.resolve("run.sh");
        Files.writeString(script, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("framework.yaml"), "name: " + name + "\nscript: run.sh\n" + yaml);
        return dir;
    }

    static RunSpec spec(Path frameworkDir, Map<String, String> params) {
        ConfigLoader loader = new ConfigLoader();
        ConfigLoader.Target t = loader.loadTarget(frameworkDir);
        return loader.resolve(t.framework(), t.test(), params);
    }
}
