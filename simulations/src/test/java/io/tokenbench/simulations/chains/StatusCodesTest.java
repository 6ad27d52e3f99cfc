package io.tokenbench.simulations.chains;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import scala.Option;

/**
 * The code given to Gatling's stats engine is what it was before it was shared: the status text.
 */
class StatusCodesTest {

    @Property(tries = 2000)
    void aStatusIsItsDecimalText(@ForAll @IntRange(min = -5, max = 1200) int status) {
        Option<String> expected =
                status == 0 ? Option.empty() : Option.apply(Integer.toString(status));
        assertThat(StatusCodes.option(status)).isEqualTo(expected);
    }
}
