package org.firstspike.device;

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
     * as long as the horizon (absent: false; it then looks Zc up in the two small tables, 3 clocks).
     */
    public record Engine(int lanes, @JsonProperty("neuron_units") int neuronUnits,
            @JsonProperty("delay_bits") int delayBits, @JsonProperty("max_product_bits") int maxProductBits,
            @JsonProperty("ticks_per_t_max") int ticksPerTMax, @JsonProperty("stream_width") Integer streamWidth,
            @JsonProperty("direct_zc_table") Boolean directZcTable) {

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
