package org.firstspike.model;

/** Whether one quantization scale covers a whole weight tensor or each output channel has its own. */
public enum Granularity {
    PER_TENSOR("tensor"), PER_CHANNEL("channel");

    private final String word;

    Granularity(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
