package headwater.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ToolsTest {

    @Test
    void findsExecutablesOnPath() {
        assertThat(Tools.onPath("sh")).hasValueSatisfying(p -> assertThat(p).isExecutable());
        assertThat(Tools.onPath("headwater-no-such-tool")).isEmpty();
    }

    @Test
    void aMissingToolSkipsLocallyAndFailsUnderCi() {
        Throwable thrown = catchThrowable(() -> Tools.require("headwater-no-such-tool", "no-such-package"));

        if (Tools.underCi()) {
            assertThat(thrown).isInstanceOf(AssertionFailedError.class).hasMessageContaining("CI=true");
        } else {
            assertThat(thrown).isInstanceOf(TestAbortedException.class);
        }
        assertThat(thrown).hasMessageContaining("headwater-no-such-tool").hasMessageContaining("no-such-package");
    }
}
