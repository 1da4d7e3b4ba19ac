package org.firstspike.model;

import java.util.List;
import java.util.stream.Collectors;

/** The shape of a spike tensor: {@code [C, H, W]} for feature maps or {@code [N]} for vectors. */
public record Shape(List<Integer> dims) {

    public Shape {
        dims = List.copyOf(dims);
    }

    public static Shape chw(int c, int h, int w) {
        return new Shape(List.of(c, h, w));
    }

    public static Shape vector(int n) {
        return new Shape(List.of(n));
    }

    public static Shape of(int[] dims) {
        return new Shape(java.util.Arrays.stream(dims).boxed().toList());
    }

    public int rank() {
        return dims.size();
    }

    public boolean isMap() {
        return dims.size() == 3;
    }

    public int channels() {
        return dims.get(0);
    }

    public int height() {
        return dims.get(1);
    }

    public int width() {
        return dims.get(2);
    }

    public int size() {
        return dims.stream().reduce(1, (a, b) -> a * b);
    }

    /** Neurons per channel: H·W for maps, 1 for vectors. */
    public int plane() {
        return isMap() ? height() * width() : 1;
    }

    public int[] toArray() {
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining("×"));
    }
}
