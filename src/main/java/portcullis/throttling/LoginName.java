package portcullis.throttling;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A login name as directories match it, so that every spelling of one name shares one failure counter: RFC 4518's
 * string preparation in short. Compatibility forms are folded (NFKC: fullwidth and ligature letters), characters
 * that are "mapped to nothing" dropped (soft hyphen, zero-width and joiner characters, variation selectors, other
 * format and control characters), every kind of space made one plain space, runs of spaces one space, spaces at the
 * ends gone, and case folded fully ({@code ß} and {@code ss} alike).
 */
final class LoginName {

    private LoginName() {
    }

    static String counted(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder mapped = new StringBuilder(compatible.length());
        compatible.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                mapped.append(' ');
            } else if (!mappedToNothing(c)) {
                mapped.appendCodePoint(c);
            }
        });
        String folded = mapped.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC).replaceAll(" {2,}", " ").strip();
    }

    private static boolean mappedToNothing(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.CONTROL || c == 0x034F
                || c == 0x1806 || c >= 0x180B && c <= 0x180D || c >= 0xFE00 && c <= 0xFE0F || c == 0xFFFC;
    }
}
