package io.perftest.cli.ssh;

import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Quoting argv words for a remote POSIX shell (that they arrive verbatim is shown by SshHostTest). */
public class ShellQuotingTest {

    @Test
    public void shouldSingleQuoteEveryWordAndEscapeSingleQuotes() {
        assertEquals("'ls' '-l' 'it'\\''s' '' '$(id)'", ShellQuoting.command(List.of("ls", "-l", "it's", "", "$(id)")));
    }

    @Test(expected = IllegalArgumentException.class)
    public void shouldRejectANulCharacter() {
        ShellQuoting.quote("a\0b");
    }

    @Test
    public void shouldAcceptOnlyPortableEnvironmentNames() {
        assertTrue(ShellQuoting.isEnvironmentName("PERFTEST_RUN_ID"));
        assertTrue(ShellQuoting.isEnvironmentName("_x1"));
        assertFalse(ShellQuoting.isEnvironmentName("1X"));
        assertFalse(ShellQuoting.isEnvironmentName("A=B"));
        assertFalse(ShellQuoting.isEnvironmentName("A B"));
        assertFalse(ShellQuoting.isEnvironmentName(""));
    }
}
