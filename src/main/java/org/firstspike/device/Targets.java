package org.firstspike.device;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.diag.Suggest;

/** Loads targets by name (the ones shipped in targets/) or from a JSON file path. */
public final class Targets {
    private Targets() {
    }

    public static final List<String> SHIPPED = List.of("ice40-up5k", "ice40-hx8k", "xc7a35t", "xc7a35t-serial", "xc7a100t-serial",
            "xc7a35t-lanes8", "xc7a35t-units8", "generic", "generic-serial", "generic-units4");
    public static final String DEFAULT = "generic";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public static Target load(String nameOrPath) {
        if (SHIPPED.contains(nameOrPath)) {
            try (InputStream in = Targets.class.getResourceAsStream("/targets/" + nameOrPath + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("target " + nameOrPath + " is not on the classpath");
                }
                return JSON.readValue(in, Target.class);
            } catch (IOException e) {
                throw new IllegalStateException("shipped target " + nameOrPath + " is broken", e);
            }
        }
        Path p = Path.of(nameOrPath);
        if (!nameOrPath.endsWith(".json") || !Files.exists(p)) {
            throw DiagnosticException.fileError(nameOrPath, "unknown target; use one of " + String.join(", ", SHIPPED)
                    + " or a target .json file" + Suggest.didYouMean(nameOrPath, SHIPPED));
        }
        try {
            return JSON.readValue(p.toFile(), Target.class);
        } catch (IOException e) {
            throw DiagnosticException.fileError(nameOrPath, "not a valid target description: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
