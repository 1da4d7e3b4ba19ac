package org.firstspike.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.firstspike.cli.Main;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public com.fasterxml.jackson.databind.JsonNode json() {
        try {
            return org.firstspike.report.Json.MAPPER.readTree(out);
        } catch (java.io.IOException e) {
            throw new AssertionError("stdout is not JSON: " + out, e);
        }
    }
}
