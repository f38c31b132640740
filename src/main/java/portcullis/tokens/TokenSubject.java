package portcullis.tokens;

import java.util.Set;

/** Who a token is issued to: {@code sub}, {@code upn} and {@code groups}. */
public record TokenSubject(String subject, String upn, Set<String> groups) {
}
