package org.scalemodel.api.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.osgi.annotation.versioning.ProviderType;
import org.scalemodel.api.catalog.CatalogSnapshot;

/** Predicts training: one plan, the best plans, or published runs. Thread safe. */
@ProviderType
public interface TrainingEngine {

    /**
     * @param snapshot the plugins and definitions to use
     * @param scenario a scenario with a plan
     * @return the predicted iteration; a plan that does not fit still gets a result, with
     *         {@link MemoryUse#fits()} false
     * @throws IllegalArgumentException if the scenario has no plan, the plan does not divide the
     *                                  workload or system, or a plugin it names is missing
     */
    TrainingResult evaluate(CatalogSnapshot snapshot, TrainingScenario scenario);

    /**
     * Searches the plans of a scenario (its own plan, if any, is ignored). Deterministic.
     *
     * @param top      how many of the best plans to return, &gt;= 1
     * @param progress told as candidates are handled
     */
    PlanSearch plan(CatalogSnapshot snapshot, TrainingScenario scenario, int top, SearchProgress progress);

    /**
     * Predicts the cases of a file in the format of {@code shared/validation/README.md}.
     *
     * @param json   the file's content (a JSON array of cases)
     * @param origin the file's name, for error messages
     * @return one result per case, in file order
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if it is not such a file; the message says where
     */
    List<CaseResult> validate(CatalogSnapshot snapshot, InputStream json, String origin) throws IOException;

    /**
     * Predicts the cases of a file whose id {@code wanted} accepts; the others are read (a file that
     * is not such a file is refused as by {@link #validate(CatalogSnapshot, InputStream, String)}) but
     * not predicted. This default predicts every case and keeps the wanted ones; an engine skips the
     * others' work.
     *
     * @return the wanted cases' results, in file order
     * @since 0.2
     */
    default List<CaseResult> validate(CatalogSnapshot snapshot, InputStream json, String origin,
            Predicate<String> wanted) throws IOException {
        return validate(snapshot, json, origin).stream().filter(r -> wanted.test(r.id())).toList();
    }

    /**
     * As {@link #validate(CatalogSnapshot, InputStream, String, Predicate)}, crediting the overlaps
     * named in {@code credited} as hiding what they overlap where a case states them: a what-if
     * beside the validation, which prices stated overlaps as hiding nothing. This default credits
     * none and refuses to be asked to.
     *
     * @throws UnsupportedOperationException if {@code credited} names an overlap the engine cannot credit
     * @since 0.4
     */
    default List<CaseResult> validate(CatalogSnapshot snapshot, InputStream json, String origin,
            Predicate<String> wanted, Set<StatedOverlap> credited) throws IOException {
        if (!credited.isEmpty()) {
            throw new UnsupportedOperationException("this training engine cannot credit stated overlaps " + credited);
        }
        return validate(snapshot, json, origin, wanted);
    }
}
