package org.firstspike.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The facts a speed figure depends on: processor, cores, JVM, heap. */
public record Machine(String cpu, int cores, String jvm, String os, long maxHeapBytes) {

    public static Machine here() {
        return new Machine(cpuName(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), Runtime.getRuntime().maxMemory());
    }

    private static String cpuName() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    public String describe() {
        return String.format("%s, %d cores; %s; %s; max heap %.1f GB", cpu, cores, jvm, os, maxHeapBytes / 1e9);
    }
}
