package io.perftest.model;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class ParameterTest {

    @Test
    public void shouldNameTheEnvironmentVariableInUpperCaseWithUnderscores() {
        assertEquals("PERFTEST_PARAM_DURATION", new Parameter("duration", "5", null).environmentName());
        assertEquals("PERFTEST_PARAM_BLOCK_SIZE_KB", new Parameter("block.size-kb", "5", null).environmentName());
        assertEquals("PERFTEST_PARAM__X1", Parameter.environmentName("_x1"));
    }

    @Test
    public void shouldBeRequiredWithoutADefault() {
        assertTrue(new Parameter("size", null, null).isRequired());
        assertFalse(new Parameter("size", "", null).isRequired());
        assertEquals("", new Parameter("size", "1", null).description());
    }

    @Test
    public void shouldRejectNamesThatCannotBeAnEnvironmentNameSayingWhatIsAllowed() {
        for (String bad : new String[] {"", "1st", "-x", "with space", "a=b", "$(id)", "ü"}) {
            IllegalArgumentException e = assertThrows(bad, IllegalArgumentException.class, () -> new Parameter(bad, "1", ""));
            assertTrue(e.getMessage(), e.getMessage().startsWith("parameter name '" + bad + "' must start with a letter or '_'"));
        }
    }

    @Test
    public void shouldAcceptLettersDigitsUnderscoresDotsAndDashes() {
        for (String good : new String[] {"a", "_", "Size", "block.size", "x-1", "A_B_9"}) {
            assertEquals(good, new Parameter(good, "1", "").name());
        }
    }
}
