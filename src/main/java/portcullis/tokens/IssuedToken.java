package portcullis.tokens;

/** A signed token and its {@code jti}, by which logs and revocations name it. */
public record IssuedToken(String compact, String jti) {

    @Override
    public String toString() {
        return "IssuedToken[jti=" + jti + "]"; // never the token itself
    }
}
