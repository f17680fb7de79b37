package org.genericconnector.connector.admin;

import java.util.Locale;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Reads and changes logback logger levels at run time. Thread-safe (logback's levels are). */
public final class LogLevels {
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private LogLevels() {
    }

    /** Sets {@code loggerName}'s level ("ROOT" or empty for the root logger); throws IllegalArgumentException on a bad level. */
    public static void set(String loggerName, String level) {
        String upper = level == null ? "" : level.strip().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(upper)) {
            throw new IllegalArgumentException("level must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, not '" + level + "'");
        }
        logger(loggerName).setLevel(Level.toLevel(upper));
    }

    /** The logger's effective level. */
    public static String effective(String loggerName) {
        return logger(loggerName).getEffectiveLevel().toString();
    }

    private static Logger logger(String loggerName) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("logging is not done by logback; levels cannot be changed at run time");
        }
        String name = loggerName == null || loggerName.isBlank() ? org.slf4j.Logger.ROOT_LOGGER_NAME : loggerName.strip();
        return context.getLogger(name);
    }
}
