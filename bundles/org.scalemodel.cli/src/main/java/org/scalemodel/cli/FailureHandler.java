package org.scalemodel.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one clear line on stderr and an exit code: 2 for bad
 * input ({@link IllegalArgumentException}), 1 otherwise. Stack traces go to the log, not to the
 * user.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        boolean badInput = e instanceof IllegalArgumentException;
        command.getErr().println("scalemodel " + command.getCommandName() + ": " + e.getMessage());
        LOG.debug("command {} failed", command.getCommandName(), e);
        return badInput ? 2 : 1;
    }
}
