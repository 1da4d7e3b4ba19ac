package org.firstspike.diag;

/** How bad a diagnostic is: errors stop the run, warnings and notes do not. */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
