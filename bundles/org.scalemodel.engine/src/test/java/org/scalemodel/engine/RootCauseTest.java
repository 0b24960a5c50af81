package org.scalemodel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RootCauseTest {

    @Test
    void reportsTheLastCauseOfAComponentRuntimeStackTrace() {
        String trace = "java.lang.reflect.InvocationTargetException\n\tat a.b.C.d(C.java:1)\n"
                + "Caused by: java.lang.IllegalStateException: refuses to start\n\tat x.Y.<init>(Y.java:9)\n";
        assertThat(ServiceObjectsBinder.rootCause(trace)).isEqualTo("java.lang.IllegalStateException: refuses to start");
    }

    @Test
    void reportsTheFirstLineWhenThereIsNoCause() {
        assertThat(ServiceObjectsBinder.rootCause("java.lang.Error: boom\n\tat a.B.c(B.java:1)")).isEqualTo("java.lang.Error: boom");
    }
}
