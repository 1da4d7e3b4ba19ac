package org.firstspike.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.sim.HardwareImage;
import org.firstspike.sim.SimProgram;
import org.firstspike.testing.Hdl;
import org.firstspike.testing.Lowering;
import org.firstspike.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ImageFootprint lists every memory of the engine: its total equals the memory bits Yosys finds in the
 * generated project before mapping, and the seed model's images are refused on the UP5K with the
 * largest memory named, and fit the Artix-7 parts.
 */
class ImageFootprintTest {
    @TempDir
    Path dir;

    private static HardwareImage image(String example, String target) throws Exception {
        Network net = TestData.example(example);
        Target t = Targets.load(target);
        IrProgram ir = Lowering.compile(net, CompileOptions.defaults(), t);
        return HardwareImage.of(SimProgram.of(ir, t.engine()));
    }

    @Test
    void totalMatchesTheMemoryBitsYosysFinds() throws Exception {
        totalMatchesYosys(image("tiny", "generic-serial"), dir.resolve("one"));
    }

    /** With 3 lanes: wide kernel, threshold and dead words, three state banks; and the direct Zc table. */
    @Test
    void totalMatchesTheMemoryBitsYosysFindsWithLanes() throws Exception {
        Network net = TestData.example("tiny");
        Target t = Lowering.target(dir.resolve("t"), "lanes3", 3, 1, 1, 10, 63, 1024, true);
        IrProgram ir = Lowering.compile(net, CompileOptions.defaults(), t);
        totalMatchesYosys(HardwareImage.of(SimProgram.of(ir, t.engine())), dir.resolve("three"));
    }

    private static void totalMatchesYosys(HardwareImage img, Path dir) throws Exception {
        Files.createDirectories(dir);
        new EngineProject(img, "tiny").writeRtl(dir);
        Hdl.write(dir.resolve("mem.ys"), "read_verilog -sv " + String.join(" ", EngineProject.LIBRARY)
                + " fs_top.v\nhierarchy -top fs_top\nproc\nflatten\nstat\n");
        Hdl.Run r = Hdl.run(dir, java.util.List.of("yosys", "-s", "mem.ys"), 600);
        assertEquals(0, r.code(), r.output());
        Matcher m = Pattern.compile("Number of memory bits:\\s+(\\d+)").matcher(r.output());
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        assertEquals(ImageFootprint.of(img).totalBits(), last, "memory bits: footprint vs Yosys");
        assertNull(ImageFootprint.of(img).misfit(Targets.load("ice40-up5k")));
        assertTrue(Files.exists(dir.resolve("fs_top.v")));
        // iCE40 EBR has one read port: the engine's two-port lists (`FS_LIST, fs_dual_rom) count twice there
        ImageFootprint f = ImageFootprint.of(img);
        // (and, with the direct Zc table, its own fs_dual_rom m_zc)
        Set<String> twoPort = new TreeSet<>();
        String engine = Files.readString(Hdl.lib("fs_engine.v"));
        Matcher list = Pattern.compile("`FS_LIST\\((\\w+),").matcher(engine);
        while (list.find()) {
            twoPort.add(list.group(1));
        }
        Matcher rom = Pattern.compile("fs_dual_rom\\s*#\\([^;]*?\\)\\s*m_(\\w+)\\s*\\(", Pattern.DOTALL).matcher(engine);
        while (rom.find() && img.directZc) {
            twoPort.add(rom.group(1));
        }
        Set<String> marked = new TreeSet<>();
        long lists = 0;
        for (ImageFootprint.Memory x : f.memories()) {
            if (x.secondPort()) {
                for (String name : x.name().split(", ")) {
                    marked.add(name.replaceAll(" \\(.*\\)$", ""));
                }
                lists += x.bits();
            }
        }
        assertEquals(twoPort, marked);
        assertEquals(f.totalBits() + lists, f.bitsOn(Targets.load("ice40-up5k")));
        assertEquals(f.totalBits(), f.bitsOn(Targets.load("xc7a35t-serial")));
    }

    @Test
    void theSeedModelFitsTheArtixButNotTheUp5k() throws Exception {
        HardwareImage img = image("fmnist_shuffle_delay", "generic-serial");
        ImageFootprint f = ImageFootprint.of(img);
        // the kernel rows: one int8 level per (input channel, tap, output channel) of every core
        assertEquals("kernel", f.largest().name());
        assertEquals(89_088, f.largest().depth());
        assertEquals(8, f.largest().width());
        String why = f.misfit(Targets.load("ice40-up5k"));
        assertNotNull(why);
        assertTrue(why.contains("kernel") && why.contains("ice40-up5k"), why);
        assertNull(f.misfit(Targets.load("xc7a35t-serial")));
        assertNull(f.misfit(Targets.load("xc7a100t-serial")));
        for (String lanes : new String[] {"xc7a35t-lanes8", "xc7a35t"}) {
            assertNull(ImageFootprint.of(image("fmnist_shuffle_delay", lanes)).misfit(Targets.load(lanes)), lanes);
        }
    }
}
