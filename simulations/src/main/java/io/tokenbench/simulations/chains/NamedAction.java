package io.tokenbench.simulations.chains;

import com.typesafe.scalalogging.Logger;
import io.gatling.core.action.Action;
import org.slf4j.LoggerFactory;

/**
 * What Gatling's Scala {@link Action} trait asks of a Java implementation besides {@code execute}:
 * a name and the logger its {@code StrictLogging} mixin expects (with the setter Scala generates
 * for it).
 */
abstract class NamedAction implements Action {
    private final String name;
    private Logger logger = Logger.apply(LoggerFactory.getLogger(getClass()));

    NamedAction(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Logger logger() {
        return logger;
    }

    @Override
    public final void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger value) {
        logger = value;
    }
}
