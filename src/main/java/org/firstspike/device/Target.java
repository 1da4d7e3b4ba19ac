package org.firstspike.device;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A device class from targets/*.json: its resources, the clock reports assume where no
 * place-and-route runs, and the engine configuration the compiler generates for it.
 */
public record Target(String name, String description, String family, String device,
        @JsonProperty("package") String devicePackage, Resources resources,
        @JsonProperty("clock_mhz") double clockMhz, Engine engine) {

    /** What the device offers. RAM blocks are the small embedded RAMs; SPRAM the iCE40UP large ones. */
    public record Resources(@JsonProperty("logic_cells") int logicCells, int luts, int ffs,
            @JsonProperty("ram_blocks") int ramBlocks, @JsonProperty("ram_block_bits") int ramBlockBits,
            @JsonProperty("spram_blocks") int spramBlocks, @JsonProperty("spram_block_bits") int spramBlockBits,
            int dsps) {

        public long ramBits() {
            return (long) ramBlocks * ramBlockBits;
        }

        public long spramBits() {
            return (long) spramBlocks * spramBlockBits;
        }
    }

    /**
     * The generated engine: synapse lanes (accumulations per cycle), neuron units (state updates
     * per cycle), the widths of delay registers and of the widest product, default ticks per t_max,
     * the stream width: elements per cycle of host input, gather, pooling and output writes
     * (absent: as many as lanes), and whether the Verilog engine's neuron unit reads Zc from a table
     * as long as the horizon (absent: false; it then looks Zc up in the two small tables, 3 clocks),
     * and the signed widths of the device's hardware multiplier ports, wide one first (DSP48E1: 25,
     * 18), to which the Verilog lanes tile their products (absent: one product each, tiled by synthesis).
     */
    public record Engine(int lanes, @JsonProperty("neuron_units") int neuronUnits,
            @JsonProperty("delay_bits") int delayBits, @JsonProperty("max_product_bits") int maxProductBits,
            @JsonProperty("ticks_per_t_max") int ticksPerTMax, @JsonProperty("stream_width") Integer streamWidth,
            @JsonProperty("direct_zc_table") Boolean directZcTable,
            @JsonProperty("dsp_ports") List<Integer> dspPorts) {

        public Engine {
            if (dspPorts != null && (dspPorts.size() != 2 || dspPorts.stream().anyMatch(b -> b == null || b < 2)
                    || dspPorts.get(0) < dspPorts.get(1))) {
                throw new IllegalArgumentException("dsp_ports must be two signed port widths of at least 2 bits, "
                        + "the wide port first, e.g. [25, 18]; got " + dspPorts);
            }
        }

        /** Signed width of the hardware multiplier's wide port; 0 when the target names none. */
        public int dspPortA() {
            return dspPorts == null ? 0 : dspPorts.get(0);
        }

        /** Signed width of its narrow port; 0 when the target names none. */
        public int dspPortB() {
            return dspPorts == null ? 0 : dspPorts.get(1);
        }

        /** Whether the neuron unit reads Zc in one clock from a table as long as the horizon. */
        public boolean directZc() {
            return Boolean.TRUE.equals(directZcTable);
        }

        /** Elements per cycle of host input, gather, pooling and output writes. */
        public int stream() {
            return streamWidth == null ? lanes : streamWidth;
        }

        public int maxDelayTicks() {
            return (1 << delayBits) - 1;
        }
    }
}
