package org.scalemodel.api.hardware;

import java.util.Locale;

/** Where a model number comes from: every figure in a definition says which. */
public enum Provenance {
    /** The maker's statement: datasheet, keynote, product page, or a vendor paper on its own design. */
    VENDOR,
    /** Measured on real hardware in a paper or public benchmark. */
    PAPER,
    /** Measured by a micro-benchmark (ours or public) of the part itself. */
    MEASURED,
    /** A third party's figure, or one derived from sourced figures (the note says how). */
    ESTIMATE,
    /** No source: a stated assumption (the note says why it is reasonable). */
    ASSUMED;

    /** @return the lower-case name used in files and reports */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
