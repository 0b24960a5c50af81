package org.scalemodel.launcher.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Definition files the server tests hot-swap under a running server. */
final class Definitions {

    static final String A100 = "nvidia-a100-sxm4-80gb";

    private Definitions() {
    }

    /**
     * An override of the built-in A100 with the given BF16 peak: the GPT-3 example's step time
     * follows it, so a result shows which version it used.
     */
    static String a100(String bf16Peak) {
        return String.join("\n",
                "format: scalemodel-hardware/1",
                "sources:",
                "  T: {title: \"server test override\", url: \"\"}",
                "parts:",
                "  - id: " + A100,
                "    vendor: NVIDIA",
                "    name: A100 SXM4 80GB (test override)",
                "    release: \"2020\"",
                "    peak-dense: {bf16: {value: " + bf16Peak + ", provenance: vendor, source: T}}",
                "    memory-capacity: {value: 80 GB, provenance: vendor, source: T}",
                "    memory-bandwidth: {value: 2039 GB/s, provenance: vendor, source: T}",
                "    scale-up-bandwidth: {value: 600 GB/s bidirectional, provenance: vendor, source: T}",
                "    scale-out-bandwidth: {value: 200 Gb/s per direction, provenance: vendor, source: T}",
                "    tdp: {value: 400 W, provenance: vendor, source: T}",
                "    efficiency:",
                "      matmul: {points: [[8192, 0.8]], precision: bf16, provenance: assumed, note: test}",
                "      memory-bandwidth: {value: 0.9, provenance: assumed, note: test}",
                "      scale-up: {value: 0.8, provenance: assumed, note: test}",
                "      scale-out: {value: 0.9, provenance: assumed, note: test}",
                "");
    }

    /** Writes beside, then renames: the watcher never reads a half-written file. */
    static void write(Path folder, String name, String content) throws IOException {
        Path temporary = folder.resolve("." + name + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
