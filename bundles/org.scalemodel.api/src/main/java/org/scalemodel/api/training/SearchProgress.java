package org.scalemodel.api.training;

/** Told how far a long search has come; called from the searching thread. */
@FunctionalInterface
public interface SearchProgress {

    /** Ignores progress. */
    SearchProgress NONE = (done, total) -> { };

    /**
     * @param done  candidates handled so far
     * @param total candidates in all
     */
    void progress(long done, long total);
}
