package org.scalemodel.engine.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.log.LoggerFactory;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/** One log pipeline: records of the OSGi Log Service and of SLF4J both reach Logback. */
@ExtendWith(ServiceExtension.class)
class LoggingIT {

    @InjectService(timeout = 10_000)
    LoggerFactory osgiLoggers;

    @Test
    void recordsOfTheOsgiLogServiceReachLogback() throws Exception {
        String token = "osgi-log-record-" + System.nanoTime();
        awaitInLogback(token, () -> osgiLoggers.getLogger("org.scalemodel.itest.osgi").warn(token));
    }

    @Test
    void recordsOfSlf4jReachLogback() throws Exception {
        String token = "slf4j-record-" + System.nanoTime();
        awaitInLogback(token, () -> org.slf4j.LoggerFactory.getLogger("org.scalemodel.itest.slf4j").warn(token));
    }

    /** Logs, then waits (bounded, no sleep) until Logback's root logger has seen the token. */
    private static void awaitInLogback(String token, Runnable log) throws InterruptedException {
        Logger root = (Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        CountDownLatch seen = new CountDownLatch(1);
        AppenderBase<ILoggingEvent> probe = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getFormattedMessage().contains(token)) {
                    seen.countDown();
                }
            }
        };
        probe.setContext(root.getLoggerContext());
        probe.start();
        root.addAppender(probe);
        try {
            log.run();
            assertThat(seen.await(10, TimeUnit.SECONDS)).as("Logback saw '%s'", token).isTrue();
        } finally {
            root.detachAppender(probe);
            probe.stop();
        }
    }
}
