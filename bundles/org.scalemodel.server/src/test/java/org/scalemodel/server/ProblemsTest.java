package org.scalemodel.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalemodel.answers.DoesNotFitException;
import org.scalemodel.answers.UnknownIdException;

class ProblemsTest {

    @Test
    void statusesFollowWhatWentWrong() {
        assertThat(Problems.of(new UnknownIdException("no system 'x'")).status()).isEqualTo(404);
        assertThat(Problems.of(new DoesNotFitException("no plan fits")).status()).isEqualTo(422);
        assertThat(Problems.of(new IllegalArgumentException("bad")).status()).isEqualTo(400);
        ApiException failure = Problems.of(new IllegalStateException("boom"));
        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.getMessage()).isEqualTo("the model failed: boom");
        assertThat(failure.getStackTrace()).as("never carried to a client").isEmpty();
    }

    @Test
    void theFieldPathOrPositionIsTakenFromTheMessage() {
        assertThat(Problems.field("request body: plan.tp: expected a number")).isEqualTo("plan.tp");
        assertThat(Problems.field("request body: search.micro-batches[2]: expected")).isEqualTo("search.micro-batches[2]");
        assertThat(Problems.field("request body:3:7: mapping values are not allowed")).isEqualTo("line 3, column 7");
        assertThat(Problems.field("request body: micro-batch 1 x dp 7 does not divide")).isNull();
        assertThat(Problems.field("something else")).isNull();
    }
}
