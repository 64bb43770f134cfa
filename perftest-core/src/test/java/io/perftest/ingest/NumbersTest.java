package io.perftest.ingest;

import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class NumbersTest {

    private static String randomDecimal(Random r) {
        StringBuilder b = new StringBuilder();
        switch (r.nextInt(4)) {
            case 0 -> b.append('-');
            case 1 -> b.append('+');
            default -> { }
        }
        int intDigits = r.nextInt(18);
        for (int i = 0; i < intDigits; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        if (intDigits == 0 || r.nextBoolean()) {
            b.append('.');
            int fracDigits = 1 + r.nextInt(18);
            for (int i = 0; i < fracDigits; i++) {
                b.append((char) ('0' + r.nextInt(10)));
            }
        }
        if (r.nextInt(8) == 0) {
            b.append(r.nextBoolean() ? 'e' : 'E').append(r.nextInt(61) - 30);
        }
        return b.toString();
    }

    @Test
    public void shouldGiveExactlyWhatDoubleParseDoubleGivesForRandomDecimals() {
        Random random = new Random(4242L);
        for (int i = 0; i < 200_000; i++) {
            String text = randomDecimal(random);
            double expected = Double.parseDouble(text);
            double actual = Numbers.parseDouble(text);
            assertEquals(text, Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual));
        }
    }

    @Test
    public void shouldGiveExactlyWhatDoubleParseDoubleGivesForShortDecimalsOfTheFastPath() {
        Random random = new Random(7L);
        for (int i = 0; i < 200_000; i++) {
            long mantissa = random.nextLong() % 1_000_000_000_000_000L;
            int scale = random.nextInt(16);
            String text = java.math.BigDecimal.valueOf(mantissa, scale).toPlainString();
            assertEquals(text, Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(Numbers.parseDouble(text)));
        }
    }

    @Test
    public void shouldIgnoreBlanksAroundTheNumber() {
        assertEquals(12.5, Numbers.parseDouble(" \t12.5\r"), 0);
        assertEquals(-0.0, Numbers.parseDouble("-0"), 0);
        assertTrue(1 / Numbers.parseDouble("-0") < 0);
    }

    @Test
    public void shouldRejectHexFloatsSuffixesAndTextNamingTheValue() {
        for (String bad : new String[] {"0x1p3", "0x10", "1.5d", "2f", "1e5d", "3D", "abc", "1,5", "1 2", "--1", "1.2.3", "12ms"}) {
            NumberFormatException e = assertThrows(bad, NumberFormatException.class, () -> Numbers.parseDouble(bad));
            assertEquals("not a number: '" + bad + "'", e.getMessage());
        }
    }

    @Test
    public void shouldRejectAnEmptyValue() {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Numbers.parseDouble("  "));
        assertEquals("empty value", e.getMessage());
    }

    @Test
    public void shouldCutAVeryLongBadValueInItsMessage() {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Numbers.parseDouble("x".repeat(10_000)));
        assertTrue(e.getMessage(), e.getMessage().length() < 300);
    }

    @Test
    public void shouldReadWholeNumbersAndRejectFractions() {
        assertEquals(-123456789012345678L, Numbers.parseLong("-123456789012345678".getBytes(), 0, 19));
        byte[] fraction = "1.5".getBytes();
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Numbers.parseLong(fraction, 0, 3));
        assertEquals("not a whole number: '1.5'", e.getMessage());
    }
}
